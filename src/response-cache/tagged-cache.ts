import type { Clock } from '../events/clock';
import { systemClock } from '../events/clock';

/**
 * Taken before a value is computed, handed to set() with it: a value whose tags were invalidated in between
 * (a webhook said a group it read changed while it ran) is not stored, so a stale value never lands in the cache.
 */
export interface TaggedCacheTicket {
  readonly sequence: number;
}

export interface TaggedCacheStats {
  hits: number;
  misses: number;
  fills: number;
  /** Answers not stored because something they read was invalidated while they ran. */
  droppedFills: number;
  /** Tags invalidated (one per invalidate() call and tag). */
  invalidatedTags: number;
  /** Entries removed by invalidations. */
  evictedByInvalidation: number;
  /** Whole-cache drops (bus reconnects). */
  clears: number;
  readonly entries: number;
  readonly bytes: number;
}

/** What changed, as the cache is told: tags (see cache-tags.ts), or everything. */
export type TaggedCacheChange = { readonly tags: readonly string[] } | { readonly all: true };

export interface TaggedCache<V> {
  get(key: string): V | null;
  ticket(): TaggedCacheTicket;
  /** Stores the value under `key` with the tags of what it was read from, unless one was invalidated after the ticket. */
  set(key: string, value: V, tags: readonly string[], ticket: TaggedCacheTicket): boolean;
  /** Drops every entry carrying one of the tags. */
  invalidate(tags: readonly string[]): void;
  /** Drops everything (the invalidations that reached us may be incomplete). */
  clear(): void;
  /** Called after each invalidate/clear (tests wait on it; operators count). Returns the function that removes it. */
  onChange(listener: (change: TaggedCacheChange) => void): () => void;
  readonly stats: Readonly<TaggedCacheStats>;
  /** False when the cache is off (TTL or size 0): every get misses, nothing is stored. */
  readonly enabled: boolean;
}

export interface TaggedCacheOptions<V> {
  /** For error messages. */
  name: string;
  /** A value's size in bytes, roughly (what maxBytes bounds, with the key's length). */
  sizeOf(value: V): number;
  /** Bytes of values and keys kept; the least recently used entries are evicted beyond it. 0 disables the cache. */
  maxBytes: number;
  /** How long an entry lives without an invalidation. 0 disables the cache. */
  ttlMs: number;
  /** Tags whose invalidation number is remembered for in-flight fills; beyond it a floor errs towards dropping. @default 100_000 */
  maxRememberedTags?: number;
  /** @default systemClock */
  clock?: Clock;
}

interface Entry<V> {
  value: V;
  tags: readonly string[];
  bytes: number;
  expiresAt: number;
  /** The use count when it was last moved to the recent end of the LRU order. */
  movedAt: number;
}

/**
 * A per-instance cache whose entries carry tags naming what they were read from (groups, phone numbers' lists);
 * events invalidate tags. The response cache (whole GraphQL answers) and the read caches under the loaders are ones.
 * Invalidations are numbered, and a fill whose ticket is
 * older than an invalidation of one of its tags (or than a clear) is dropped, so an answer computed from data a
 * webhook has since changed is never stored. Bounded by bytes, least recently used first out.
 */
export function createTaggedCache<V>(options: TaggedCacheOptions<V>): TaggedCache<V> {
  for (const name of ['maxBytes', 'ttlMs'] as const) {
    const value = options[name];
    if (!Number.isInteger(value) || value < 0) {
      throw new TypeError(`${options.name} expects ${name} to be an integer >= 0 (0 disables the cache), got ${JSON.stringify(value)}; pass the configured value.`);
    }
  }
  const { maxBytes, ttlMs } = options;
  const maxRememberedTags = options.maxRememberedTags ?? 100_000;
  const clock = options.clock ?? systemClock;
  const enabled = maxBytes > 0 && ttlMs > 0;
  const entries = new Map<string, Entry<V>>();
  const byTag = new Map<string, Set<string>>();
  const invalidatedAt = new Map<string, number>();
  const listeners = new Set<(change: TaggedCacheChange) => void>();
  let sequence = 0;
  /** Invalidation numbers forgotten (beyond maxRememberedTags) and clears raise this floor. */
  let floor = 0;
  let bytes = 0;
  /** Gets and sets so far: how far an entry has drifted from the recent end of the LRU order. */
  let uses = 0;
  const stats: TaggedCacheStats = {
    hits: 0,
    misses: 0,
    fills: 0,
    droppedFills: 0,
    invalidatedTags: 0,
    evictedByInvalidation: 0,
    clears: 0,
    get entries() {
      return entries.size;
    },
    get bytes() {
      return bytes;
    },
  };

  function remove(key: string): void {
    const entry = entries.get(key);
    if (entry === undefined) return;
    entries.delete(key);
    bytes -= entry.bytes;
    for (const tag of entry.tags) {
      const keys = byTag.get(tag);
      if (keys === undefined) continue;
      keys.delete(key);
      if (keys.size === 0) byTag.delete(tag);
    }
  }

  function notify(change: TaggedCacheChange): void {
    for (const listener of [...listeners]) listener(change);
  }

  return {
    enabled,
    stats,
    get(key) {
      if (!enabled) return null;
      const entry = entries.get(key);
      if (entry === undefined || entry.expiresAt <= clock.now()) {
        if (entry !== undefined) remove(key);
        stats.misses++;
        return null;
      }
      // Most recently used goes last: the Map's first key is the next to evict. Moving an entry costs two Map
      // operations; one still in the newer half of the order (fewer than half the entries moved behind it since)
      // stays put, far from eviction: a hot answer is moved now and then instead of on every hit.
      uses++;
      if (uses - entry.movedAt > entries.size / 2) {
        entry.movedAt = uses;
        entries.delete(key);
        entries.set(key, entry);
      }
      stats.hits++;
      return entry.value;
    },
    ticket: () => ({ sequence }),
    set(key, value, tags, ticket) {
      if (!enabled) return false;
      const stale = floor > ticket.sequence || tags.some((tag) => (invalidatedAt.get(tag) ?? 0) > ticket.sequence);
      if (stale) {
        stats.droppedFills++;
        return false;
      }
      const size = options.sizeOf(value) + key.length;
      if (size > maxBytes) return false;
      remove(key);
      const unique = [...new Set(tags)];
      entries.set(key, { value, tags: unique, bytes: size, expiresAt: clock.now() + ttlMs, movedAt: ++uses });
      bytes += size;
      for (const tag of unique) {
        let keys = byTag.get(tag);
        if (keys === undefined) byTag.set(tag, (keys = new Set()));
        keys.add(key);
      }
      for (const oldest of entries.keys()) {
        if (bytes <= maxBytes) break;
        remove(oldest);
      }
      stats.fills++;
      return true;
    },
    invalidate(tags) {
      if (tags.length === 0) return;
      sequence++;
      for (const tag of tags) {
        stats.invalidatedTags++;
        invalidatedAt.delete(tag);
        invalidatedAt.set(tag, sequence);
        for (const key of [...(byTag.get(tag) ?? [])]) {
          remove(key);
          stats.evictedByInvalidation++;
        }
      }
      for (const [tag, at] of invalidatedAt) {
        if (invalidatedAt.size <= maxRememberedTags) break;
        invalidatedAt.delete(tag);
        floor = Math.max(floor, at);
      }
      notify({ tags });
    },
    clear() {
      sequence++;
      floor = sequence;
      entries.clear();
      byTag.clear();
      invalidatedAt.clear();
      bytes = 0;
      stats.clears++;
      notify({ all: true });
    },
    onChange(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
