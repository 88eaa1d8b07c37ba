import type { RedisClient } from '../events/redis-client';
import { slotTag } from '../events/redis-client';
import { defineRedisScript } from '../events/redis-script';
import { once } from '../lib/disposable';
import type { Logger } from '../lib/logger';
import type { CachedGroup, GroupCache, GroupCacheLookup } from './group-cache';
import { assertTtlSeconds } from './group-cache';
import { decodeCachedGroup, encodeCachedGroup } from './group-cache.codec';

export interface RedisGroupCacheOptions {
  /** The commands connection. Borrowed. */
  redis: RedisClient;
  keyPrefix: string;
  /** 0 disables the cache. */
  ttlSeconds: number;
  logger: Logger;
}

/** How long an invalidation is remembered: far longer than any upstream fetch can take. */
const INVALIDATION_MEMORY_MS = 10 * 60 * 1000; // 10 min

/**
 * KEYS: per entry, data key then invalidation key. ARGV: ticket sequence, ttlMs, then one JSON per entry.
 * Skips groups invalidated after the ticket was taken (their invalidation number is higher). Returns the count written.
 */
const SET_SCRIPT = defineRedisScript(`
local ticket = tonumber(ARGV[1])
local written = 0
for i = 1, #KEYS / 2 do
  local invalidated = redis.call('GET', KEYS[i * 2])
  if not invalidated or tonumber(invalidated) <= ticket then
    redis.call('SET', KEYS[i * 2 - 1], ARGV[i + 2], 'PX', ARGV[2])
    written = written + 1
  end
end
return written
`);

/** KEYS: [1] sequence, then per group: data key, invalidation key. ARGV: how long to remember the invalidation (ms). */
const INVALIDATE_SCRIPT = defineRedisScript(`
local sequence = redis.call('INCR', KEYS[1])
for i = 1, (#KEYS - 1) / 2 do
  redis.call('DEL', KEYS[i * 2])
  redis.call('SET', KEYS[i * 2 + 1], sequence, 'PX', ARGV[1])
end
return sequence
`);

/**
 * `tag`: slotTag(redis, 'group-cache'). The lookup MGETs the sequence with many groups and the scripts write several
 * groups at once, so on a cluster the whole cache shares one slot (it is small: entries expire after the TTL).
 */
export function groupCacheKeys(keyPrefix: string, tag = '') {
  const base = `${keyPrefix}${tag}group-cache:`;
  return {
    sequence: `${base}sequence`,
    data: (groupId: string) => `${base}group:${groupId}`,
    invalidated: (groupId: string) => `${base}invalidated:${groupId}`,
  };
}

/**
 * The group cache shared by every instance. A lookup reads the entries and the invalidation sequence in one MGET;
 * writes and invalidations are Lua scripts, so "was this group invalidated after the ticket?" and the write are
 * one atomic step. Redis expires entries itself (PX).
 */
export function createRedisGroupCache(options: RedisGroupCacheOptions): GroupCache {
  assertTtlSeconds('createRedisGroupCache', options.ttlSeconds);
  const { redis, logger } = options;
  const ttlMs = options.ttlSeconds * 1000;
  const keys = groupCacheKeys(options.keyPrefix, slotTag(redis, 'group-cache'));

  async function lookup(groupIds: readonly string[]): Promise<GroupCacheLookup> {
    const misses: GroupCacheLookup = { entries: groupIds.map(() => null), ticket: { sequence: null } };
    if (ttlMs === 0) return misses;
    try {
      const [sequence, ...values] = await redis.mget(keys.sequence, ...groupIds.map(keys.data));
      return { entries: values.map((value) => (value === null ? null : decodeCachedGroup(value))), ticket: { sequence: Number(sequence ?? 0) } };
    } catch (error) {
      logger.warn({ err: error, groups: groupIds.length }, 'Group cache read failed; treating as misses');
      return misses;
    }
  }

  return {
    async getMany(groupIds) {
      return (await lookup(groupIds)).entries;
    },
    lookup,
    async setMany(entries: readonly CachedGroup[], ticket) {
      if (ttlMs === 0 || ticket.sequence === null || entries.length === 0) return 0;
      const scriptKeys = entries.flatMap((entry) => [keys.data(entry.group.id), keys.invalidated(entry.group.id)]);
      try {
        return Number(await SET_SCRIPT.run(redis, scriptKeys, [ticket.sequence, ttlMs, ...entries.map(encodeCachedGroup)]));
      } catch (error) {
        logger.warn({ err: error, groups: entries.length }, 'Group cache write failed; the groups stay uncached');
        return 0;
      }
    },
    async invalidate(groupIds) {
      const unique = [...new Set(groupIds)];
      if (ttlMs === 0 || unique.length === 0) return;
      const scriptKeys = [keys.sequence, ...unique.flatMap((id) => [keys.data(id), keys.invalidated(id)])];
      await INVALIDATE_SCRIPT.run(redis, scriptKeys, [Math.max(INVALIDATION_MEMORY_MS, ttlMs)]);
    },
    // The connection is borrowed; there is nothing of our own to release.
    dispose: once(async () => undefined).dispose,
  };
}
