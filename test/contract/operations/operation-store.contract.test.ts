import type { NewOperation } from '../../../src/operations/operation';
import type { OperationStore } from '../../../src/operations/operation-store';
import { createInMemoryOperationStore } from '../../../src/operations/in-memory-operation-store';
import { createRedisOperationStore, operationKeys } from '../../../src/operations/redis-operation-store';
import type { StoreContext } from './store-harness';
import { createStoreContext } from './store-harness';
import type { RedisTarget } from '../../../src/events/redis-client';
import { testRedisTargets } from '../../helpers/redis';

const TTL_SECONDS = 3600;

interface Implementation {
  /** Where a Redis implementation runs; unset in memory. */
  target?: RedisTarget;
  /** A store instance; Redis instances share storage through the context's prefix. */
  create(context: StoreContext): OperationStore;
  /** Another instance over the same storage (in memory: the store itself). */
  createPeer(context: StoreContext, store: OperationStore): OperationStore;
  /** Asserts the operation expires after the TTL: fake clock in memory, PTTL on Redis. */
  expectExpiry(context: StoreContext, store: OperationStore, id: string): Promise<void>;
}

const implementations: [string, Implementation][] = [
  [
    'in-memory',
    {
      create: (context) => createInMemoryOperationStore({ ttlSeconds: TTL_SECONDS, clock: context.clock }),
      createPeer: (_context, store) => store,
      async expectExpiry(context, store, id) {
        context.clock.advance(TTL_SECONDS * 1000 - 1);
        expect(await store.get(id)).not.toBeNull();
        context.clock.advance(1);
        expect(await store.get(id)).toBeNull();
      },
    },
  ],
  ...testRedisTargets().map(([name, target]): [string, Implementation] => [
    name,
    {
      target,
      create: (context) => createRedisOperationStore({ redis: context.connection(), keyPrefix: context.prefix, ttlSeconds: TTL_SECONDS, clock: context.clock }),
      createPeer: (context) => createRedisOperationStore({ redis: context.connection(), keyPrefix: context.prefix, ttlSeconds: TTL_SECONDS, clock: context.clock }),
      async expectExpiry(context, _store, id) {
        const ttl = await context.pttl(operationKeys(context.prefix, context.slotTag('operation')).record(id));
        expect(ttl).toBeGreaterThan(TTL_SECONDS * 1000 - 5_000);
        expect(ttl).toBeLessThanOrEqual(TTL_SECONDS * 1000);
      },
    },
  ]),
];

function newOperation(overrides: Partial<NewOperation> = {}): NewOperation {
  return { id: 'req-1', kind: 'UPDATE_GROUP', phoneNumberId: 'p1', groupId: 'g1', input: { subject: 'New', tags: [], nested: {} }, ...overrides };
}

