import { createDeferred } from '../../lib/deferred';
import { ensureError } from '../../lib/errors';
import type { Logger } from '../../lib/logger';
import type { EventBus } from '../event-bus';
import { SubscriberTooSlowError } from '../subscriber-too-slow-error';
import type { PushIterable } from './push-iterator';
import { createPushIterator } from './push-iterator';

export interface ChannelStreamOptions<T> {
  bus: EventBus;
  channel: string;
  /** Most values that may wait for the consumer; one more ends the stream with SubscriberTooSlowError. */
  queueLimit: number;
  logger: Logger;
  /** Throws for a message that is not a T: it is logged and dropped. */
  decode(message: string): T;
  /** The current state, read once the subscription is confirmed (so no update in between is missed); goes first. */
  initial?(): Promise<T | null>;
  /** Whether `value` supersedes the last value delivered; false drops it (a repeated or stale update). @default always */
  supersedes?(value: T, last: T): boolean;
  /** True ends the stream right after this value (e.g. an operation reached its final status). */
  isFinal?(value: T): boolean;
}

export interface ChannelStream<T> extends PushIterable<T> {
  /** Resolves once subscribed and the initial state was read; rejects with the error that ended the stream before. */
  readonly ready: Promise<void>;
}

/**
 * The values published on one bus channel, optionally starting with the current state: subscribe first, then read
 * the state, holding back what arrives meanwhile, then deliver state + held values that supersede it + live ones.
 */
export function createChannelStream<T>(options: ChannelStreamOptions<T>): ChannelStream<T> {
  const { bus, channel, queueLimit, logger } = options;
  if (!Number.isInteger(queueLimit) || queueLimit < 1) {
    throw new TypeError(`createChannelStream expects queueLimit to be an integer >= 1, got ${JSON.stringify(queueLimit)}; pass config.subscriptions.queueLimit.`);
  }
  const supersedes = options.supersedes ?? (() => true);
  let live = false;
  let stopped = false;
  let held: T[] = [];
  let last: { value: T } | null = null;
  let unsubscribe: (() => Promise<void>) | null = null;
  let readySettled = false;
  const ready = createDeferred<void>();
  ready.promise.catch(() => undefined); // also reported through next()
  const released = createDeferred<void>();

  const output = createPushIterator<T>({
    async onReturn() {
      stop();
      settleReady(null);
      await released.promise;
    },
  });

  function settleReady(error: { error: unknown } | null): void {
    if (readySettled) return;
    readySettled = true;
    if (error === null) ready.resolve();
    else ready.reject(error.error);
  }

  function offer(value: T): void {
    if (stopped || (last !== null && !supersedes(value, last.value))) return;
    last = { value };
    output.push(value);
    if (output.queued > queueLimit) {
      fail(new SubscriberTooSlowError(queueLimit, null));
      return;
    }
    if (options.isFinal?.(value) === true) {
      stop();
      output.end();
    }
  }

  function onMessage(_channel: string, message: string): void {
    if (stopped) return;
    let value: T;
    try {
      value = options.decode(message);
    } catch (error) {
      logger.warn({ err: ensureError(error), channel }, 'channel stream dropped a message it could not decode');
      return;
    }
    if (live) offer(value);
    else if (held.length >= queueLimit) fail(new SubscriberTooSlowError(queueLimit, null));
    else held.push(value);
  }

  async function start(): Promise<void> {
    let release: () => Promise<void>;
    try {
      release = await bus.subscribe([channel], onMessage);
    } catch (error) {
      fail(error);
      released.resolve();
      return;
    }
    if (stopped) {
      await unsubscribeQuietly(release);
      released.resolve();
      return;
    }
    unsubscribe = release;
    const current = options.initial === undefined ? null : await options.initial();
    if (stopped) return;
    settleReady(null);
    live = true;
    const arrived = held;
    held = [];
    if (current !== null) offer(current);
    for (const value of arrived) offer(value);
  }

  async function unsubscribeQuietly(release: () => Promise<void>): Promise<void> {
    try {
      await release();
    } catch (error) {
      logger.warn({ err: ensureError(error), channel }, 'channel stream could not unsubscribe from the bus');
    }
  }

  function stop(): void {
    if (stopped) return;
    stopped = true;
    held = [];
    const release = unsubscribe;
    unsubscribe = null;
    if (release !== null) void unsubscribeQuietly(release).then(() => released.resolve());
  }

  function fail(error: unknown): void {
    if (stopped) return;
    stop();
    settleReady({ error });
    output.fail(error);
  }

  start().catch(fail);

  const { iterable } = output;
  const stream: ChannelStream<T> = {
    ready: ready.promise,
    next: () => iterable.next(),
    return: () => iterable.return(),
    throw: (error?: unknown) => iterable.throw(error),
    [Symbol.asyncIterator]() {
      return stream;
    },
  };
  return stream;
}
