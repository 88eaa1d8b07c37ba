import Redis from 'ioredis';
import { createSilentLogger } from '../../../src/lib/logger';
import { createCapturingLogger } from '../../helpers/logs';
import { createRedisSubscriptionSlots } from '../../../src/limits/redis-subscription-slots';
import type { SubscriptionSlots } from '../../../src/limits/subscription-slots';
import { createInMemorySubscriptionSlots } from '../../../src/limits/subscription-slots';
import { createTestRedis, testClusterTarget, testRedisClusterNodes, testRedisUrl, uniquePrefix } from '../../helpers/redis';

const prefix = uniquePrefix('slots');
const cleanup = createTestRedis(prefix);
const redis = new Redis(testRedisUrl(), { maxRetriesPerRequest: 1 });
const clusterSeeds = testRedisClusterNodes();
const clusterTarget = clusterSeeds === null ? null : testClusterTarget(clusterSeeds);
const clusterCleanup = clusterTarget === null ? null : createTestRedis(prefix, clusterTarget);
afterAll(async () => {
  await redis.quit();
  await cleanup.dispose();
  await clusterCleanup?.dispose();
});

let scopes = 0;
const implementations: [string, (maxPerSubject: number) => SubscriptionSlots][] = [
  ['in-memory', (maxPerSubject) => createInMemorySubscriptionSlots({ maxPerSubject })],
  ['Redis', (maxPerSubject) => createRedisSubscriptionSlots({ redis, keyPrefix: `${prefix}${scopes++}:`, maxPerSubject, logger: createSilentLogger(), autoRenew: false })],
  ...(clusterCleanup === null
    ? []
    : [
        [
          'Redis Cluster',
          (maxPerSubject: number) =>
            createRedisSubscriptionSlots({ redis: clusterCleanup.redis, keyPrefix: `${prefix}${scopes++}:`, maxPerSubject, logger: createSilentLogger(), autoRenew: false }),
        ] as [string, (maxPerSubject: number) => SubscriptionSlots],
      ]),
];

describe.each(implementations)('%s subscription slots', (_name, create) => {
  let slots: SubscriptionSlots;
  beforeEach(() => {
    slots = create(2);
  });
  afterEach(async () => {
    await slots.dispose();
  });

  it('holds at most the maximum per subject, each subject on its own', async () => {
    expect(slots.maxPerSubject).toBe(2);
    expect(await slots.acquire('a')).toEqual(expect.any(Function));
    expect(await slots.acquire('a')).toEqual(expect.any(Function));
    expect(await slots.acquire('a')).toBeNull();
    expect(await slots.acquire('b')).toEqual(expect.any(Function));
  });

  it('frees one slot per release, however often that release is called', async () => {
    const first = (await slots.acquire('a'))!;
    await slots.acquire('a');
    first();
    first();
    expect(await slots.acquire('a')).toEqual(expect.any(Function));
    expect(await slots.acquire('a')).toBeNull();
  });

  it('refuses a maximum that is not a positive integer', () => {
    expect(() => create(1.5)).toThrow(/maxPerSubject to be an integer >= 1, got 1.5/);
  });
});

describe('Redis subscription slots across instances', () => {
  const logger = createSilentLogger();
  const open = (keyPrefix: string, now: () => number) => createRedisSubscriptionSlots({ redis, keyPrefix, maxPerSubject: 2, logger, now, leaseMs: 30_000, autoRenew: false });

  it('share one cap per key between instances; a release on one frees a slot for the other', async () => {
    const keyPrefix = `${prefix}shared:`;
    const a = open(keyPrefix, Date.now);
    const b = open(keyPrefix, Date.now);
    const onA = (await a.acquire('key'))!;
    expect(await b.acquire('key')).toEqual(expect.any(Function));
    expect(await a.acquire('key')).toBeNull();
    expect(await b.acquire('key')).toBeNull();
    onA();
    await redis.ping(); // the release's ZREM went out before this on the same connection
    expect(await b.acquire('key')).toEqual(expect.any(Function));
    await Promise.all([a.dispose(), b.dispose()]);
  });

  it('frees the slots of an instance that stopped renewing them once their lease ends, and keeps renewed ones', async () => {
    const keyPrefix = `${prefix}lease:`;
    let now = 1_700_000_000_000;
    const crashed = open(keyPrefix, () => now);
    const alive = open(keyPrefix, () => now);
    await crashed.acquire('key'); // never released: the instance "dies" here
    await alive.acquire('key');
    now += 20_000;
    await alive.renew();
    expect(await alive.acquire('key')).toBeNull();
    now += 10_000; // the crashed instance's lease ended; the renewed one runs until now + 10 s
    expect(await alive.acquire('key')).toEqual(expect.any(Function));
    expect(await alive.acquire('key')).toBeNull();
    await alive.dispose();
  });

  it('removes what an instance still holds when it is disposed, and lets the key expire', async () => {
    const keyPrefix = `${prefix}dispose:`;
    const a = open(keyPrefix, Date.now);
    await a.acquire('key');
    await a.acquire('key');
    expect(await redis.zcard(`${keyPrefix}subscription-slots:key`)).toBe(2);
    expect(await redis.pttl(`${keyPrefix}subscription-slots:key`)).toBeGreaterThan(0);
    await a.dispose();
    expect(await redis.zcard(`${keyPrefix}subscription-slots:key`)).toBe(0);
    await expect(a.acquire('key')).rejects.toThrow(/disposed/);
  });

  it('admits, and logs, when Redis cannot be reached: a guard rail, not a lock', async () => {
    const unreachable = new Redis('redis://127.0.0.1:1', { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => null });
    const logs = createCapturingLogger();
    const slots = createRedisSubscriptionSlots({ redis: unreachable, keyPrefix: `${prefix}down:`, maxPerSubject: 1, logger: logs.logger, autoRenew: false });
    try {
      const releases = await Promise.all([slots.acquire('key'), slots.acquire('key')]);
      expect(releases).toEqual([expect.any(Function), expect.any(Function)]);
      releases.forEach((release) => release!());
      expect(logs.lines().filter((line) => line.msg === 'Could not count subscription slots; admitting the subscription')).toHaveLength(2);
    } finally {
      await slots.dispose();
      unreachable.disconnect();
    }
  });
});
