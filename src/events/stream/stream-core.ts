import { createDeferred } from '../../lib/deferred';
import { ensureError } from '../../lib/errors';
import type { Logger } from '../../lib/logger';
import type { EventBus } from '../event-bus';
import { SubscriberTooSlowError } from '../subscriber-too-slow-error';
import type { PushIterable } from './push-iterator';
import { createPushIterator } from './push-iterator';

export interface StreamCoreOptions<M> {
  bus: EventBus;
  /** The one bus channel the stream listens on. */
  channel: string;
  /** Most values that may wait for the consumer; one more ends the stream with SubscriberTooSlowError. */
  queueLimit: number;
  logger: Logger;
  /** What the stream carries, for log lines and misuse errors ("event", "channel"). */
  name: string;
  /** Fields added to the stream's log lines (e.g. its filter). */
  logFields?: Readonly<Record<string, unknown>>;
  /** Turns a bus message into what onMessage takes; throws for one the stream cannot use (it is logged and dropped). */
  decode(message: string): M;
  /** Told when the stream starts and ends (metrics). @default none */
  observer?: StreamObserver;
}

/** Why a stream ended: its consumer returned it (or it finished), it fell too far behind, or it failed. */
export type StreamEnd = 'returned' | 'too_slow' | 'failed';

/** Lifecycle of subscription streams, for metrics: called once each, never per value. Must not throw. */
export interface StreamObserver {
  /** `stream.queued` may be read at any time until ended() (e.g. the deepest queue, at scrape time). */
  started(stream: { readonly queued: number }): void;
  ended(stream: { readonly queued: number }, reason: StreamEnd): void;
}

/** What a stream's behaviour does with the core it runs on. */
export interface StreamControl<T> {
  /** Values waiting for the consumer. */
  readonly queued: number;
  /** True once the stream was returned, failed or finished: nothing is delivered any more. */
  isEnded(): boolean;
  /** Hands a value to the consumer; one more than queueLimit waiting ends the stream with SubscriberTooSlowError. */
  push(value: T): void;
  /** Ends the stream with SubscriberTooSlowError (push() does it at the limit; a behaviour may for what it holds). */
  overflow(): void;
  /** Resolves `ready`: what comes before live delivery (a log page, the current state) was read. */
  markReady(): void;
  /** Ends the stream after the values already queued: then next() answers done. */
  finish(): void;
  /** Ends the stream now with `error`, dropping what waits; `ready` rejects with it if still pending. */
  fail(error: unknown): void;
}

/** What makes a stream of a kind: how it handles messages and what it reads before going live. */
export interface StreamBehaviour<M, T> {
  /** A decoded bus message, while the stream has not ended. */
  onMessage(message: M): void;
  /** Runs once the bus confirmed the subscription: read what came before, go live, markReady(). A rejection fails the stream. */
  onSubscribed(): Promise<void>;
  /** The consumer received `value`. */
  onTake?(value: T): void;
  /** The stream ended: drop what is held back, stop watching anything else. Called once. */
  onStop?(): void;
  /** Where a subscriber ended as too slow resumes (SubscriberTooSlowError.resumeAfter). @default null */
  resumeAfter?(): string | null;
}

export interface SubscriptionStream<T> extends PushIterable<T> {
  /** Values waiting for the consumer's next() (at most queueLimit), for tests and metrics. */
  readonly queued: number;
  /**
   * Resolves once the bus subscription is confirmed and the behaviour marked the stream ready. Rejects with the
   * error that ended the stream before that; the first next() rejects with the same error. return() resolves it.
   */
  readonly ready: Promise<void>;
}

/**
 * The lifecycle every bus-fed subscription stream shares: subscribe to one channel and wait for the confirmation,
 * hand over to the behaviour (replay a log, read a state), deliver through a bounded queue, and end exactly once
 * (returned, failed, too slow or finished), always removing the bus listener, also when return() comes before the
 * subscription was confirmed. return() resolves once the listener is gone, so no subscription outlives its stream.
 */
