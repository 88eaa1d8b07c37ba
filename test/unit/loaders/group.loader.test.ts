import { createSilentLogger } from '../../../src/lib/logger';
import type { CachedGroup, GroupCacheLike, GroupCacheTicket } from '../../../src/loaders/group-cache';
import { createGroupLoader } from '../../../src/loaders/group.loader';
import type { GroupField, UpstreamGroup } from '../../../src/upstream/types';
import { UpstreamError } from '../../../src/upstream/upstream-error';
import { createFakeGroupsApi } from '../../helpers/fake-groups-api';
import { SANDBOX_PHONE_A } from '../../helpers/constants';

const created = new Date('2025-01-02T03:04:05Z');
const groups: UpstreamGroup[] = ['g1', 'g2', 'g3'].map((id, index) => ({
  id,
  subject: `Group ${index + 1}`,
  description: `About ${id}`,
  createdAt: created,
  participants: [{ waId: `1555000000${index}`, userId: null, parentUserId: null, username: null }],
  totalParticipantCount: 1,
  suspended: false,
  joinApprovalMode: 'auto_approve',
}));

function setup(options: { cache?: GroupCacheLike; batchMode?: 'batch' | 'parallel' } = {}) {
  const upstream = createFakeGroupsApi({ phoneNumberId: SANDBOX_PHONE_A, groups });
  const loader = createGroupLoader({
    upstream,
    batchMode: options.batchMode ?? 'batch',
    concurrency: 8,
    logger: createSilentLogger(),
    ...(options.cache === undefined ? {} : { cache: options.cache }),
  });
  return { upstream, loader };
}

/** A cache that records writes with the ticket they came with; tickets count lookups. */
function memoryCache(initial: CachedGroup[] = []): GroupCacheLike & { writes: { entries: CachedGroup[]; ticket: GroupCacheTicket }[] } {
  const entries = new Map(initial.map((entry) => [entry.group.id, entry]));
  const writes: { entries: CachedGroup[]; ticket: GroupCacheTicket }[] = [];
  let lookups = 0;
  return {
    writes,
    async lookup(ids) {
      lookups += 1;
      return { entries: ids.map((id) => entries.get(id) ?? null), ticket: { sequence: lookups } };
    },
    async setMany(batch, ticket) {
      writes.push({ entries: [...batch], ticket });
      for (const entry of batch) entries.set(entry.group.id, entry);
      return batch.length;
    },
  };
}

