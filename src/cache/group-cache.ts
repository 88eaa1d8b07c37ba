import type { Disposable } from '../lib/disposable';
import type { DomainEvent, GroupEventType } from '../events/event-model';
import type { GroupField, UpstreamGroup } from '../upstream/types';

/** A group as fetched, with the fields it was fetched with: a field not listed is unknown, not absent. */
export interface CachedGroup {
  group: UpstreamGroup;
  fields: readonly GroupField[];
}

/**
 * Taken by lookup() before fetching, handed back to setMany() after: a group invalidated in between (a webhook
 * said it changed while the fetch was in flight) is not written, so a stale fetch result never lands in the cache.
 * Opaque; only meaningful for the cache (or the caches sharing a Redis) that issued it.
 */
export interface GroupCacheTicket {
  readonly sequence: number | null;
}

export interface GroupCacheLookup {
  /** Aligned to the ids asked for; null where nothing (fresh) is cached. */
  entries: (CachedGroup | null)[];
  ticket: GroupCacheTicket;
}

/**
 * Upstream group metadata, cached for config.cache.groupTtlSeconds (0 disables the cache) and invalidated by
 * webhook events (applyEventToGroupCache). Implementations: in-memory (bounded, least recently used evicted) and Redis.
 * Reads never fail: when the cache is unusable they report misses (and log); invalidate does reject, so a caller
 * that must not keep stale metadata can react.
 */
export interface GroupCache extends Disposable {
  getMany(groupIds: readonly string[]): Promise<(CachedGroup | null)[]>;
  /** getMany plus the ticket to pass to setMany once the misses are fetched. */
  lookup(groupIds: readonly string[]): Promise<GroupCacheLookup>;
  /** Writes the fetched groups, except those invalidated since the ticket was taken. Returns how many were written. */
  setMany(entries: readonly CachedGroup[], ticket: GroupCacheTicket): Promise<number>;
  invalidate(groupIds: readonly string[]): Promise<void>;
}

/** Events after which a group's cached metadata may be wrong: everything but messages and their statuses. */
function changesGroupMetadata(type: GroupEventType): boolean {
  return type !== 'MESSAGE_RECEIVED' && type !== 'MESSAGE_STATUS_UPDATED';
}

/** Invalidates, in one call, the groups of a delivery's events that may have changed their metadata. */
export async function applyEventsToGroupCache(cache: GroupCache, events: readonly Pick<DomainEvent, 'type' | 'groupId'>[]): Promise<void> {
  const groupIds = [...new Set(events.filter((event) => changesGroupMetadata(event.type)).flatMap((event) => (event.groupId === null ? [] : [event.groupId])))];
  if (groupIds.length > 0) await cache.invalidate(groupIds);
}

/** True when the cached entry was fetched with every wanted field. */
export function coversFields(cached: CachedGroup, wanted: readonly GroupField[]): boolean {
  return wanted.every((field) => cached.fields.includes(field));
}

export function assertTtlSeconds(factory: string, value: unknown): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new TypeError(`${factory} expects ttlSeconds to be an integer >= 0 (0 disables the cache), got ${JSON.stringify(value)}; pass config.cache.groupTtlSeconds.`);
  }
}