export function createStreamCore<M, T>(options: StreamCoreOptions<M>, behave: (control: StreamControl<T>) => StreamBehaviour<M, T>): SubscriptionStream<T> {
  const { bus, channel, queueLimit, logger, name } = options;
  if (!Number.isInteger(queueLimit) || queueLimit < 1) {
    throw new TypeError(`The ${name} stream expects queueLimit to be an integer >= 1, got ${JSON.stringify(queueLimit)}; pass config.subscriptions.queueLimit.`);
  }
  const logFields = { ...options.logFields, channel };
  let ended = false;
  let unsubscribe: (() => Promise<void>) | null = null;
  let readySettled = false;
  const ready = createDeferred<void>();
  ready.promise.catch(() => undefined); // reported through next() as well; nobody has to await `ready`
  /** Resolves once the bus listener is gone (or was never added). */
  const released = createDeferred<void>();

  const output = createPushIterator<T>({
    onTake: (value) => behaviour.onTake?.(value),
    async onReturn() {
      stop();
      markReady();
      await released.promise;
    },
  });

  let endReason: StreamEnd = 'returned';
  const observed = {
    get queued() {
      return output.queued;
    },
  };
  const control: StreamControl<T> = {
    get queued() {
      return output.queued;
    },
    isEnded: () => ended,
    push(value) {
      if (ended) return;
      output.push(value);
      if (output.queued > queueLimit) overflow();
    },
    overflow,
    markReady,
    finish() {
      if (ended) return;
      stop();
      output.end();
    },
    fail,
  };
  const behaviour = behave(control);

  function markReady(): void {
    if (readySettled) return;
    readySettled = true;
    ready.resolve();
  }

  function overflow(): void {
    if (ended) return;
    endReason = 'too_slow';
    const resumeAfter = behaviour.resumeAfter?.() ?? null;
    // Logged now, not when the error reaches the client: a stalled client may take long to read its way to it.
    logger.warn({ ...logFields, queueLimit, resumeAfter }, `${name} subscriber too slow; stream ended and its queue released`);
    fail(new SubscriberTooSlowError(queueLimit, resumeAfter));
  }

  function onMessage(_channel: string, message: string): void {
    if (ended) return;
    let decoded: M;
    try {
      decoded = options.decode(message);
    } catch (error) {
      logger.warn({ ...logFields, err: ensureError(error) }, `${name} stream dropped a bus message it could not decode`);
      return;
    }
    behaviour.onMessage(decoded);
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
    if (ended) {
      await unsubscribeQuietly(release);
      released.resolve();
      return;
    }
    unsubscribe = release;
    await behaviour.onSubscribed();
  }

  async function unsubscribeQuietly(release: () => Promise<void>): Promise<void> {
    try {
      await release();
    } catch (error) {
      logger.warn({ ...logFields, err: ensureError(error) }, `${name} stream could not unsubscribe from the bus`);
    }
  }

  /** Drops what is held and removes the bus listener. */
  function stop(): void {
    if (ended) return;
    ended = true;
    options.observer?.ended(observed, endReason);
    behaviour.onStop?.();
    const release = unsubscribe;
    unsubscribe = null;
    // Without a listener yet, start() is still subscribing and releases when the subscription arrives.
    if (release !== null) void unsubscribeQuietly(release).then(() => released.resolve());
  }

  function fail(error: unknown): void {
    if (ended) return;
    if (endReason === 'returned') endReason = 'failed';
    stop();
    if (!readySettled) {
      readySettled = true;
      ready.reject(error);
    }
    output.fail(error);
  }

  options.observer?.started(observed);
  start().catch(fail);

  const { iterable } = output;
  const stream: SubscriptionStream<T> = {
    ready: ready.promise,
    get queued() {
      return output.queued;
    },
    next: () => iterable.next(),
    return: () => iterable.return(),
    throw: (error?: unknown) => iterable.throw(error),
    [Symbol.asyncIterator]() {
      return stream;
    },
  };
  return stream;
}
