import type { ExecutionResult } from 'graphql';

/** One subscription result handed to a client's connection (a frame written, or queued behind earlier ones). */
export interface Delivery {
  transport: 'ws' | 'sse';
  /** When the gateway received the event the result was executed for (a stored event's receivedAt), else null. */
  receivedAt: string | null;
}

/** Called once per delivery, synchronously: keep it cheap (a counter, a histogram observation). */
export type OnDelivery = (delivery: Delivery) => void;

/** Remembers, per result, when its event was received, so each delivery of a shared result can report its lag. */
export interface ReceivedTimes {
  /** For SharedExecutionOptions.onResult. */
  record(result: ExecutionResult, payload: unknown): void;
  of(result: ExecutionResult): string | null;
}

export function createReceivedTimes(): ReceivedTimes {
  const times = new WeakMap<ExecutionResult, string>();
  return {
    record(result, payload) {
      if (typeof payload !== 'object' || payload === null || !('receivedAt' in payload)) return;
      const { receivedAt } = payload as { receivedAt: unknown };
      if (typeof receivedAt === 'string') times.set(result, receivedAt);
    },
    of: (result) => times.get(result) ?? null,
  };
}
