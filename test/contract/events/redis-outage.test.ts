import { EventLogUnavailableError } from '../../../src/events/event-log';
import type { EventBus } from '../../../src/events/event-bus';
import type { RedisConnections } from '../../../src/events/redis-connections';
import { createRedisEventBus } from '../../../src/events/redis-event-bus';
import { createRedisEventLog } from '../../../src/events/redis-event-log';
import { eventLogKeys } from '../../../src/events/redis-event-log-keys';
import { createTopics } from '../../../src/events/topics';
import { createSilentLogger } from '../../../src/lib/logger';
import { createDeferred } from '../../../src/lib/deferred';
import type { TcpProxy } from '../../helpers/tcp-proxy';
import { startTcpProxy } from '../../helpers/tcp-proxy';
import { createTestRedis, testRedisUrl, uniquePrefix, whenClosed, whenReady } from '../../helpers/redis';
import { createMessageRecorder } from './bus-recorder';
import { makeEvent } from '../../helpers/events';
import { openConnections, settledAtOnce, subscriberCount } from './redis-harness';

/** Redis going away and coming back, simulated by a proxy in front of the shared Redis (never stopped). */
describe('Redis outage', () => {
  let proxy: TcpProxy;
  let connections: RedisConnections;
  let probe: ReturnType<typeof createTestRedis>;
  let prefix: string;

  beforeEach(async () => {
    const target = new URL(testRedisUrl());
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 6379) });
    connections = await openConnections({ url: proxy.url, commandTimeoutMs: 300, maxReconnectDelayMs: 100 });
    prefix = uniquePrefix('outage');
    probe = createTestRedis(prefix);
  });
  afterEach(async () => {
    await connections.dispose();
    await proxy.dispose();
    await probe.dispose();
  });

  async function cutAndWait(): Promise<void> {
    const closed = Promise.all([whenClosed(connections.commands), whenClosed(connections.subscriber)]);
    await proxy.cut();
    await closed;
  }

  async function restoreAndWait(): Promise<void> {
    proxy.restore();
    await Promise.all([whenReady(connections.commands), whenReady(connections.subscriber)]);
  }

  function createLog() {
    return createRedisEventLog({ redis: connections.commands, topics: createTopics(prefix), keyPrefix: prefix, retentionSeconds: 3600, dedupeTtlSeconds: 600 });
  }

  it('fails an append fast while Redis is unreachable, stores nothing, and stores once after it returns', async () => {
    const log = createLog();
    const event = makeEvent({ groupId: 'g-outage' });
    await cutAndWait();

    // No offline queue: rejected at once, not after a timeout.
    await expect(settledAtOnce(log.append([event]))).rejects.toBeInstanceOf(EventLogUnavailableError);
    await expect(log.ping()).rejects.toBeInstanceOf(EventLogUnavailableError);
    await expect(log.read({ limit: 1 })).rejects.toBeInstanceOf(EventLogUnavailableError);
    const keys = eventLogKeys(prefix);
    const home = { kind: 'group', id: 'g-outage' } as const;
    const all = keys.index({ kind: 'all' });
    expect(await probe.redis.exists(all, keys.home(home))).toBe(0);
    expect(await probe.redis.keys(`${prefix}{g:g-outage}*`)).toEqual([]); // nor a dedupe hash

    await restoreAndWait();
    const retry = await log.append([event]);
    expect(retry.stored.map((e) => e.id)).toEqual([event.id]);
    expect(await log.append([event])).toEqual({ stored: [], duplicates: [event] });
    expect(await probe.redis.xlen(all)).toBe(1);
  });

  it('gives up on a hung connection after the command timeout; a late run is deduplicated on retry', async () => {
    const log = createLog();
    const event = makeEvent();
    proxy.freeze();
    await expect(log.append([event])).rejects.toBeInstanceOf(EventLogUnavailableError);
    proxy.restore();
    // PING is answered after the frozen EVAL reached Redis: from here the late append has run.
    await connections.commands.ping();
    // The late run stored the event in its group's stream only; the retry, a duplicate there, adds the index entries.
    expect(await log.append([event])).toEqual({ stored: [], duplicates: [event] });
    const keys = eventLogKeys(prefix);
    expect(await probe.redis.xlen(keys.home({ kind: 'group', id: event.groupId! }))).toBe(1);
    expect(await probe.redis.xlen(keys.index({ kind: 'phone', id: event.phoneNumberId! }))).toBe(1);
    expect(await probe.redis.xlen(keys.index({ kind: 'all' }))).toBe(1);
    expect((await log.read({ limit: 10 })).events.map((e) => e.id)).toEqual([event.id]);
  });

  describe('event bus', () => {
    let bus: EventBus;
    beforeEach(() => {
      bus = createRedisEventBus({ publisher: connections.commands, subscriber: connections.subscriber, logger: createSilentLogger() });
    });
    afterEach(() => bus.dispose());

    function nextReconnect(): Promise<void> {
      const reconnected = createDeferred();
      const off = bus.onReconnected?.(() => {
        off?.();
        reconnected.resolve();
      });
      return reconnected.promise;
    }

    it('re-subscribes after a reconnect, tells its listeners, and delivers again', async () => {
      const channel = `${prefix}live`;
      const recorder = createMessageRecorder();
      await bus.subscribe([channel], recorder.listener);
      const reconnected = nextReconnect();
      await cutAndWait();
      await expect(bus.publish(channel, 'lost')).rejects.toThrow();
      await expect(bus.ping()).rejects.toThrow();

      await restoreAndWait();
      await reconnected;
      expect(await subscriberCount(probe.redis, channel)).toBe(1);
      await probe.redis.publish(channel, 'after-reconnect');
      expect((await recorder.waitFor(1)).map((m) => m.message)).toEqual(['after-reconnect']);
    });

    it('rejects a subscribe while Redis is down and keeps no listener', async () => {
      const channel = `${prefix}down`;
      const recorder = createMessageRecorder();
      const reconnected = nextReconnect();
      await cutAndWait();
      await expect(bus.subscribe([channel], recorder.listener)).rejects.toThrow();
      await restoreAndWait();
      await reconnected;
      expect(await subscriberCount(probe.redis, channel)).toBe(0);
      // A new subscription on the channel works normally.
      await bus.subscribe([channel], recorder.listener);
      await probe.redis.publish(channel, 'ok');
      expect((await recorder.waitFor(1)).map((m) => m.message)).toEqual(['ok']);
    });

    it('drops, after the reconnect, a channel whose last listener left during the outage', async () => {
      const channel = `${prefix}left`;
      const unsubscribe = await bus.subscribe([channel], () => undefined);
      const reconnected = nextReconnect();
      await cutAndWait();
      await unsubscribe(); // resolves: the listener is gone locally; Redis is told later
      await restoreAndWait();
      await reconnected;
      expect(await subscriberCount(probe.redis, channel)).toBe(0);
    });
  });
});
