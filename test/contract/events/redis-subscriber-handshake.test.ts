import { once } from 'node:events';
import type Redis from 'ioredis';
import { createRedisConnections } from '../../../src/events/redis-connections';
import { createTestRedis, testRedisUrl, uniquePrefix } from '../../helpers/redis';
import { startTcpProxy } from '../../helpers/tcp-proxy';
import { createCapturingLogger } from '../../helpers/logs';

/** Resolves on the connection's next 'ready' ('error's on the way are expected: not events.once, which rejects). */
function nextReady(redis: Redis): Promise<void> {
  return new Promise((resolve) => redis.once('ready', () => resolve()));
}

describe('createRedisConnections subscriber connection', () => {
  it('keeps channels SUBSCRIBEd when they are asked for before and while the connection comes up', async () => {
    const prefix = uniquePrefix('handshake');
    const logs = createCapturingLogger();
    const connections = createRedisConnections({ url: testRedisUrl(), logger: logs.logger, name: 'wggtest' });
    const publisher = createTestRedis(prefix);
    try {
      const early = connections.subscriber.subscribe(`${prefix}early`); // still connecting: queued
      await once(connections.subscriber, 'connect');
      const atConnect = connections.subscriber.subscribe(`${prefix}at-connect`);
      expect(await early).toBe(1);
      expect(await atConnect).toBe(2);

      const received = once(connections.subscriber, 'message');
      expect(await publisher.redis.publish(`${prefix}at-connect`, 'hello')).toBe(1);
      expect(await received).toEqual([`${prefix}at-connect`, 'hello']);
      // A failed handshake (e.g. INFO refused in subscriber mode) would have been logged as a connection error.
      expect(logs.lines().filter((line) => line.msg === 'Redis connection error')).toEqual([]);
    } finally {
      await connections.dispose();
      await publisher.dispose();
    }
  });

  it('reconnects after connections that drop as soon as they are accepted, instead of staying "ready" on a dead socket', async () => {
    const target = new URL(testRedisUrl());
    const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 6379) });
    const logs = createCapturingLogger();
    const connections = createRedisConnections({ url: proxy.url, logger: logs.logger, name: 'wggtest', maxReconnectDelayMs: 100 });
    try {
      await Promise.all([connections.commands.ping(), connections.subscriber.ping()]);
      await proxy.cut();
      await proxy.dropped(4); // both connections have reconnected into a dropping proxy at least twice each
      const readyAgain = Promise.all([nextReady(connections.commands), nextReady(connections.subscriber)]);
      proxy.restore();
      await readyAgain;
      expect(await connections.subscriber.ping()).toBe('PONG');
      expect(await connections.commands.ping()).toBe('PONG');
    } finally {
      await connections.dispose();
      await proxy.dispose();
    }
  });
});
