import Redis from 'ioredis';
import { createTestRedis, testRedisUrl, uniquePrefix } from '../../helpers/redis';
import { createInMemoryRateLimiter } from '../../../src/limits/in-memory-rate-limiter';
import type { RateLimiter } from '../../../src/limits/rate-limiter';
import { createRedisRateLimiter } from '../../../src/limits/redis-rate-limiter';
import type { GroupOwnerRegistry } from '../../../src/tenancy/group-owner-registry';
import { createInMemoryGroupOwnerRegistry } from '../../../src/tenancy/in-memory-group-owner-registry';
import { createRedisGroupOwnerRegistry } from '../../../src/tenancy/redis-group-owner-registry';

const prefix = uniquePrefix('security');
const cleanup = createTestRedis(prefix);
const redis = new Redis(testRedisUrl(), { maxRetriesPerRequest: 1 });
afterAll(async () => {
  await redis.quit();
  await cleanup.dispose();
});

type Implementations = [string, (now: () => number, scope: string) => { limiter: RateLimiter; registry: GroupOwnerRegistry }][];

const implementations: Implementations = [
  ['in-memory', (now) => ({ limiter: createInMemoryRateLimiter({ now }), registry: createInMemoryGroupOwnerRegistry() })],
  ['Redis', (now, scope) => ({ limiter: createRedisRateLimiter({ redis, keyPrefix: `${prefix}${scope}:`, now }), registry: createRedisGroupOwnerRegistry({ redis, keyPrefix: `${prefix}${scope}:` }) })],
];

describe.each(implementations)('%s rate limiter and ownership registry (same answers)', (_name, create) => {
  const policy = { perMinute: 120, burst: 2 }; // one every 500 ms, two at once

  it('admits the burst, then answers the wait, per subject', async () => {
    let now = 1_700_000_000_000;
    const { limiter } = create(() => now, 'rate');
    expect(await limiter.consume('key:a', policy)).toEqual({ allowed: true });
    expect(await limiter.consume('key:a', policy)).toEqual({ allowed: true });
    expect(await limiter.consume('key:a', policy)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(await limiter.consume('key:b', policy)).toEqual({ allowed: true });
    now += 500;
    expect(await limiter.consume('key:a', policy)).toEqual({ allowed: true });
    expect(await limiter.consume('key:a', policy)).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it('admits a batch of requests as far as the rate allows, in one step', async () => {
    let now = 1_700_000_000_000;
    const { limiter } = create(() => now, 'many');
    expect(await limiter.consumeMany('key:a', policy, 3)).toEqual({ admitted: 2, retryAfterSeconds: 1 });
    expect(await limiter.consumeMany('key:a', policy, 2)).toEqual({ admitted: 0, retryAfterSeconds: 1 });
    now += 1_000;
    expect(await limiter.consumeMany('key:a', policy, 1)).toEqual({ admitted: 1, retryAfterSeconds: 0 });
    expect(await limiter.consume('key:a', policy)).toEqual({ allowed: true });
    expect(await limiter.consume('key:a', policy)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    await limiter.block('key:b', 4);
    expect(await limiter.consumeMany('key:b', policy, 5)).toEqual({ admitted: 0, retryAfterSeconds: 4 });
  });

  it('keeps the longest block and lets the subject in once it ends', async () => {
    let now = 1_700_000_000_000;
    const { limiter } = create(() => now, 'block');
    await limiter.block('key:a', 20);
    await limiter.block('key:a', 3);
    expect(await limiter.consume('key:a', policy)).toEqual({ allowed: false, retryAfterSeconds: 20 });
    now += 19_500;
    expect(await limiter.consume('key:a', policy)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    now += 500;
    expect(await limiter.consume('key:a', policy)).toEqual({ allowed: true });
  });

  it('remembers owners and answers only the known ones', async () => {
    const { registry } = create(() => 0, 'owners');
    await registry.remember([
      { groupId: 'g1', phoneNumberId: 'A' },
      { groupId: 'g2', phoneNumberId: 'B' },
    ]);
    await registry.remember([]);
    expect(await registry.owners(['g2', 'g3', 'g1'])).toEqual(new Map([['g2', 'B'], ['g1', 'A']]));
    expect(await registry.owners([])).toEqual(new Map());
  });
});

test('the Redis limiter expires its keys once nothing is pending', async () => {
  const now = Date.now();
  const limiter = createRedisRateLimiter({ redis, keyPrefix: `${prefix}ttl:`, now: () => now });
  await limiter.consume('key:a', { perMinute: 60, burst: 1 });
  const ttl = await redis.pttl(`${prefix}ttl:ratelimit:key:a`);
  expect(ttl).toBeGreaterThan(0);
  expect(ttl).toBeLessThanOrEqual(2_000);
});
