import Redis from 'ioredis';
import type { FakeClock } from '../../helpers/clock';
import { createFakeClock } from '../../helpers/clock';
import { createTestRedis, testRedisUrl, uniquePrefix } from '../../helpers/redis';

/**
 * Per test: a fake clock and, for Redis, a fresh prefix. `connection()` opens a Redis connection per simulated
 * instance; `pttl` reads a key's remaining TTL. Everything is closed and deleted by dispose().
 */
export interface StoreContext {
  clock: FakeClock;
  prefix: string;
  connection(): Redis;
  pttl(key: string): Promise<number>;
  dispose(): Promise<void>;
}

export function createStoreContext(label: string): StoreContext {
  const prefix = uniquePrefix(label);
  const clock = createFakeClock();
  const connections: Redis[] = [];
  let probe: ReturnType<typeof createTestRedis> | null = null;
  const probeRedis = () => (probe ??= createTestRedis(prefix)).redis;
  return {
    clock,
    prefix,
    connection() {
      const redis = new Redis(testRedisUrl(), { maxRetriesPerRequest: 1 });
      connections.push(redis);
      return redis;
    },
    pttl: (key) => probeRedis().pttl(key),
    async dispose() {
      await Promise.all(connections.map((c) => c.quit()));
      await probe?.dispose();
    },
  };
}