describe('group loader', () => {
  it('turns every lookup of one tick into one getGroups call with de-duplicated ids and merged fields', async () => {
    const { upstream, loader } = setup();
    const [a, b, c, d] = await Promise.all([
      loader.load('g1', ['subject']),
      loader.load('g2', ['participants']),
      loader.load('g1', ['creation_timestamp']),
      loader.load('g1', ['subject']),
    ]);
    expect(upstream.callsOf('getGroups').map((call) => call.args)).toEqual([
      [['g1', 'g2'], ['subject', 'creation_timestamp', 'participants'], { mode: 'batch', concurrency: 8 }],
    ]);
    expect(a?.subject).toBe('Group 1');
    expect(b?.participants).toEqual(groups[1]?.participants);
    expect(c?.createdAt).toEqual(created);
    expect(d).toBe(a);
  });

  it('passes the parallel mode and concurrency through to the upstream', async () => {
    const { upstream, loader } = setup({ batchMode: 'parallel' });
    await loader.load('g3', ['subject']);
    expect(upstream.callsOf('getGroups')[0]?.args[2]).toEqual({ mode: 'parallel', concurrency: 8 });
  });

  it('answers null for a group the upstream does not know (131041), without failing the others', async () => {
    const { loader } = setup();
    const results = await loader.loadMany(['g1', 'missing', 'g2'], ['subject']);
    expect(results.map((result) => (result instanceof Error || result === null ? result : result.subject))).toEqual(['Group 1', null, 'Group 2']);
  });

  it('keeps other per-id failures as errors of that id only', async () => {
    const { upstream, loader } = setup();
    const suspended = new UpstreamError({ message: '(#131207) Group suspended', httpStatus: 403, code: 131207 });
    upstream.failFor('g2', suspended);
    const results = await loader.loadMany(['g1', 'g2', 'g3'], ['subject']);
    expect(results[0]).toMatchObject({ subject: 'Group 1' });
    expect(results[1]).toBe(suspended);
    expect(results[2]).toMatchObject({ subject: 'Group 3' });
    await expect(loader.load('g2', ['subject'])).rejects.toBe(suspended);
  });

  it('serves later lookups from what the request already fetched and asks only for missing fields', async () => {
    const { upstream, loader } = setup();
    await loader.load('g1', ['subject', 'participants']);
    await loader.load('g1', ['subject']);
    const merged = await loader.load('g1', ['subject', 'description']);
    expect(upstream.callsOf('getGroups').map((call) => call.args[1])).toEqual([['subject', 'participants'], ['description']]);
    expect(merged).toMatchObject({ subject: 'Group 1', description: 'About g1', participants: groups[0]?.participants });
  });

  it('remembers a missing group for the rest of the request', async () => {
    const { upstream, loader } = setup();
    expect(await loader.load('missing', [])).toBeNull();
    expect(await loader.load('missing', ['subject'])).toBeNull();
    expect(upstream.callsOf('getGroups')).toHaveLength(1);
  });

  it('asks for no fields when only existence matters', async () => {
    const { upstream, loader } = setup();
    expect(await loader.load('g1', [])).toEqual({ id: 'g1' });
    expect(upstream.callsOf('getGroups')[0]?.args[1]).toEqual([]);
  });

  it('skips the upstream for cache hits that cover the needed fields and caches what it fetched', async () => {
    const cache = memoryCache([
      { group: { id: 'g1', subject: 'Cached 1' }, fields: ['subject'] },
      { group: { id: 'g2', subject: 'Cached 2' }, fields: ['subject'] },
    ]);
    const { upstream, loader } = setup({ cache });
    const [one, two] = await Promise.all([loader.load('g1', ['subject']), loader.load('g2', ['subject', 'participants'])]);
    expect(one?.subject).toBe('Cached 1');
    expect(two?.subject).toBe('Group 2');
    expect(upstream.callsOf('getGroups').map((call) => call.args.slice(0, 2))).toEqual([[['g2'], ['subject', 'participants']]]);
    const expectedFields: GroupField[] = ['subject', 'participants'];
    expect(cache.writes).toEqual([{ entries: [{ group: expect.objectContaining({ id: 'g2', subject: 'Group 2' }), fields: expectedFields }], ticket: { sequence: 1 } }]);
  });

  it('falls back to the upstream when the cache fails', async () => {
    const broken: GroupCacheLike = {
      lookup: async () => {
        throw new Error('redis down');
      },
      setMany: async () => {
        throw new Error('redis down');
      },
    };
    const { upstream, loader } = setup({ cache: broken });
    expect((await loader.load('g1', ['subject']))?.subject).toBe('Group 1');
    expect(upstream.callsOf('getGroups')).toHaveLength(1);
  });

  it('rejects every waiting lookup when the whole upstream call fails, and retries on the next lookup', async () => {
    const { upstream, loader } = setup();
    const outage = new UpstreamError({ message: 'connect ECONNREFUSED', httpStatus: null });
    const original = upstream.getGroups;
    upstream.getGroups = async () => {
      throw outage;
    };
    await expect(Promise.all([loader.load('g1', ['subject']), loader.load('g2', ['subject'])])).rejects.toBe(outage);
    upstream.getGroups = original;
    expect((await loader.load('g1', ['subject']))?.subject).toBe('Group 1');
  });
});
