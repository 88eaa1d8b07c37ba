import { createTaggedCache } from '../response-cache/tagged-cache';
import type { TaggedCache } from '../response-cache/tagged-cache';
import type { Page, UpstreamGroupSummary, UpstreamJoinRequest } from '../upstream/types';

/**
 * Per-instance caches of the reads under the response cache, shared by every request of the instance: a page of a
 * number's group list, a group's invite link, a page of its join requests. Tagged like answers, so the same events
 * and writes invalidate them (read-cache-invalidation.ts); values are shared, never mutated by readers.
 */
export interface LoaderCaches {
  groupPages: TaggedCache<Page<UpstreamGroupSummary>>;
  inviteLinks: TaggedCache<string>;
  joinRequestPages: TaggedCache<Page<UpstreamJoinRequest>>;
}

export function createLoaderCaches(options: { maxBytesEach: number; ttlMs: number }): LoaderCaches {
  const jsonSize = (value: unknown): number => JSON.stringify(value).length;
  return {
    groupPages: createTaggedCache<Page<UpstreamGroupSummary>>({ name: 'groupPages cache', maxBytes: options.maxBytesEach, ttlMs: options.ttlMs, sizeOf: jsonSize }),
    inviteLinks: createTaggedCache({ name: 'inviteLinks cache', maxBytes: options.maxBytesEach, ttlMs: options.ttlMs, sizeOf: (link) => link.length }),
    joinRequestPages: createTaggedCache<Page<UpstreamJoinRequest>>({ name: 'joinRequestPages cache', maxBytes: options.maxBytesEach, ttlMs: options.ttlMs, sizeOf: jsonSize }),
  };
}

/** A page request as a cache key part. */
export function pageKey(owner: string, page: { limit?: number; after?: string; before?: string }): string {
  return JSON.stringify([owner, page.limit ?? null, page.after ?? null, page.before ?? null]);
}
