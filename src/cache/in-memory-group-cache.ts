import type { Clock } from '../events/clock';
import { systemClock } from '../events/clock';
import { once } from '../lib/disposable';
import type { CachedGroup, GroupCache, GroupCacheTicket } from './group-cache';
import { assertTtlSeconds } from './group-cache';
import { decodeCachedGroup, encodeCachedGroup } from './group-cache.codec';

export interface InMemoryGroupCacheOptions {
  /** 0 disables the cache. */
  ttlSeconds: number;
  /** Groups kept; the least recently used is evicted beyond it. @default 10_000 */
  maxEntries?: number;
  /** @default systemClock */
  clock?: Clock;
}

const DEFAULT_MAX_ENTRIES = 10_000;

/**
 * The group cache of a single instance. Entries are stored as JSON, so callers never share objects with the
 * cache. Invalidations are numbered; a write is dropped when its group was invalidated after the ticket's
 * number. Forgotten invalidation numbers (beyond maxEntries) raise a floor instead, which errs towards dropping.
 */
/** The in-memory cache can also be dropped whole (the per-instance L1 after a bus reconnect), and counts its reads. */
export interface InMemoryGroupCache extends GroupCache {
  clear(): void;
  readonly stats: { readonly hits: number; readonly misses: number };
}

export function createInMemoryGroupCache(options: InMemoryGroupCacheOptions): InMemoryGroupCache {
  assertTtlSeconds('createInMemoryGroupCache', options.ttlSeconds);
  const ttlMs = options.ttlSeconds * 1000;
  const maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
  if (!Number.isInteger(maxEntries) || maxEntries < 1) {
    throw new TypeError(`createInMemoryGroupCache expects maxEntries to be an integer >= 1, got ${JSON.stringify(maxEntries)}; omit it for ${DEFAULT_MAX_ENTRIES}.`);
  }
  const clock = options.clock ?? systemClock;
  const entries = new Map<string, { json: string; expiresAt: number }>();
  const invalidatedAt = new Map<string, number>();
  let sequence = 0;
  let forgottenFloor = 0;
  const stats = { hits: 0, misses: 0 };

  function read(groupId: string, nowMs: number): CachedGroup | null {
    const entry = entries.get(groupId);
    if (entry !== undefined) entries.delete(groupId);
    if (entry === undefined || entry.expiresAt <= nowMs) {
      stats.misses++;
      return null;
    }
    entries.set(groupId, entry); // most recently used goes last
    stats.hits++;
    return decodeCachedGroup(entry.json);
  }

  function lookup(groupIds: readonly string[]) {
    const nowMs = clock.now();
    const ticket: GroupCacheTicket = { sequence: ttlMs === 0 ? null : sequence };
    return { entries: groupIds.map((id) => (ttlMs === 0 ? null : read(id, nowMs))), ticket };
  }

  return {
    stats,
    clear() {
      // Every write whose ticket predates this is dropped, as after an invalidation of every group.
      sequence++;
      forgottenFloor = sequence;
      entries.clear();
      invalidatedAt.clear();
    },
    async getMany(groupIds) {
      return lookup(groupIds).entries;
    },
    async lookup(groupIds) {
      return lookup(groupIds);
    },
    async setMany(toWrite, ticket) {
      if (ttlMs === 0 || ticket.sequence === null) return 0;
      const expiresAt = clock.now() + ttlMs;
      let written = 0;
      for (const entry of toWrite) {
        const id = entry.group.id;
        if ((invalidatedAt.get(id) ?? forgottenFloor) > ticket.sequence) continue;
        entries.delete(id);
        entries.set(id, { json: encodeCachedGroup(entry), expiresAt });
        written++;
        evictBeyond(entries, maxEntries);
      }
      return written;
    },
    async invalidate(groupIds) {
      if (ttlMs === 0) return;
      sequence++;
      for (const id of groupIds) {
        entries.delete(id);
        invalidatedAt.delete(id);
        invalidatedAt.set(id, sequence);
      }
      for (const forgotten of evictBeyond(invalidatedAt, maxEntries)) forgottenFloor = Math.max(forgottenFloor, forgotten);
    },
    dispose: once(async () => {
      entries.clear();
      invalidatedAt.clear();
    }).dispose,
  };
}

/** Drops the oldest entries (insertion order) beyond `max`; returns their values. */
function evictBeyond<V>(map: Map<string, V>, max: number): V[] {
  const evicted: V[] = [];
  for (const [key, value] of map) {
    if (map.size <= max) break;
    map.delete(key);
    evicted.push(value);
  }
  return evicted;
}
