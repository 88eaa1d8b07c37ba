import type { ExecutionResult } from 'graphql';

/** One subscription result handed to a client's connection (a frame written, or queued behind earlier ones). */
export interface Delivery {
  transport: 'ws' | 'sse';
  /** When the gateway received the event the result was executed for (a stored event's receivedAt), else null. */
  receivedAt: string | null;
  /** The id of that event (tracing links the delivery to the webhook that brought it), else null. */
  eventId: string | null;
}

/** Called once per delivery, synchronously: keep it cheap (a counter, a histogram observation). */
export type OnDelivery = (delivery: Delivery) => void;

/** The event a result was executed for, as a delivery reports it. */
export type DeliveredEvent = Pick<Delivery, 'receivedAt' | 'eventId'>;

const UNKNOWN_EVENT: DeliveredEvent = { receivedAt: null, eventId: null };

/** Remembers, per result, when its event was received (and its id), so each delivery of a shared result can report its lag. */
export interface ReceivedTimes {
  /** For SharedExecutionOptions.onResult. */
  record(result: ExecutionResult, payload: unknown): void;
  of(result: ExecutionResult): DeliveredEvent;
}

/** The stored event a subscription's source payload is (receivedAt and id), else UNKNOWN_EVENT (e.g. an operation record). */
export function deliveredEventOf(payload: unknown): DeliveredEvent {
  if (typeof payload !== 'object' || payload === null || !('receivedAt' in payload)) return UNKNOWN_EVENT;
  const { receivedAt, id } = payload as { receivedAt: unknown; id?: unknown };
  return typeof receivedAt === 'string' ? { receivedAt, eventId: typeof id === 'string' ? id : null } : UNKNOWN_EVENT;
}

export function createReceivedTimes(): ReceivedTimes {
  const events = new WeakMap<ExecutionResult, DeliveredEvent>();
  return {
    record(result, payload) {
      const event = deliveredEventOf(payload);
      if (event !== UNKNOWN_EVENT) events.set(result, event);
    },
    of: (result) => events.get(result) ?? UNKNOWN_EVENT,
  };
}
