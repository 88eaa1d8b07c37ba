import type Redis from 'ioredis';
import type { RedisClient, RedisTarget } from '../../../src/events/redis-client';
import type { RedisConnections } from '../../../src/events/redis-connections';
import { createRedisConnections } from '../../../src/events/redis-connections';
import type { Logger } from '../../../src/lib/logger';
import { createSilentLogger } from '../../../src/lib/logger';
import { testRedisUrl, transportSubscriberCount, whenReady } from '../../helpers/redis';

/** Opens a connection pair like production does, and waits until both are ready. */
export async function openConnections(
  options: { url?: string; logger?: Logger; commandTimeoutMs?: number; maxReconnectDelayMs?: number } = {},
): Promise<RedisConnections<Redis>> {
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

/** Like openConnections, for any test target: one server or the local cluster (testRedisTargets). */
export async function openTargetConnections(target: RedisTarget, options: { logger?: Logger } = {}): Promise<RedisConnections> {
  const connections = createRedisConnections({
    target,
    logger: options.logger ?? createSilentLogger(),
    name: 'wggtest',
  });
  await Promise.all([whenReady(connections.commands), whenReady(connections.subscriber)]);
  return connections;
}

export function subscriberCount(redis: RedisClient, channel: string): Promise<number> {
  return transportSubscriberCount(redis, channel);
}

/**
 * `promise`, required to settle before the event loop runs any timer or I/O callback: how a test says "rejected at
 * once, not after a timeout or a round trip" without reading a clock. Rejects with a message otherwise.
 */
export function settledAtOnce<T>(promise: Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const late = setImmediate(() => reject(new Error('still pending after a turn of the event loop: it waited for a timer or I/O')));
    promise.then(
      (value) => {
        clearImmediate(late);
        resolve(value);
      },
      (error: unknown) => {
        clearImmediate(late);
        reject(error);
      },
    );
  });
}
