import type { GroupsApi } from '../upstream/types';
import type { GroupOwnerRegistry } from './group-owner-registry';

export interface GroupOwnershipOptions {
  registry: GroupOwnerRegistry;
  /** A phone number's groups are listed again only after this long. */
  listCooldownMs: number;
  /** Pages of 1024 groups listed per number at most (Meta caps active groups per number far below this). */
  maxPagesPerNumber: number;
  now?: () => number;
}

export interface GroupOwnership {
  readonly registry: GroupOwnerRegistry;
  /**
   * The owners of these groups. Groups the registry does not know are looked up by listing the groups of
   * `candidates` (the caller's own phone numbers) upstream, each at most once per cooldown and once at a time;
   * what is still unknown afterwards stays absent. Upstream failures of the listing propagate.
   */
  ownersOf(groupIds: readonly string[], options: { candidates: readonly string[]; upstream: GroupsApi }): Promise<Map<string, string>>;
}

const PAGE_LIMIT = 1024; // the list endpoint's largest page

export function createGroupOwnership(options: GroupOwnershipOptions): GroupOwnership {
  const { registry, listCooldownMs, maxPagesPerNumber } = options;
  const now = options.now ?? Date.now;
  const listedAt = new Map<string, number>();
  const listing = new Map<string, Promise<void>>();

  async function listAll(phoneNumberId: string, upstream: GroupsApi): Promise<void> {
    let after: string | undefined;
    for (let page = 0; page < maxPagesPerNumber; page++) {
      const answer = await upstream.listGroups(phoneNumberId, after === undefined ? { limit: PAGE_LIMIT } : { limit: PAGE_LIMIT, after });
      await registry.remember(answer.items.map((group) => ({ groupId: group.id, phoneNumberId })));
      if (!answer.paging.hasNext || answer.paging.after === null) break;
      after = answer.paging.after;
    }
    listedAt.set(phoneNumberId, now());
  }

  /** Lists a number's groups unless that happened within the cooldown; concurrent callers share one listing. */
  function ensureListed(phoneNumberId: string, upstream: GroupsApi): Promise<void> {
    const last = listedAt.get(phoneNumberId);
    if (last !== undefined && now() - last < listCooldownMs) return Promise.resolve();
    const running = listing.get(phoneNumberId);
    if (running !== undefined) return running;
    const started = listAll(phoneNumberId, upstream).finally(() => listing.delete(phoneNumberId));
    listing.set(phoneNumberId, started);
    return started;
  }

  return {
    registry,
    async ownersOf(groupIds, { candidates, upstream }) {
      const unique = [...new Set(groupIds)];
      const known = await registry.owners(unique);
      if (known.size === unique.length || candidates.length === 0) return known;
      await Promise.all(candidates.map((phoneNumberId) => ensureListed(phoneNumberId, upstream)));
      const missing = unique.filter((groupId) => !known.has(groupId));
      for (const [groupId, owner] of await registry.owners(missing)) known.set(groupId, owner);
      return known;
    },
  };
}
