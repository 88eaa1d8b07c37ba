import type { Client, FormattedExecutionResult } from 'graphql-ws';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

type Result = FormattedExecutionResult<Record<string, unknown>, unknown>;

export interface CloseInfo {
  code: number;
  reason: string;
}

/** Messages of one operation, in arrival order; `error` is a protocol `error` message (errors before execution). */
export type OperationMessage = { kind: 'next'; result: Result } | { kind: 'error'; errors: readonly { message: string; extensions?: Record<string, unknown> }[] } | { kind: 'complete' };

/** One operation's messages as they arrive (see `WsClient.run`). */
export interface OperationHandle {
  /** The `index`-th message (0-based) once it arrived. */
  message(index: number): Promise<OperationMessage>;
  readonly messages: readonly OperationMessage[];
  /** Sends `complete`; the completion that follows is the client's own and is not recorded. */
  stop(): void;
}

/** A real graphql-ws client (the `ws` package as its WebSocket) plus what its sockets did, for assertions. */
export interface WsClient {
  readonly client: Client;
  /** Every socket close this client saw, in order. */
  readonly closes: readonly CloseInfo[];
  /** Resolves once `count` sockets were acknowledged (connection_ack), counting reconnections. */
  connected(count?: number): Promise<void>;
  /** Resolves with the `count`-th close (1-based). */
  closed(count?: number): Promise<CloseInfo>;
  /** Starts an operation and records every message of it, errors included (`subscribe` below collects items). */
  run(query: string, variables?: Record<string, unknown>): OperationHandle;
  /** Disposes the client and waits for its socket to close (if one is open). */
  dispose(): Promise<void>;
}

export interface WsClientOptions {
  /** An http(s) or ws(s) URL, or a function asked at every (re)connection: where to go now. */
  url: string | (() => string);
  /** Reconnect at once after an abnormal close or a 1001, as many times as this (no back-off). @default 0 */
  reconnects?: number;
  /** Connect at once and keep the socket open without subscriptions. @default false */
  eager?: boolean;
  /** The connection_init payload, e.g. `{ authorization: 'Bearer …' }`. */
  connectionParams?: Record<string, unknown>;
}

const toWsUrl = (url: string): string => url.replace(/^http/, 'ws');

export function openWsClient(options: WsClientOptions): WsClient {
  const closes: CloseInfo[] = [];
  let acks = 0;
  const ackWaiters: { count: number; resolve: () => void }[] = [];
  const closeWaiters: { count: number; resolve: (info: CloseInfo) => void }[] = [];
  const url = options.url;
  const client = createClient({
    url: () => toWsUrl(typeof url === 'string' ? url : url()),
    webSocketImpl: WebSocket,
    ...(options.connectionParams === undefined ? {} : { connectionParams: options.connectionParams }),
    lazy: options.eager !== true,
    // Errors of an eager socket are what the test asserts through `closes`; nothing to print.
    onNonLazyError: () => undefined,
    retryAttempts: options.reconnects ?? 0,
    // A test reconnects at once: the next target is already known, no back-off to wait out.
    retryWait: async () => undefined,
    on: {
      connected: () => {
        acks++;
        for (const waiter of ackWaiters.filter((w) => w.count <= acks)) {
          ackWaiters.splice(ackWaiters.indexOf(waiter), 1);
          waiter.resolve();
        }
      },
      closed: (event) => {
        const { code, reason } = event as { code: number; reason: string };
        closes.push({ code, reason: String(reason) });
        for (const waiter of closeWaiters.filter((w) => w.count <= closes.length)) {
          closeWaiters.splice(closeWaiters.indexOf(waiter), 1);
          waiter.resolve(closes[waiter.count - 1]);
        }
      },
    },
  });
  let socketOpen = false;
  client.on('connected', () => (socketOpen = true));
  client.on('closed', () => (socketOpen = false));

  const wsClient: WsClient = {
    client,
    closes,
    connected: (count = 1) => (acks >= count ? Promise.resolve() : new Promise((resolve) => ackWaiters.push({ count, resolve }))),
    closed: (count = 1) => (closes.length >= count ? Promise.resolve(closes[count - 1]) : new Promise((resolve) => closeWaiters.push({ count, resolve }))),
    run: (query, variables = {}) => runOperation(client, query, variables),
    async dispose() {
      const pending = socketOpen ? wsClient.closed(closes.length + 1) : null;
      await client.dispose();
      if (pending !== null) await pending;
    },
  };
  return wsClient;
}

