import Redis from 'ioredis';
import type { CachedGroup, GroupCache } from '../../../src/cache/group-cache';
import { applyEventsToGroupCache, coversFields } from '../../../src/cache/group-cache';
import { createInMemoryGroupCache } from '../../../src/cache/in-memory-group-cache';
import { createRedisGroupCache, groupCacheKeys } from '../../../src/cache/redis-group-cache';
import { GROUP_EVENT_TYPES } from '../../../src/events/event-model';
import { createSilentLogger } from '../../../src/lib/logger';
import type { FakeClock } from '../../helpers/clock';
import { createFakeClock } from '../../helpers/clock';
import { createTestRedis, openTestClient, testRedisTargets, testRedisUrl, uniquePrefix } from '../../helpers/redis';
import type { RedisClient } from '../../../src/events/redis-client';
import { createCapturingLogger } from '../../helpers/logs';

const TTL_SECONDS = 300;

interface CacheHarness {
  create(ttlSeconds: number): GroupCache;
  /** Asserts the entry expires after `ttlSeconds`: with the fake clock in memory, with PTTL on Redis. */
  expectExpiry(cache: GroupCache, groupId: string, ttlSeconds: number): Promise<void>;
  dispose(): Promise<void>;
}

const implementations: [string, () => CacheHarness][] = [
  [
    'in-memory',
    () => {
      const clock: FakeClock = createFakeClock();
      return {
        create: (ttlSeconds) => createInMemoryGroupCache({ ttlSeconds, clock }),
        async expectExpiry(cache, groupId, ttlSeconds) {
          clock.advance(ttlSeconds * 1000 - 1);
          expect((await cache.getMany([groupId]))[0]).not.toBeNull();
          clock.advance(1);
          expect((await cache.getMany([groupId]))[0]).toBeNull();
        },
        dispose: async () => undefined,
      };
    },
  ],
  ...testRedisTargets().map(([name, target]): [string, () => CacheHarness] => [
    name,
    () => {
      const prefix = uniquePrefix('gcache');
      const probe = createTestRedis(prefix, target);
      const connections: RedisClient[] = [];
      return {
        create(ttlSeconds) {
          // Each cache on its own connection, like separate instances.
          const redis = openTestClient(target);
          connections.push(redis);
          return createRedisGroupCache({ redis, keyPrefix: prefix, ttlSeconds, logger: createSilentLogger() });
        },
        async expectExpiry(_cache, groupId, ttlSeconds) {
          const ttl = await probe.redis.pttl(groupCacheKeys(prefix, target.kind === 'cluster' ? '{group-cache}:' : '').data(groupId));
          expect(ttl).toBeGreaterThan(ttlSeconds * 1000 - 5_000);
          expect(ttl).toBeLessThanOrEqual(ttlSeconds * 1000);
        },
        async dispose() {
          await Promise.all(connections.map((c) => c.quit()));
          await probe.dispose();
        },
      };
    },
  ]),
];

function group(id: string, overrides: Partial<CachedGroup['group']> = {}): CachedGroup {
  return {
    group: { id, subject: `Subject ${id}`, description: null, createdAt: new Date('2024-05-06T07:08:09.000Z'), suspended: false, ...overrides },
    fields: ['subject', 'description', 'creation_timestamp', 'suspended'],
  };
}

describe.each(implementations)('GroupCache (%s)', (_name, createHarness) => {
  let h: CacheHarness;
  let cache: GroupCache;
  beforeEach(() => {
    h = createHarness();
    cache = h.create(TTL_SECONDS);
  });
  afterEach(() => h.dispose());

  async function store(entries: CachedGroup[], target = cache): Promise<number> {
    const { ticket } = await target.lookup(entries.map((e) => e.group.id));
    return target.setMany(entries, ticket);
  }

  it('returns cached groups aligned to the ids, with their fields, Dates and unfetched fields intact', async () => {
    const g1 = group('g1');
    const g2: CachedGroup = { group: { id: 'g2', participants: [{ waId: '1555', userId: null, parentUserId: null, username: null }], totalParticipantCount: 1 }, fields: ['participants', 'total_participant_count'] };
    expect(await store([g1, g2])).toBe(2);

    const [first, missing, second] = await cache.getMany(['g1', 'nope', 'g2']);

    expect(first).toEqual(g1);
    expect(first?.group.createdAt).toBeInstanceOf(Date);
    expect(missing).toBeNull();
    expect(second).toEqual(g2);
    expect(second !== null && 'subject' in second.group).toBe(false); // not fetched stays undefined, not null
    expect(coversFields(first as CachedGroup, ['subject', 'suspended'])).toBe(true);
    expect(coversFields(first as CachedGroup, ['participants'])).toBe(false);
  });

  it('hands out copies: changing a returned group does not change the cache', async () => {
    await store([group('g1')]);
    const [copy] = await cache.getMany(['g1']);
    if (copy === null) throw new Error('expected a cached group');
    copy.group.subject = 'mutated';
    expect((await cache.getMany(['g1']))[0]?.group.subject).toBe('Subject g1');
  });

  it('expires entries after the TTL', async () => {
    await store([group('g1')]);
    await h.expectExpiry(cache, 'g1', TTL_SECONDS);
  });

  it('caches nothing with a TTL of 0', async () => {
    const disabled = h.create(0);
    const { entries, ticket } = await disabled.lookup(['g1']);
    expect(entries).toEqual([null]);
    expect(await disabled.setMany([group('g1')], ticket)).toBe(0);
    expect(await disabled.getMany(['g1'])).toEqual([null]);
  });

  it('drops a fetch result for a group invalidated while the fetch was in flight', async () => {
    const { ticket } = await cache.lookup(['g1', 'g2']); // fetch starts
    await cache.invalidate(['g1']); // a webhook says g1 changed
    const written = await cache.setMany([group('g1', { subject: 'stale' }), group('g2')], ticket); // fetch ends

    expect(written).toBe(1);
    expect((await cache.getMany(['g1', 'g2'])).map((e) => e?.group.subject ?? null)).toEqual([null, 'Subject g2']);
    // A fetch that starts after the invalidation is written.
    expect(await store([group('g1', { subject: 'fresh' })])).toBe(1);
    expect((await cache.getMany(['g1']))[0]?.group.subject).toBe('fresh');
  });

  it('removes invalidated groups', async () => {
    await store([group('g1'), group('g2')]);
    await cache.invalidate(['g1', 'g1']);
    expect((await cache.getMany(['g1', 'g2'])).map((e) => e?.group.id ?? null)).toEqual([null, 'g2']);
  });

  it('invalidates on every event that can change metadata, not on messages', async () => {
    for (const type of GROUP_EVENT_TYPES) {
      await store([group('g1')]);
      await applyEventsToGroupCache(cache, [{ type, groupId: 'g1' }]);
      const cached = (await cache.getMany(['g1']))[0];
      expect({ type, cached: cached !== null }).toEqual({ type, cached: type === 'MESSAGE_RECEIVED' || type === 'MESSAGE_STATUS_UPDATED' });
    }
    await store([group('g1'), group('g2'), group('g3')]);
    await applyEventsToGroupCache(cache, [
      { type: 'PARTICIPANTS_ADDED', groupId: 'g1' },
      { type: 'MESSAGE_RECEIVED', groupId: 'g2' },
      { type: 'GROUP_DELETED', groupId: 'g3' },
    ]);
    expect((await cache.getMany(['g1', 'g2', 'g3'])).map((e) => e?.group.id ?? null)).toEqual([null, 'g2', null]);
  });
});

