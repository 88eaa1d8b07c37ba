import type { GroupsApi, Page, PageRequest, UpstreamJoinRequest } from '../upstream/types';

/** Pages of a group's join requests; the same page asked twice in one request is fetched once. */
export interface JoinRequestPages {
  list(groupId: string, page: PageRequest): Promise<Page<UpstreamJoinRequest>>;
}

export function createJoinRequestPages(options: { upstream: Pick<GroupsApi, 'listJoinRequests'> }): JoinRequestPages {
  const pages = new Map<string, Promise<Page<UpstreamJoinRequest>>>();
  return {
    list(groupId, page) {
      const key = JSON.stringify([groupId, page.limit ?? null, page.after ?? null, page.before ?? null]);
      let pending = pages.get(key);
      if (pending === undefined) {
        pending = options.upstream.listJoinRequests(groupId, page);
        // A failed page is not memoised: a retry within the request may succeed.
        pending.catch(() => pages.delete(key));
        pages.set(key, pending);
      }
      return pending;
    },
  };
}