function runOperation(client: Client, query: string, variables: Record<string, unknown>): OperationHandle {
  const messages: OperationMessage[] = [];
  const waiters: { index: number; resolve: (message: OperationMessage) => void }[] = [];
  const push = (message: OperationMessage): void => {
    messages.push(message);
    for (const waiter of waiters.filter((w) => w.index < messages.length)) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(messages[waiter.index]!);
    }
  };
  let stopped = false;
  const unsubscribe = client.subscribe<Record<string, unknown>>(
    { query, variables },
    {
      next: (result) => push({ kind: 'next', result }),
      error: (error) => push({ kind: 'error', errors: Array.isArray(error) ? (error as { message: string }[]) : [{ message: String((error as { reason?: string }).reason ?? error) }] }),
      // After stop() the client completes the operation itself: that is not a message of the server's.
      complete: () => (stopped ? undefined : push({ kind: 'complete' })),
    },
  );
  return {
    messages,
    message: (index) => (index < messages.length ? Promise.resolve(messages[index]!) : new Promise((resolve) => waiters.push({ index, resolve }))),
    stop() {
      stopped = true;
      unsubscribe();
    },
  };
}

export type SubscriptionEnd = { kind: 'complete' } | { kind: 'error'; error: unknown };

/** One subscription's results as they arrive. */
export interface Recording<T> {
  /** Every `next` payload, in order. */
  readonly results: readonly Result[];
  /** `data[field]` of every result that has it, in order. */
  readonly items: readonly T[];
  /** Resolves once `items` holds `count` items (answers them); rejects if the subscription ends first. */
  take(count: number): Promise<T[]>;
  /** Resolves once `predicate` holds; rejects if the subscription ends first. */
  until(predicate: () => boolean, what: string): Promise<void>;
  /** Settles when the server completes or errors the subscription (or the socket is lost without reconnects). */
  readonly ended: Promise<SubscriptionEnd>;
  /** Sends `complete` (a no-op once ended). */
  stop(): void;
}

export interface SubscribeOptions {
  query: string;
  variables?: Record<string, unknown>;
  /** The subscription field whose values `items` collects, e.g. 'groupEvents'. */
  field: string;
  /**
   * Keep `variables.after` at the cursor of the last item received, so a reconnection of the client re-subscribes
   * from there: graphql-ws sends the same payload object again, which is how a client resumes by cursor.
   */
  resumeByCursor?: boolean;
}

export function subscribe<T>(ws: WsClient, options: SubscribeOptions): Recording<T> {
  const results: Result[] = [];
  const items: T[] = [];
  const checks = new Set<() => void>();
  let end: SubscriptionEnd | null = null;
  let settleEnded!: (value: SubscriptionEnd) => void;
  const ended = new Promise<SubscriptionEnd>((resolve) => (settleEnded = resolve));
  const payload = { query: options.query, variables: { ...options.variables } };

  const finish = (value: SubscriptionEnd): void => {
    if (end !== null) return;
    end = value;
    settleEnded(value);
    for (const check of [...checks]) check();
  };
  const stop = ws.client.subscribe<Record<string, unknown>>(payload, {
    next(result) {
      results.push(result);
      const value = result.data?.[options.field];
      if (value !== undefined && value !== null) {
        items.push(value as T);
        if (options.resumeByCursor === true) payload.variables.after = (value as { cursor: string }).cursor;
      }
      for (const check of [...checks]) check();
    },
    error: (error) => finish({ kind: 'error', error }),
    complete: () => finish({ kind: 'complete' }),
  });

  const until = (predicate: () => boolean, what: string): Promise<void> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        if (predicate()) {
          checks.delete(check);
          resolve();
        } else if (end !== null) {
          checks.delete(check);
          reject(new Error(`subscription ended (${describeEnd(end)}) before ${what}; received ${JSON.stringify(results)}`));
        }
      };
      checks.add(check);
      check();
    });

  return {
    results,
    items,
    ended,
    stop,
    until,
    take: async (count) => {
      await until(() => items.length >= count, `${count} items arrived`);
      return items.slice(0, count);
    },
  };
}

function describeEnd(end: SubscriptionEnd): string {
  if (end.kind === 'complete') return 'complete';
  const { error } = end;
  if (typeof error === 'object' && error !== null && 'code' in error) return `socket closed ${String((error as { code: unknown }).code)}`;
  return `error ${JSON.stringify(error)}`;
}
