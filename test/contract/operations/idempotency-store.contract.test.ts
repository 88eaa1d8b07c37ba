import type { IdempotencyStore } from '../../../src/operations/idempotency';
import { createInMemoryIdempotencyStore } from '../../../src/operations/in-memory-idempotency-store';
import { createRedisIdempotencyStore } from '../../../src/operations/redis-idempotency-store';
import type { StoreContext } from './store-harness';
import { createStoreContext } from './store-harness';
import type { RedisTarget } from '../../../src/events/redis-client';
import { testRedisTargets } from '../../helpers/redis';

interface Implementation {
  /** Where a Redis implementation runs; unset in memory. */
  target?: RedisTarget;
  /** Two store instances over the same storage (in memory: the same instance twice). */
  createPair(context: StoreContext): [IdempotencyStore, IdempotencyStore];
  /** Asserts the key expires after ttlSeconds: fake clock in memory, PTTL on Redis. */
  expectExpiry(context: StoreContext, store: IdempotencyStore, key: string, ttlSeconds: number): Promise<void>;
}

const implementations: [string, Implementation][] = [
  [
    'in-memory',
    {
      createPair(context) {
        const store = createInMemoryIdempotencyStore({ clock: context.clock });
        return [store, store];
      },
      async expectExpiry(context, store, key, ttlSeconds) {
        context.clock.advance(ttlSeconds * 1000 - 1);
        expect((await store.begin(key, 'f', ttlSeconds)).state).toBe('done');
        context.clock.advance(1);
        expect((await store.begin(key, 'f', ttlSeconds)).state).toBe('new');
      },
    },
  ],
  ...testRedisTargets().map(([name, target]): [string, Implementation] => [
    name,
    {
      target,
      createPair: (context) => [
        createRedisIdempotencyStore({ redis: context.connection(), keyPrefix: context.prefix }),
        createRedisIdempotencyStore({ redis: context.connection(), keyPrefix: context.prefix }),
      ],
      async expectExpiry(context, _store, key, ttlSeconds) {
        const ttl = await context.pttl(`${context.prefix}idempotency:${key}`);
        expect(ttl).toBeGreaterThan(ttlSeconds * 1000 - 5_000);
        expect(ttl).toBeLessThanOrEqual(ttlSeconds * 1000);
      },
    },
  ]),
];

describe.each(implementations)('IdempotencyStore (%s)', (_name, impl) => {
  let context: StoreContext;
  let a: IdempotencyStore;
  let b: IdempotencyStore;
  beforeEach(() => {
    context = createStoreContext('idem', impl.target);
    [a, b] = impl.createPair(context);
  });
  afterEach(async () => {
    await Promise.all([a.dispose(), b.dispose()]);
    await context.dispose();
  });

  it('gives a key to exactly one of two concurrent instances, then the result to everyone', async () => {
    const claims = await Promise.all([a.begin('k1', 'fp', 60), b.begin('k1', 'fp', 60)]);
    expect(claims.map((c) => c.state).sort()).toEqual(['in-progress', 'new']);
    const owner = claims[0].state === 'new' ? a : b;
    expect(await owner.finish('k1', { operationId: 'req-1', createdAt: '2025-01-01T00:00:00.000Z' })).toBe(true);
    expect(await a.begin('k1', 'fp', 60)).toEqual({ state: 'done', result: { operationId: 'req-1', createdAt: '2025-01-01T00:00:00.000Z' } });
    expect(await b.begin('k1', 'fp', 60)).toEqual({ state: 'done', result: { operationId: 'req-1', createdAt: '2025-01-01T00:00:00.000Z' } });
  });

  it('reports a mismatch when the key is reused with another input, in progress or done', async () => {
    expect(await a.begin('k2', 'fp-1', 60)).toEqual({ state: 'new' });
    expect(await b.begin('k2', 'fp-2', 60)).toEqual({ state: 'mismatch' });
    await a.finish('k2', null);
    expect(await b.begin('k2', 'fp-2', 60)).toEqual({ state: 'mismatch' });
    expect(await b.begin('k2', 'fp-1', 60)).toEqual({ state: 'done', result: null });
  });

  it('lets a retry claim a key that was abandoned, but keeps a finished one', async () => {
    await a.begin('k3', 'fp', 60);
    await a.abandon('k3');
    expect(await b.begin('k3', 'fp', 60)).toEqual({ state: 'new' });
    expect(await b.finish('k3', 42)).toBe(true);
    await b.abandon('k3');
    expect(await a.begin('k3', 'fp', 60)).toEqual({ state: 'done', result: 42 });
  });

  it('finishes only a claimed key, once', async () => {
    expect(await a.finish('never-claimed', 1)).toBe(false);
    await a.begin('k4', 'fp', 60);
    expect(await a.finish('k4', 'first')).toBe(true);
    expect(await b.finish('k4', 'second')).toBe(false);
    expect(await b.begin('k4', 'fp', 60)).toEqual({ state: 'done', result: 'first' });
  });

  it('forgets a key after its TTL', async () => {
    await a.begin('k5', 'f', 30);
    await a.finish('k5', 'r');
    await impl.expectExpiry(context, a, 'k5', 30);
  });

  it('refuses a TTL that is not a positive integer and a result that is not JSON', async () => {
    await expect(a.begin('k6', 'f', 0)).rejects.toThrow('.begin expects ttlSeconds to be a positive integer, got 0.');
    await a.begin('k6', 'f', 10);
    await expect(a.finish('k6', undefined)).rejects.toThrow('.finish expects a JSON-serialisable result, got undefined; pass null for "no result".');
  });
});
