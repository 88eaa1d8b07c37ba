import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';

/** The Redis the global setup found or started. */
export function testRedisUrl(): string {
  return process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
}

/** A key/channel prefix unique to one test, so suites never see each other's data. */
export function uniquePrefix(label = 't'): string {
  return `wggtest:${label}:${randomUUID().slice(0, 8)}:`;
}

/** A client for assertions and setup; `dispose` deletes every key under the prefix and quits. */
export function createTestRedis(prefix: string): { redis: Redis; dispose(): Promise<void> } {
  const redis = new Redis(testRedisUrl(), { lazyConnect: false, maxRetriesPerRequest: 1 });
  return {
    redis,
    async dispose() {
      const stream = redis.scanStream({ match: `${prefix}*`, count: 500 });
      for await (const keys of stream as AsyncIterable<string[]>) {
        if (keys.length > 0) await redis.del(...keys);
      }
      await redis.quit();
    },
  };
}

/** Resolves when the connection is ready (at once if it is). */
export function whenReady(redis: Redis): Promise<void> {
  return redis.status === 'ready' ? Promise.resolve() : nextEvent(redis, 'ready');
}

/** Resolves when the connection has noticed it lost its socket. */
export function whenClosed(redis: Redis): Promise<void> {
  return redis.status !== 'ready' && redis.status !== 'connect' ? Promise.resolve() : nextEvent(redis, 'close');
}

/** Not events.once: that rejects on the 'error' a dying socket emits on its way to 'close'. */
function nextEvent(redis: Redis, event: 'ready' | 'close'): Promise<void> {
  return new Promise((resolve) => redis.once(event, () => resolve()));
}
