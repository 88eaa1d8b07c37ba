import { createInMemoryGroupCache } from '../../../src/cache/in-memory-group-cache';
import { createTieredGroupCache } from '../../../src/cache/tiered-group-cache';

const entry = (id: string, subject: string) => ({ group: { id, subject }, fields: ['subject' as const] });

describe('createTieredGroupCache (L1 in front of L2)', () => {
  it('answers from L1 first, copies L2 hits into L1, and writes fetched groups to both', async () => {
    const l1 = createInMemoryGroupCache({ ttlSeconds: 60 });
    const l2 = createInMemoryGroupCache({ ttlSeconds: 60 });
    const tiered = createTieredGroupCache({ l1, l2 });
    await l2.setMany([entry('a', 'from L2')], (await l2.lookup([])).ticket);

    const first = await tiered.lookup(['a', 'b']);
    expect(first.entries.map((found) => found?.group.subject ?? null)).toEqual(['from L2', null]);
    expect((await l1.getMany(['a']))[0]?.group.subject).toBe('from L2');

    expect(await tiered.setMany([entry('b', 'fetched')], first.ticket)).toBe(1);
    expect((await l1.getMany(['b']))[0]?.group.subject).toBe('fetched');
    expect((await l2.getMany(['b']))[0]?.group.subject).toBe('fetched');
  });

  it('invalidates both tiers, and drops a fetch that an invalidation overtook in either', async () => {
    const l1 = createInMemoryGroupCache({ ttlSeconds: 60 });
    const l2 = createInMemoryGroupCache({ ttlSeconds: 60 });
    const tiered = createTieredGroupCache({ l1, l2 });
    const before = await tiered.lookup(['a']);
    await l1.invalidate(['a']); // another instance's event reached this L1 through the bus
    expect(await tiered.setMany([entry('a', 'stale')], before.ticket)).toBe(1); // L2 had no invalidation: written there
    expect(await l1.getMany(['a'])).toEqual([null]);
    await tiered.invalidate(['a']);
    expect(await l2.getMany(['a'])).toEqual([null]);
  });

  it('L1.clear() drops everything and every write whose ticket predates it', async () => {
    const l1 = createInMemoryGroupCache({ ttlSeconds: 60 });
    const ticket = (await l1.lookup([])).ticket;
    await l1.setMany([entry('a', 'kept')], ticket);
    l1.clear();
    expect(await l1.getMany(['a'])).toEqual([null]);
    expect(await l1.setMany([entry('b', 'late')], ticket)).toBe(0);
  });
});
