import type { RedisClient, RedisTarget } from '../../../src/events/redis-client';
import type { FakeClock } from '../../helpers/clock';
import { createFakeClock } from '../../helpers/clock';
import { createTestRedis, openTestClient, testRedisUrl, uniquePrefix } from '../../helpers/redis';

/**
 * Per test: a fake clock and, for Redis, a fresh prefix. `connection()` opens a Redis connection per simulated
 * instance; `pttl` reads a key's remaining TTL. Everything is closed and deleted by dispose().
 */
export interface StoreContext {
  clock: FakeClock;
  prefix: string;
  connection(): RedisClient;
  pttl(key: string): Promise<number>;
  /** The key segment a store puts after the prefix on this target (`{name}:` on a cluster, see slotTag). */
  slotTag(name: string): string;
  dispose(): Promise<void>;
}

/** `target`: where the Redis stores run (testRedisTargets); one server by default. */
export function createStoreContext(label: string, target: RedisTarget = { kind: 'single', url: testRedisUrl() }): StoreContext {
  const prefix = uniquePrefix(label);
  const clock = createFakeClock();
  const connections: RedisClient[] = [];
  let probe: ReturnType<typeof createTestRedis> | null = null;
  const probeRedis = () => (probe ??= createTestRedis(prefix, target)).redis;
  return {
    clock,
    prefix,
    connection() {
      const redis = openTestClient(target);
      connections.push(redis);
      return redis;
    },
    pttl: (key) => probeRedis().pttl(key),
    slotTag: (name) => (target.kind === 'cluster' ? `{${name}}:` : ''),
    async dispose() {
      await Promise.all(connections.map((c) => c.quit()));
      await probe?.dispose();
    },
  };
}
