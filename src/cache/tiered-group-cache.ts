import { once } from '../lib/disposable';
import type { CachedGroup, GroupCache, GroupCacheLookup, GroupCacheTicket } from './group-cache';

/** Both tiers' tickets: a write lands in each tier only if that tier saw no invalidation of the group since. */
interface TieredTicket extends GroupCacheTicket {
  readonly l1: GroupCacheTicket;
  readonly l2: GroupCacheTicket | null;
}

/**
 * The instance's own group cache (L1, in memory) in front of the shared one (L2, Redis): a group this instance read
 * lately costs no Redis round trip. Invalidating goes to both tiers; the other instances' L1s are invalidated when
 * the stored event (or the write's change) reaches them on the bus (see read-cache-invalidation.ts), so an L1 is
 * never staler than the bus is late. L2 hits are copied into L1 under L1's own ticket.
 */
export function createTieredGroupCache(options: { l1: GroupCache; l2: GroupCache }): GroupCache {
  const { l1, l2 } = options;

  async function lookup(groupIds: readonly string[]): Promise<GroupCacheLookup> {
    const first = await l1.lookup(groupIds);
    const missing = groupIds.filter((_id, index) => first.entries[index] === null);
    if (missing.length === 0) return { entries: first.entries, ticket: { sequence: first.ticket.sequence, l1: first.ticket, l2: null } as TieredTicket };
    const second = await l2.lookup(missing);
    const fromL2 = new Map<string, CachedGroup>();
    missing.forEach((id, index) => {
      const entry = second.entries[index];
      if (entry != null) fromL2.set(id, entry);
    });
    if (fromL2.size > 0) await l1.setMany([...fromL2.values()], first.ticket);
    const entries = groupIds.map((id, index) => first.entries[index] ?? fromL2.get(id) ?? null);
    return { entries, ticket: { sequence: second.ticket.sequence, l1: first.ticket, l2: second.ticket } as TieredTicket };
  }

  return {
    lookup,
    async getMany(groupIds) {
      return (await lookup(groupIds)).entries;
    },
    async setMany(entries, ticket) {
      const tiered = ticket as TieredTicket;
      if (tiered.l1 === undefined) {
        throw new TypeError('createTieredGroupCache: setMany expects the ticket its own lookup() answered; got another cache\'s ticket');
      }
      const [written] = await Promise.all([tiered.l2 === null ? Promise.resolve(0) : l2.setMany(entries, tiered.l2), l1.setMany(entries, tiered.l1)]);
      return written;
    },
    async invalidate(groupIds) {
      // L1 first and at once (it cannot fail); L2's failure still rejects, so the webhook is retried.
      await l1.invalidate(groupIds);
      await l2.invalidate(groupIds);
    },
    dispose: once(async () => {
      await Promise.all([l1.dispose(), l2.dispose()]);
    }).dispose,
  };
}
