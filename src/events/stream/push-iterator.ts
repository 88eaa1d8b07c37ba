import type { Deferred } from '../../lib/deferred';
import { createDeferred } from '../../lib/deferred';
import { Fifo } from './fifo';

export interface PushIteratorOptions<T> {
  /** Called each time the consumer receives a value. */
  onTake?(value: T): void;
  /** Called once when the consumer ends the iteration (return() or throw()); they resolve after it. */
  onReturn(): Promise<void>;
}

/** The consumer's side: an async iterator whose return() resolves a pending next() with done. */
export interface PushIterable<T> extends AsyncIterableIterator<T, undefined> {
  next(): Promise<IteratorResult<T, undefined>>;
  return(): Promise<IteratorResult<T, undefined>>;
  /** Ends the iteration like return(), then rejects with `error` (generator semantics). */
  throw(error?: unknown): Promise<IteratorResult<T, undefined>>;
}

/** The producer's side. */
export interface PushIterator<T> {
  readonly iterable: PushIterable<T>;
  /** Values waiting for the consumer. */
  readonly queued: number;
  /** Hands a value to a waiting next(), or queues it. Ignored once ended. */
  push(value: T): void;
  /** Ends after the queued values: then next() answers done. */
  end(): void;
  /** Ends now, dropping queued values: a waiting or the next next() rejects with `error`, later ones answer done. */
  fail(error: unknown): void;
}

const DONE = { value: undefined, done: true } as const;

/** A queue between a push-based producer (bus listeners) and a pull-based consumer (graphql-js, for await). */
export function createPushIterator<T>(options: PushIteratorOptions<T>): PushIterator<T> {
  const queue = new Fifo<T>();
  const waiters = new Fifo<Deferred<IteratorResult<T, undefined>>>();
  let ended = false;
  let failure: { error: unknown } | null = null;
  let returning: Promise<void> | null = null;

  function take(value: T): IteratorResult<T, undefined> {
    options.onTake?.(value);
    return { value, done: false };
  }

  function finish(): Promise<void> {
    ended = true;
    queue.clear();
    failure = null;
    for (const waiter of waiters.drain()) waiter.resolve(DONE);
    return (returning ??= options.onReturn());
  }

  const iterable: PushIterable<T> = {
    next() {
      if (queue.length > 0) return Promise.resolve(take(queue.shift() as T));
      if (failure !== null) {
        const { error } = failure;
        failure = null;
        return Promise.reject(error);
      }
      if (ended) return Promise.resolve(DONE);
      const waiter = createDeferred<IteratorResult<T, undefined>>();
      waiters.push(waiter);
      return waiter.promise;
    },
    async return() {
      await finish();
      return DONE;
    },
    async throw(error?: unknown) {
      await finish();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return iterable;
    },
  };

  return {
    iterable,
    get queued() {
      return queue.length;
    },
    push(value) {
      if (ended) return;
      const waiter = waiters.shift();
      if (waiter === undefined) queue.push(value);
      else waiter.resolve(take(value));
    },
    end() {
      if (ended) return;
      ended = true;
      for (const waiter of waiters.drain()) waiter.resolve(DONE);
    },
    fail(error) {
      if (ended) return;
      ended = true;
      queue.clear();
      const waiter = waiters.shift();
      if (waiter === undefined) failure = { error };
      else waiter.reject(error);
      for (const other of waiters.drain()) other.resolve(DONE);
    },
  };
}
