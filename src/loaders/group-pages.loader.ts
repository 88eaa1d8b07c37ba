import { groupTag, listTag, EVERY_LIST } from '../response-cache/read-change';
import type { TaggedCache } from '../response-cache/tagged-cache';
import type { GroupsApi, Page, PageRequest, UpstreamGroupSummary } from '../upstream/types';
import { pageKey } from './loader-caches';

/** Pages of a business phone number's group list. */
export interface GroupPages {
  list(phoneNumberId: string, page: PageRequest): Promise<Page<UpstreamGroupSummary>>;
}

/**
 * A page from the instance's cache when it has it, else from the Groups API (then cached, tagged with the number's
 * lists and every group in it: a creation or deletion in the number, or a change of a listed group, drops it).
 */
export function createGroupPages(options: { upstream: Pick<GroupsApi, 'listGroups'>; cache?: TaggedCache<Page<UpstreamGroupSummary>> }): GroupPages {
  const { upstream, cache } = options;
  const pages = new Map<string, Promise<Page<UpstreamGroupSummary>>>();
  const fetch = async (phoneNumberId: string, page: PageRequest, key: string): Promise<Page<UpstreamGroupSummary>> => {
    const cached = cache?.get(key);
    if (cached != null) return cached;
    const ticket = cache?.ticket();
    const fetched = await upstream.listGroups(phoneNumberId, page);
    if (cache !== undefined && ticket !== undefined) {
      cache.set(key, fetched, [listTag(phoneNumberId), listTag(EVERY_LIST), ...fetched.items.map((item) => groupTag(item.id))], ticket);
    }
    return fetched;
  };
  return {
    list(phoneNumberId, page) {
      const key = pageKey(phoneNumberId, page);
      let pending = pages.get(key);
      if (pending === undefined) {
        pending = fetch(phoneNumberId, page, key);
        // A failed page is not memoised: a retry within the request may succeed.
        pending.catch(() => pages.delete(key));
        pages.set(key, pending);
      }
      return pending;
    },
  };
}
