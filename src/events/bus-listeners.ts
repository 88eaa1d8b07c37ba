import type { Logger } from '../lib/logger';
import type { BusListener } from './event-bus';

/** One call to subscribe(): its own identity, so the same function subscribed twice is two subscriptions. */
export interface BusSubscription {
  readonly listener: BusListener;
}

/**
 * The channel → subscriptions table both buses share. `add`/`remove` report the channels whose first
 * listener arrived / last listener left, which is when the transport must (un)subscribe.
 */
export interface ListenerTable {
  add(channels: readonly string[], subscription: BusSubscription): string[];
  remove(channels: readonly string[], subscription: BusSubscription): string[];
  has(channel: string): boolean;
  channels(): string[];
  clear(): void;
  deliver(channel: string, message: string): void;
}

export function createListenerTable(logger: Logger): ListenerTable {
  const byChannel = new Map<string, Set<BusSubscription>>();
  return {
    add(channels, subscription) {
      const added: string[] = [];
      for (const channel of new Set(channels)) {
        let subscriptions = byChannel.get(channel);
        if (subscriptions === undefined) {
          subscriptions = new Set();
          byChannel.set(channel, subscriptions);
          added.push(channel);
        }
        subscriptions.add(subscription);
      }
      return added;
    },
    remove(channels, subscription) {
      const emptied: string[] = [];
      for (const channel of new Set(channels)) {
        const subscriptions = byChannel.get(channel);
        if (subscriptions === undefined || !subscriptions.delete(subscription)) continue;
        if (subscriptions.size === 0) {
          byChannel.delete(channel);
          emptied.push(channel);
        }
      }
      return emptied;
    },
    has: (channel) => byChannel.has(channel),
    channels: () => [...byChannel.keys()],
    clear: () => byChannel.clear(),
    deliver(channel, message) {
      const subscriptions = byChannel.get(channel);
      if (subscriptions === undefined) return;
      // A snapshot: a listener that unsubscribes (or subscribes) others while being called changes the next message.
      for (const subscription of [...subscriptions]) {
        try {
          subscription.listener(channel, message);
        } catch (error) {
          logger.error({ err: error, channel }, 'Event bus listener threw; other listeners still get the message');
        }
      }
    },
  };
}

export function assertChannels(channels: readonly string[]): void {
  if (!Array.isArray(channels) || channels.length === 0 || channels.some((c) => typeof c !== 'string' || c.length === 0)) {
    throw new TypeError(
      `EventBus.subscribe expects a non-empty array of non-empty channel names, got ${JSON.stringify(channels)}; ` +
        'build channel names with createTopics().',
    );
  }
}

export class EventBusDisposedError extends Error {
  constructor(operation: string) {
    super(`EventBus.${operation} was called after dispose(); create a new bus or stop using this one.`);
    this.name = 'EventBusDisposedError';
  }
}