describe.each(testRedisTargets())('GroupCache (%s, shared by instances)', (_name, target) => {
  const prefix = uniquePrefix('gcache2');
  const a = openTestClient(target);
  const b = openTestClient(target);
  afterAll(async () => {
    await Promise.all([a.quit(), b.quit()]);
    await createTestRedis(prefix, target).dispose();
  });

  it('drops a write on one instance for a group another instance invalidated meanwhile', async () => {
    const one = createRedisGroupCache({ redis: a, keyPrefix: prefix, ttlSeconds: TTL_SECONDS, logger: createSilentLogger() });
    const two = createRedisGroupCache({ redis: b, keyPrefix: prefix, ttlSeconds: TTL_SECONDS, logger: createSilentLogger() });
    const { ticket } = await one.lookup(['g1']);
    await two.invalidate(['g1']);
    expect(await one.setMany([group('g1')], ticket)).toBe(0);
    const fresh = await two.lookup(['g1']);
    expect(await two.setMany([group('g1')], fresh.ticket)).toBe(1);
    expect((await one.getMany(['g1']))[0]).toEqual(group('g1'));
  });
});

describe('GroupCache (redis, unusable)', () => {
  const prefix = uniquePrefix('gcache3');

  it('reports misses and writes nothing when Redis is unusable, but rejects invalidations', async () => {
    const closed = new Redis(testRedisUrl(), { maxRetriesPerRequest: 1 });
    await closed.quit();
    const logs = createCapturingLogger();
    const broken = createRedisGroupCache({ redis: closed, keyPrefix: prefix, ttlSeconds: TTL_SECONDS, logger: logs.logger });
    const { entries, ticket } = await broken.lookup(['g1']);
    expect(entries).toEqual([null]);
    expect(ticket.sequence).toBeNull();
    expect(await broken.setMany([group('g1')], { sequence: 0 })).toBe(0);
    await expect(broken.invalidate(['g1'])).rejects.toThrow('Connection is closed');
    expect(logs.lines().map((line) => line.msg)).toEqual([
      'Group cache read failed; treating as misses',
      'Group cache write failed; the groups stay uncached',
    ]);
  });
});

describe('GroupCache (in-memory bounds)', () => {
  it('evicts the least recently used group beyond maxEntries', async () => {
    const cache = createInMemoryGroupCache({ ttlSeconds: TTL_SECONDS, maxEntries: 2, clock: createFakeClock() });
    const { ticket } = await cache.lookup([]);
    await cache.setMany([group('g1'), group('g2')], ticket);
    await cache.getMany(['g1']); // g1 is now more recent than g2
    await cache.setMany([group('g3')], ticket);
    expect((await cache.getMany(['g1', 'g2', 'g3'])).map((e) => e?.group.id ?? null)).toEqual(['g1', null, 'g3']);
  });

  it('still drops stale writes after forgetting old invalidations', async () => {
    const cache = createInMemoryGroupCache({ ttlSeconds: TTL_SECONDS, maxEntries: 1, clock: createFakeClock() });
    const { ticket } = await cache.lookup(['g1']);
    await cache.invalidate(['g1']);
    await cache.invalidate(['g2']); // g1's invalidation number is forgotten here
    expect(await cache.setMany([group('g1')], ticket)).toBe(0);
  });

  it('validates its options with the fix', () => {
    expect(() => createInMemoryGroupCache({ ttlSeconds: -1 })).toThrow(
      'createInMemoryGroupCache expects ttlSeconds to be an integer >= 0 (0 disables the cache), got -1; pass config.cache.groupTtlSeconds.',
    );
  });
});
