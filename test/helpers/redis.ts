import { randomUUID } from 'node:crypto';
import Redis, { Cluster } from 'ioredis';
import type { RedisClient, RedisTarget } from '../../src/events/redis-client';
import { isCluster } from '../../src/events/redis-client';

/** The Redis the global setup found or started. */
export function testRedisUrl(): string {
  return process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
}

/** The local Redis Cluster the global setup started (host:port seeds), or null when redis-server is missing. */
export function testRedisClusterNodes(): string | null {
  return process.env.WGG_TEST_REDIS_CLUSTER_NODES ?? null;
}

export function testClusterTarget(seeds: string): RedisTarget {
  const nodes = seeds.split(',').map((seed) => {
    const [host, port] = seed.split(':');
    return { host, port: Number(port) };
  });
  return { kind: 'cluster', nodes, password: null, tls: false };
}

/**
 * Where the Redis-backed contract suites run: the single Redis always, the local cluster when the global setup
 * started one. `[name, target]` pairs for describe.each.
 */
export function testRedisTargets(): [string, RedisTarget][] {
  const targets: [string, RedisTarget][] = [['redis', { kind: 'single', url: testRedisUrl() }]];
  const seeds = testRedisClusterNodes();
  if (seeds !== null) targets.push(['redis-cluster', testClusterTarget(seeds)]);
  return targets;
}

/** A plain client (no fail-fast tuning) for a test target: for setup, assertions and stores under test. */
export function openTestClient(target: RedisTarget): RedisClient {
  if (target.kind === 'single') return new Redis(target.url, { maxRetriesPerRequest: 1 });
  return new Cluster(target.nodes.map((n) => ({ host: n.host, port: n.port })), { redisOptions: { maxRetriesPerRequest: 1 } });
}

/** A key/channel prefix unique to one test, so suites never see each other's data. */
export function uniquePrefix(label = 't'): string {
  return `wggtest:${label}:${randomUUID().slice(0, 8)}:`;
}

/** A client for assertions and setup; `dispose` deletes every key under the prefix and quits. */
export function createTestRedis(prefix: string): { redis: Redis; dispose(): Promise<void> };
export function createTestRedis(prefix: string, target: RedisTarget): { redis: RedisClient; dispose(): Promise<void> };
export function createTestRedis(prefix: string, target?: RedisTarget): { redis: RedisClient; dispose(): Promise<void> } {
  const redis = openTestClient(target ?? { kind: 'single', url: testRedisUrl() });
  return {
    redis,
    async dispose() {
      if (isCluster(redis) && redis.status !== 'ready') await nextEvent(redis, 'ready');
      // A cluster's keys are spread over its masters: scan each, delete key by key (keys of several slots).
      const nodes: Redis[] = isCluster(redis) ? redis.nodes('master') : [redis];
      for (const node of nodes) {
        const stream = node.scanStream({ match: `${prefix}*`, count: 500 });
        for await (const keys of stream as AsyncIterable<string[]>) {
          await Promise.all(keys.map((key) => redis.del(key)));
        }
      }
      await redis.quit();
    },
  };
}

/** Resolves when the connection is ready (at once if it is). */
export function whenReady(redis: RedisClient): Promise<void> {
  return redis.status === 'ready' ? Promise.resolve() : nextEvent(redis, 'ready');
}

/** Resolves when the connection has noticed it lost its socket. */
export function whenClosed(redis: RedisClient): Promise<void> {
  return redis.status !== 'ready' && redis.status !== 'connect' ? Promise.resolve() : nextEvent(redis, 'close');
}

/** Not events.once: that rejects on the 'error' a dying socket emits on its way to 'close'. */
function nextEvent(redis: RedisClient, event: 'ready' | 'close'): Promise<void> {
  return new Promise((resolve) => redis.once(event, () => resolve()));
}

/**
 * The connection to the master that owns `key`'s slot (or a channel's, for PUBSUB SHARDNUMSUB, which a node answers
 * only for its own shard channels); the client itself on one server.
 */
export async function ownerOf(redis: RedisClient, key: string): Promise<Redis> {
  if (!isCluster(redis)) return redis;
  if (redis.status !== 'ready') await nextEvent(redis, 'ready');
  const slot = Number(await redis.call('CLUSTER', 'KEYSLOT', key));
  const nodeKey = redis.slots[slot][0];
  const owner = redis.nodes('master').find((node) => `${node.options.host}:${node.options.port}` === nodeKey);
  if (owner === undefined) throw new Error(`ownerOf: no master connection for slot ${slot} (${nodeKey})`);
  return owner;
}

/** Transport subscribers of a channel: PUBSUB NUMSUB on one server, PUBSUB SHARDNUMSUB on the owning shard of a cluster. */
export async function transportSubscriberCount(redis: RedisClient, channel: string): Promise<number> {
  if (!isCluster(redis)) return Number(((await redis.pubsub('NUMSUB', channel)) as unknown[])[1]);
  const owner = await ownerOf(redis, channel);
  return Number(((await owner.call('PUBSUB', 'SHARDNUMSUB', channel)) as unknown[])[1]);
}