describe.each(implementations)('OperationStore (%s)', (_name, impl) => {
  let context: StoreContext;
  let store: OperationStore;
  beforeEach(() => {
    context = createStoreContext('ops', impl.target);
    store = impl.create(context);
  });
  afterEach(async () => {
    await store.dispose();
    await context.dispose();
  });

  it('creates a pending operation and reads it back', async () => {
    const created = await store.create(newOperation());
    const now = new Date(context.clock.now()).toISOString();
    const expected = {
      id: 'req-1',
      kind: 'UPDATE_GROUP',
      status: 'PENDING',
      phoneNumberId: 'p1',
      groupId: 'g1',
      inviteLink: null,
      errors: [],
      input: { subject: 'New', tags: [], nested: {} },
      createdAt: now,
      updatedAt: now,
      completedByEventId: null,
    };
    expect(created).toEqual(expected);
    expect(await store.get('req-1')).toEqual(expected);
    expect(await store.get('unknown')).toBeNull();
  });

  it('returns the stored operation unchanged when the id is created again', async () => {
    await store.create(newOperation());
    context.clock.advance(1000);
    const again = await store.create(newOperation({ input: { other: true } }));
    expect(again.input).toEqual({ subject: 'New', tags: [], nested: {} });
    expect(again.createdAt).toBe(new Date(context.clock.now() - 1000).toISOString());
  });

  it('completes once: a second completion keeps the first outcome', async () => {
    await store.create(newOperation({ kind: 'CREATE_GROUP', groupId: null }));
    context.clock.advance(500);
    const errors = [{ code: 131000, title: 'Something went wrong', message: null, details: 'boom' }];
    const first = await store.complete('req-1', { status: 'SUCCEEDED', groupId: 'g-new', inviteLink: 'https://chat.whatsapp.com/x', completedByEventId: 'evt_1' });
    const second = await store.complete('req-1', { status: 'FAILED', errors, completedByEventId: 'evt_2' });

    expect(first.changed).toBe(true);
    expect(first.record).toMatchObject({ status: 'SUCCEEDED', groupId: 'g-new', inviteLink: 'https://chat.whatsapp.com/x', completedByEventId: 'evt_1', errors: [] });
    expect(first.record?.updatedAt).toBe(new Date(context.clock.now()).toISOString());
    expect(second).toEqual({ changed: false, record: first.record });
    expect(await store.get('req-1')).toEqual(first.record);
  });

  it('lets exactly one of two instances complete an operation', async () => {
    const other = impl.createPeer(context, store);
    await store.create(newOperation());
    const results = await Promise.all([
      store.complete('req-1', { status: 'SUCCEEDED', completedByEventId: 'a' }),
      other.complete('req-1', { status: 'FAILED', completedByEventId: 'b' }),
    ]);
    expect(results.filter((r) => r.changed)).toHaveLength(1);
    expect(results[0].record).toEqual(results[1].record);
  });

  it('applies a completion that arrived before the operation was created', async () => {
    expect(await store.complete('req-fast', { status: 'SUCCEEDED', groupId: 'g-fast', completedByEventId: 'evt_fast' })).toEqual({ changed: false, record: null });
    // A second early completion does not replace the first.
    await store.complete('req-fast', { status: 'FAILED' });
    const created = await store.create(newOperation({ id: 'req-fast', kind: 'CREATE_GROUP', groupId: null }));
    expect(created).toMatchObject({ id: 'req-fast', status: 'SUCCEEDED', groupId: 'g-fast', completedByEventId: 'evt_fast' });
    expect(await store.findPendingForCorrelation({ groupId: 'g-fast', kind: 'CREATE_GROUP', occurredBefore: new Date(context.clock.now()) })).toBeNull();
  });

  it('correlates an event with the most recent pending operation of that kind created before it', async () => {
    const at = (ms: number) => new Date(context.clock.now() + ms);
    await store.create(newOperation({ id: 'op-old' }));
    context.clock.advance(1000);
    await store.create(newOperation({ id: 'op-mid' }));
    await store.create(newOperation({ id: 'op-other-kind', kind: 'DELETE_GROUP' }));
    await store.create(newOperation({ id: 'op-other-group', groupId: 'g2' }));
    context.clock.advance(1000);
    await store.create(newOperation({ id: 'op-new' }));
    const query = { groupId: 'g1', kind: 'UPDATE_GROUP' as const };

    expect((await store.findPendingForCorrelation({ ...query, occurredBefore: at(0) }))?.id).toBe('op-new');
    expect((await store.findPendingForCorrelation({ ...query, occurredBefore: at(-1) }))?.id).toBe('op-mid');
    await store.complete('op-mid', { status: 'SUCCEEDED' });
    expect((await store.findPendingForCorrelation({ ...query, occurredBefore: at(-1) }))?.id).toBe('op-old');
    expect((await store.findPendingForCorrelation({ ...query, occurredBefore: at(-3000) }))).toBeNull();
    expect((await store.findPendingForCorrelation({ groupId: 'g1', kind: 'DELETE_GROUP', occurredBefore: at(0) }))?.id).toBe('op-other-kind');
    expect((await store.findPendingForCorrelation({ groupId: 'g3', kind: 'UPDATE_GROUP', occurredBefore: at(0) }))).toBeNull();
  });

  it('expires operations after the TTL', async () => {
    await store.create(newOperation());
    await impl.expectExpiry(context, store, 'req-1');
  });

  it('refuses an operation without an id or with an unknown kind, saying what it expects', async () => {
    await expect(store.create(newOperation({ id: '' }))).rejects.toThrow('.create expects a non-empty string id, got ""; use the upstream request_id or generate one.');
    await expect(store.create(newOperation({ kind: 'SEND_MESSAGE' as never }))).rejects.toThrow(
      '.create expects kind to be one of CREATE_GROUP, UPDATE_GROUP, DELETE_GROUP, REMOVE_PARTICIPANTS, got "SEND_MESSAGE".',
    );
  });
});
