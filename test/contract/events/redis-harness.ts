import { once } from 'node:events';
import type Redis from 'ioredis';
import type { RedisConnections } from '../../../src/events/redis-connections';
import { createRedisConnections } from '../../../src/events/redis-connections';
import type { Logger } from '../../../src/lib/logger';
import { createSilentLogger } from '../../../src/lib/logger';
import { testRedisUrl } from '../../helpers/redis';

/** Opens a connection pair like production does, and waits until both are ready. */
export async function openConnections(
  options: { url?: string; logger?: Logger; commandTimeoutMs?: number; maxReconnectDelayMs?: number } = {},
): Promise<RedisConnections> {
  const connections = createRedisConnections({
    url: options.url ?? testRedisUrl(),
    logger: options.logger ?? createSilentLogger(),
    name: 'wggtest',
    commandTimeoutMs: options.commandTimeoutMs,
    maxReconnectDelayMs: options.maxReconnectDelayMs,
  });
  await Promise.all([whenReady(connections.commands), whenReady(connections.subscriber)]);
  return connections;
}

export async function whenReady(redis: Redis): Promise<void> {
  if (redis.status !== 'ready') await once(redis, 'ready');
}

/** Resolves when the connection has noticed it lost its socket. */
export async function whenClosed(redis: Redis): Promise<void> {
  if (redis.status !== 'ready' && redis.status !== 'connect') return;
  await once(redis, 'close');
}

export async function subscriberCount(redis: Redis, channel: string): Promise<number> {
  const reply = (await redis.pubsub('NUMSUB', channel)) as unknown[];
  return Number(reply[1]);
}
