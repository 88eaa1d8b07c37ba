import type { ReadCacheTarget } from './read-cache-invalidation';
import { tagsOfChange } from './read-change';
import type { TaggedCache } from './tagged-cache';

/** A tagged cache as the invalidation sees it: a change drops the entries tagged with its groups and lists. */
export function tagTarget(name: string, cache: Pick<TaggedCache<unknown>, 'invalidate' | 'clear'>): ReadCacheTarget {
  return { name, invalidate: (change) => cache.invalidate(tagsOfChange(change)), clear: () => cache.clear() };
}
