import type { RedisClient } from './redis-client';
import { isCluster } from './redis-client';
import type { Logger } from '../lib/logger';
import { once } from '../lib/disposable';
import type { EventBus } from './event-bus';
import type { BusSubscription } from './bus-listeners';
import { assertChannels, createListenerTable, EventBusDisposedError } from './bus-listeners';

export interface RedisEventBusOptions {
  /** Sends PUBLISH and PING (the commands connection). Borrowed: never quit here. */
  publisher: RedisClient;
  /** Used only by this bus, in subscriber mode. Borrowed: never quit here. */
  subscriber: RedisClient;
  logger: Logger;
}

/**
 * How one bus talks to Redis. On one server: PUBLISH/SUBSCRIBE. On a cluster: sharded pub/sub, SPUBLISH/SSUBSCRIBE,
 * so a channel's traffic stays on the shard that owns its slot instead of being broadcast to every node. ioredis
 * routes an SSUBSCRIBE by the channel's slot and refuses channels of different slots in one call, so the sharded
 * transport (un)subscribes channel by channel. After a failover or slot migration ioredis moves a shard's channels
 * to the new owner and emits 'subscribersReady'; that is our reconnect signal there (see afterReconnect).
 */
interface PubSubTransport {
  readonly messageEvent: 'message' | 'smessage';
  readonly reconnectEvent: 'ready' | 'subscribersReady';
  publish(channel: string, message: string): Promise<unknown>;
  subscribe(channels: readonly string[]): Promise<unknown>;
  unsubscribe(channels: readonly string[]): Promise<unknown>;
}

function pubSubTransport(publisher: RedisClient, subscriber: RedisClient): PubSubTransport {
  if (!isCluster(subscriber)) {
    return {
      messageEvent: 'message',
      reconnectEvent: 'ready',
      publish: (channel, message) => publisher.publish(channel, message),
      subscribe: (channels) => subscriber.subscribe(...channels),
      unsubscribe: (channels) => subscriber.unsubscribe(...channels),
    };
  }
  return {
    messageEvent: 'smessage',
    reconnectEvent: 'subscribersReady',
    publish: (channel, message) => publisher.spublish(channel, message),
    subscribe: (channels) => Promise.all(channels.map((channel) => subscriber.ssubscribe(channel))),
    unsubscribe: (channels) => Promise.all(channels.map((channel) => subscriber.sunsubscribe(channel))),
  };
}

/**
 * Redis pub/sub fan-out across instances. A channel is SUBSCRIBEd when its first listener arrives and
 * UNSUBSCRIBEd when its last one leaves, so an instance only receives what its live subscriptions need.
 * Redis delivers the messages of one channel in publish order, and so do we.
 */
export function createRedisEventBus(options: RedisEventBusOptions): EventBus {
  const { publisher, subscriber, logger } = options;
  const transport = pubSubTransport(publisher, subscriber);
  const sharded = transport.messageEvent === 'smessage';
  const table = createListenerTable(logger);
  /** The SUBSCRIBE that made each channel of the table live; later listeners of the channel await it too. */
  const subscribed = new Map<string, Promise<void>>();
  /** Channels whose UNSUBSCRIBE failed (Redis down): ioredis will re-subscribe them on reconnect; we undo that. */
  const stale = new Set<string>();
  const reconnectListeners = new Set<() => void>();
  let disposed = false;
  // A cluster reports 'subscribersReady' after every change of its shard subscribers, possibly the first connect too:
  // each is treated as a reconnect (a needless one only makes live streams re-read the log from their cursor).
  let wasReady = sharded || subscriber.status === 'ready';

  function onMessage(channel: string, message: string): void {
    table.deliver(channel, message);
  }
  function onReady(): void {
    if (!wasReady) {
      wasReady = true;
      return;
    }
    // ioredis emits 'ready' before it re-sends SUBSCRIBE; a microtask later our commands queue behind it.
    queueMicrotask(() => void afterReconnect());
  }
  subscriber.on(transport.messageEvent, onMessage);
  subscriber.on(transport.reconnectEvent, onReady);

  async function afterReconnect(): Promise<void> {
    const unwanted = [...stale].filter((channel) => !table.has(channel));
    stale.clear();
    try {
      if (unwanted.length > 0) await transport.unsubscribe(unwanted);
      if (sharded) {
        // ioredis re-sends SSUBSCRIBE on the new shard owners without waiting for the answers; our own (idempotent)
        // SSUBSCRIBE on the same connection is answered after it, so from here on the channels are live again.
        await transport.subscribe(table.channels());
      } else {
        // Answered after the automatic re-SUBSCRIBE: from here on the channels are live again.
        await subscriber.ping();
      }
    } catch (error) {
      for (const channel of unwanted) stale.add(channel);
      logger.warn({ err: error }, 'Event bus could not confirm its subscriptions after a reconnect; retrying on the next one');
      return;
    }
    if (disposed) return;
    for (const listener of [...reconnectListeners]) {
      try {
        listener();
      } catch (error) {
        logger.error({ err: error }, 'Event bus reconnect listener threw');
      }
    }
  }

  async function release(channels: readonly string[], subscription: BusSubscription): Promise<void> {
    const emptied = table.remove(channels, subscription);
    for (const channel of emptied) subscribed.delete(channel);
    if (emptied.length === 0 || disposed) return;
    try {
      await transport.unsubscribe(emptied);
    } catch (error) {
      // Not fatal: nobody listens any more, and the next reconnect cleans the server side up.
      for (const channel of emptied) stale.add(channel);
      logger.warn({ err: error, channels: emptied }, 'Event bus UNSUBSCRIBE failed; retrying after reconnect');
    }
  }

  const disposer = once(async () => {
    disposed = true;
    const channels = [...new Set([...table.channels(), ...stale])];
    table.clear();
    subscribed.clear();
    stale.clear();
    reconnectListeners.clear();
    subscriber.off(transport.messageEvent, onMessage);
    subscriber.off(transport.reconnectEvent, onReady);
    if (channels.length === 0) return;
    try {
      await transport.unsubscribe(channels);
    } catch (error) {
      logger.warn({ err: error, channels: channels.length }, 'Event bus could not UNSUBSCRIBE on dispose (Redis down?)');
    }
  });

  return {
    async publish(channel, message) {
      if (disposed) throw new EventBusDisposedError('publish');
      await transport.publish(channel, message);
    },

    async subscribe(channels, listener) {
      assertChannels(channels);
      if (disposed) throw new EventBusDisposedError('subscribe');
      const subscription: BusSubscription = { listener };
      const added = table.add(channels, subscription);
      if (added.length > 0) {
        const confirmed = transport.subscribe(added).then(() => undefined);
        for (const channel of added) {
          stale.delete(channel);
          subscribed.set(channel, confirmed);
        }
      }
      try {
        await Promise.all([...new Set(channels)].map((channel) => subscribed.get(channel)));
      } catch (error) {
        await release(channels, subscription);
        throw error;
      }
      let unsubscribing: Promise<void> | undefined;
      return function unsubscribe() {
        return (unsubscribing ??= release(channels, subscription));
      };
    },

    async ping() {
      if (disposed) throw new EventBusDisposedError('ping');
      await publisher.ping();
      await subscriber.ping();
    },

    onReconnected(listener) {
      reconnectListeners.add(listener);
      return () => {
        reconnectListeners.delete(listener);
      };
    },

    dispose: disposer.dispose,
  };
}
