import type { FormattedExecutionResult } from 'graphql';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

export interface CloseInfo {
  code: number;
  reason: string;
}

/** Messages of one operation, in arrival order; `error` is a protocol `error` message (errors before execution). */
export type OperationMessage = { kind: 'next'; result: FormattedExecutionResult } | { kind: 'error'; errors: readonly { message: string; extensions?: Record<string, unknown> }[] } | { kind: 'complete' };

export interface OperationHandle {
  /** The `index`-th message (0-based) once it arrived. */
  message(index: number): Promise<OperationMessage>;
  readonly messages: readonly OperationMessage[];
  stop(): void;
}

export interface TestWsClient {
  /** Resolves on connection_ack. */
  readonly connected: Promise<void>;
  /** Resolves with the first close of the socket. */
  readonly closed: Promise<CloseInfo>;
  run(query: string, variables?: Record<string, unknown>): OperationHandle;
  dispose(): Promise<void>;
}

/** A real graphql-ws client (the `ws` package) with the given connection_init payload, connecting at once. */
export function openTestWsClient(httpUrl: string, connectionParams: Record<string, unknown>): TestWsClient {
  let resolveConnected!: () => void;
  let resolveClosed!: (info: CloseInfo) => void;
  const connected = new Promise<void>((resolve) => (resolveConnected = resolve));
  const closed = new Promise<CloseInfo>((resolve) => (resolveClosed = resolve));
  const client = createClient({
    url: httpUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams,
    lazy: false,
    retryAttempts: 0,
    onNonLazyError: () => undefined, // the close is what tests assert
    on: {
      connected: () => resolveConnected(),
      closed: (event) => {
        const { code, reason } = event as { code: number; reason: string };
        resolveClosed({ code, reason: String(reason) });
      },
    },
  });
  return {
    connected,
    closed,
    run(query, variables = {}) {
      const messages: OperationMessage[] = [];
      const waiters: { index: number; resolve: (message: OperationMessage) => void }[] = [];
      const push = (message: OperationMessage): void => {
        messages.push(message);
        for (const waiter of waiters.filter((w) => w.index < messages.length)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(messages[waiter.index]!);
        }
      };
      const stop = client.subscribe(
        { query, variables },
        {
          next: (result) => push({ kind: 'next', result: result as FormattedExecutionResult }),
          error: (error) => push({ kind: 'error', errors: Array.isArray(error) ? (error as { message: string }[]) : [{ message: String((error as { reason?: string }).reason ?? error) }] }),
          complete: () => push({ kind: 'complete' }),
        },
      );
      return {
        messages,
        message: (index) => (index < messages.length ? Promise.resolve(messages[index]!) : new Promise((resolve) => waiters.push({ index, resolve }))),
        stop,
      };
    },
    async dispose() {
      await client.dispose();
    },
  };
}
