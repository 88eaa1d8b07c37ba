import type { Logger } from '../../lib/logger';
import type { EventBus } from '../event-bus';
import type { StreamObserver, SubscriptionStream } from './stream-core';
import { createStreamCore } from './stream-core';

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
  /** Told when the stream starts and ends (metrics). @default none */
  observer?: StreamObserver;
}

/** `ready` resolves once subscribed and the initial state was read; rejects with the error that ended the stream before. */
export type ChannelStream<T> = SubscriptionStream<T>;

/**
 * The values published on one bus channel, optionally starting with the current state: subscribe first, then read
 * the state, holding back what arrives meanwhile, then deliver state + held values that supersede it + live ones.
 */
export function createChannelStream<T>(options: ChannelStreamOptions<T>): ChannelStream<T> {
  const { bus, channel, queueLimit, logger, decode } = options;
  const supersedes = options.supersedes ?? (() => true);
  let live = false;
  let held: T[] = [];
  let last: { value: T } | null = null;

  return createStreamCore<T, T>({ bus, channel, queueLimit, logger, name: 'channel', decode, ...(options.observer === undefined ? {} : { observer: options.observer }) }, (control) => {
    function offer(value: T): void {
      if (control.isEnded() || (last !== null && !supersedes(value, last.value))) return;
      last = { value };
      control.push(value);
      if (options.isFinal?.(value) === true) control.finish();
    }

    return {
      onMessage(value) {
        if (live) offer(value);
        else if (held.length >= queueLimit) control.overflow();
        else held.push(value);
      },
      async onSubscribed() {
        const current = options.initial === undefined ? null : await options.initial();
        if (control.isEnded()) return;
        control.markReady();
        live = true;
        const arrived = held;
        held = [];
        if (current !== null) offer(current);
        for (const value of arrived) offer(value);
      },
      onStop() {
        held = [];
      },
    };
  });
}
