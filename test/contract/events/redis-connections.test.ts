import { createRedisConnections } from '../../../src/events/redis-connections';
import { createSilentLogger } from '../../../src/lib/logger';
import { startTcpProxy } from '../../helpers/tcp-proxy';
import { createTestRedis, testRedisUrl, uniquePrefix, whenClosed, whenReady } from '../../helpers/redis';
import { createCapturingLogger } from '../../helpers/logs';
import { openConnections, settledAtOnce } from './redis-harness';

describe('createRedisConnections', () => {
  const target = new URL(testRedisUrl());
  const targetAddress = { host: target.hostname, port: Number(target.port || 6379) };

  it('queues commands until the first connect, names both connections, and closes them on dispose', async () => {
    const name = uniquePrefix('conn').replace(/:/g, '-');
    const connections = createRedisConnections({ url: testRedisUrl(), logger: createSilentLogger(), name });
    // Sent before the connection is up: queued, not rejected (startup may race Redis).
    expect(await connections.commands.ping()).toBe('PONG');
    await whenReady(connections.subscriber);
    await connections.subscriber.ping(); // answered after the CLIENT SETNAME sent on 'ready'
    const probe = createTestRedis(name);
    try {
      const clients = String(await probe.redis.client('LIST'));
      expect(clients).toContain(`name=${name}:commands`);
      expect(clients).toContain(`name=${name}:subscriber`);
      await Promise.all([connections.dispose(), connections.dispose()]);
      expect([connections.commands.status, connections.subscriber.status]).toEqual(['end', 'end']);
      expect(String(await probe.redis.client('LIST'))).not.toContain(`name=${name}:`);
    } finally {
      await probe.dispose();
    }
  });

  it('rejects commands at once while disconnected, logs the outage once, and reconnects by itself', async () => {
    const proxy = await startTcpProxy(targetAddress);
    const logs = createCapturingLogger();
    const connections = await openConnections({ url: proxy.url, logger: logs.logger, maxReconnectDelayMs: 100, commandTimeoutMs: 300 });
    try {
      const closed = whenClosed(connections.commands);
      await proxy.cut();
      await closed;
      await expect(settledAtOnce(connections.commands.get('any'))).rejects.toThrow("Stream isn't writeable and enableOfflineQueue options is false");

      proxy.restore();
      await whenReady(connections.commands);
      expect(await connections.commands.ping()).toBe('PONG');
      const restored = logs.lines().filter((line) => line.msg === 'Redis connection restored');
      expect(restored.map((line) => line.connection)).toContain('wggtest:commands');
      const warnings = logs.lines().filter((line) => line.msg === 'Redis connection error' && line.level === 40 && line.connection === 'wggtest:commands');
      expect(warnings.length).toBeLessThanOrEqual(1);
    } finally {
      await connections.dispose();
      await proxy.dispose();
    }
  });

  it('disposes promptly while Redis is unreachable', async () => {
    const proxy = await startTcpProxy(targetAddress);
    // A short command timeout: ioredis keeps a timer per unanswered handshake command for that long.
    const connections = await openConnections({ url: proxy.url, maxReconnectDelayMs: 100, commandTimeoutMs: 300 });
    const closed = whenClosed(connections.commands);
    await proxy.cut();
    await closed;
    await connections.dispose();
    // A connection with a socket ends; one waiting to reconnect has its reconnect cancelled (ioredis stays "reconnecting").
    for (const redis of [connections.commands, connections.subscriber]) expect(['end', 'reconnecting']).toContain(redis.status);
    await expect(connections.commands.ping()).rejects.toThrow();
    await proxy.dispose();
  });

  it('fails a queued command instead of waiting forever when Redis never answers at startup', async () => {
    const proxy = await startTcpProxy(targetAddress);
    await proxy.cut(); // refuses every connection from the start
    const connections = createRedisConnections({ url: proxy.url, logger: createSilentLogger(), maxReconnectDelayMs: 50, commandTimeoutMs: 300 });
    let reconnects = 0;
    connections.commands.on('reconnecting', () => reconnects++);
    try {
      // Rejected once the connection attempts failed (max retries per request: 1), not held until Redis returns.
      await expect(connections.commands.ping()).rejects.toThrow('Reached the max retries per request limit');
      expect(reconnects).toBeLessThanOrEqual(2);
    } finally {
      await connections.dispose();
      await proxy.dispose();
    }
  });
});
