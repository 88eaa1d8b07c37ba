import type { ExecutionArgs, ExecutionResult } from 'graphql';
import { ensureError } from '../lib/errors';
import type { Logger } from '../lib/logger';
import type { TurnBudget } from '../lib/turn-budget';

export interface WsServerStats {
  /** Connections whose cleanup has not finished. */
  sockets: number;
  /** Subscription iterators not yet returned or finished. */
  subscriptions: number;
  /** Operations still being set up (context, subscribe resolver, replay start). */
  starting: number;
  /** Subscription results handed to graphql-ws for sending, since start. */
  delivered: number;
}

export interface WsActivityOptions {
  /** graphql-js `subscribe` (or one that shares executions). */
  subscribe(args: ExecutionArgs): Promise<AsyncIterable<ExecutionResult> | ExecutionResult>;
  /** Each delivery first asks it whether the current event-loop turn has run long enough. */
  turnBudget: TurnBudget;
  logger: Logger;
}

/** What the WebSocket server is running, so it can report it and wait until it all finished. */
export interface WsActivity {
  /** options.subscribe, counted as starting until it answers; the iterator it gives is tracked until it ends. */
  subscribe(args: ExecutionArgs): Promise<AsyncGenerator<ExecutionResult> | ExecutionResult>;
  /** Results written to sockets by the broadcast (which graphql-ws never sees), counted as delivered. */
  countDelivered(count: number): void;
  socketOpened(): void;
  /** The socket closed and graphql-ws returned every subscription it had. */
  socketCleanedUp(): void;
  stats(): WsServerStats;
  /** Resolves once no socket, subscription or starting operation is left. */
  whenIdle(): Promise<void>;
}

const DONE = { value: undefined, done: true } as const;

/**
 * Counts sockets, starting operations, subscriptions and deliveries, and paces deliveries with the turn budget: a
 * backlog drains one delivery per subscriber after another, all in promise continuations, which would otherwise
 * hold the event loop (timers, webhooks, Redis replies) until the whole backlog went out.
 */
export function createWsActivity(options: WsActivityOptions): WsActivity {
  const { turnBudget, logger } = options;
  const subscriptions = new Set<object>();
  let sockets = 0;
  let starting = 0;
  let delivered = 0;
  let idleWaiters: (() => void)[] = [];

  function settleIdle(): void {
    if (sockets > 0 || subscriptions.size > 0 || starting > 0) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  /** Wraps a subscription's iterator so the server knows when it finished and can wait for its return(). */
  function track(source: AsyncIterable<ExecutionResult>): AsyncGenerator<ExecutionResult> {
    const iterator = source[Symbol.asyncIterator]();
    const entry = {};
    subscriptions.add(entry);
    let returning: Promise<IteratorResult<ExecutionResult>> | null = null;
    const finished = (): void => {
      subscriptions.delete(entry);
      settleIdle();
    };
    const tracked = {
      async next(): Promise<IteratorResult<ExecutionResult>> {
        const spent = turnBudget.yieldIfSpent();
        if (spent !== null) await spent;
        try {
          const result = await iterator.next();
          if (result.done === true) finished();
          else delivered++;
          return result;
        } catch (error) {
          finished();
          throw error;
        }
      },
      async return(value?: unknown): Promise<IteratorResult<ExecutionResult>> {
        returning ??= returnQuietly(iterator, value);
        try {
          return await returning;
        } finally {
          finished();
        }
      },
      // Generator semantics: ends like return(), then rejects (graphql-ws itself only ever calls return()).
      async throw(error?: unknown): Promise<IteratorResult<ExecutionResult>> {
        await tracked.return();
        throw error;
      },
      [Symbol.asyncIterator]() {
        return tracked;
      },
    };
    return tracked as AsyncGenerator<ExecutionResult>;
  }

  /** graphql-ws awaits the return() of every subscription of a closing socket before its cleanup ends: never reject. */
  async function returnQuietly(iterator: AsyncIterator<ExecutionResult>, value: unknown): Promise<IteratorResult<ExecutionResult>> {
    try {
      return (await iterator.return?.(value)) ?? DONE;
    } catch (error) {
      logger.error({ err: ensureError(error) }, 'WebSocket cleanup failed');
      return DONE;
    }
  }

  return {
    async subscribe(args) {
      starting++;
      try {
        const result = await options.subscribe(args);
        return isAsyncIterable(result) ? track(result) : result;
      } finally {
        starting--;
        settleIdle();
      }
    },
    countDelivered(count) {
      delivered += count;
    },
    socketOpened() {
      sockets++;
    },
    socketCleanedUp() {
      sockets--;
      settleIdle();
    },
    stats: () => ({ sockets, subscriptions: subscriptions.size, starting, delivered }),
    whenIdle: () =>
      new Promise((resolve) => {
        idleWaiters.push(resolve);
        settleIdle();
      }),
  };
}

function isAsyncIterable(value: unknown): value is AsyncIterable<ExecutionResult> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}
