import { groupTag } from '../response-cache/read-change';
import type { TaggedCache } from '../response-cache/tagged-cache';
import { joinRequestsRead } from '../upstream/batchable-reads';
import type { GroupsApi, Page, PageRequest, UpstreamJoinRequest } from '../upstream/types';
import { pageKey } from './loader-caches';
import type { ReadBatcher } from './read-batcher';

/** Pages of a group's join requests; the same page asked twice in one request is fetched once. */
export interface JoinRequestPages {
  list(groupId: string, page: PageRequest): Promise<Page<UpstreamJoinRequest>>;
}

/**
 * A page from the instance's cache when it has it, else a sub-request of the request's Graph batches, then cached
 * (dropped by any change of the group: join-request and participant events among them).
 */
export function createJoinRequestPages(options: { upstream: Pick<GroupsApi, 'listJoinRequests'>; batcher: ReadBatcher; cache?: TaggedCache<Page<UpstreamJoinRequest>> }): JoinRequestPages {
  const { upstream, batcher, cache } = options;
  const pages = new Map<string, Promise<Page<UpstreamJoinRequest>>>();
  const fetch = async (groupId: string, page: PageRequest, key: string): Promise<Page<UpstreamJoinRequest>> => {
    const cached = cache?.get(key);
    if (cached != null) return cached;
    const ticket = cache?.ticket();
    const fetched = await batcher.read(joinRequestsRead(groupId, page), () => upstream.listJoinRequests(groupId, page));
    if (ticket !== undefined) cache?.set(key, fetched, [groupTag(groupId)], ticket);
    return fetched;
  };
  return {
    list(groupId, page) {
      const key = pageKey(groupId, page);
      let pending = pages.get(key);
      if (pending === undefined) {
        pending = fetch(groupId, page, key);
        // A failed page is not memoised: a retry within the request may succeed.
        pending.catch(() => pages.delete(key));
        pages.set(key, pending);
      }
      return pending;
    },
  };
}
