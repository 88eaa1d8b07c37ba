import type { GroupCache } from '../cache/group-cache';

export type { CachedGroup, GroupCacheTicket } from '../cache/group-cache';

/**
 * What the group loader needs of the shared group cache (src/cache/: in memory or Redis): a lookup that hands
 * out a ticket, and a write that uses it so a group invalidated by a webhook during the fetch is not re-cached
 * stale. Failures are tolerated: the loader logs them and uses the upstream.
 */
export type GroupCacheLike = Pick<GroupCache, 'lookup' | 'setMany'>;
