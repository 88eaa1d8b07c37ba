import type { RedisClient } from '../events/redis-client';
import type { GroupOwnerRegistry } from './group-owner-registry';

/** One hash, group id → phone number id, shared by every instance. Ownership never changes, so no TTL. */
export function createRedisGroupOwnerRegistry(options: { redis: RedisClient; keyPrefix: string }): GroupOwnerRegistry {
  const { redis } = options;
  const key = `${options.keyPrefix}tenancy:group-owners`;
  return {
    async owners(groupIds) {
      const found = new Map<string, string>();
      if (groupIds.length === 0) return found;
      const values = await redis.hmget(key, ...groupIds);
      groupIds.forEach((groupId, index) => {
        const owner = values[index];
        if (owner !== null && owner !== undefined) found.set(groupId, owner);
      });
      return found;
    },
    async remember(entries) {
      if (entries.length === 0) return;
      await redis.hset(key, Object.fromEntries(entries.map((entry) => [entry.groupId, entry.phoneNumberId])));
    },
    // The connection is borrowed.
    async dispose() {},
  };
}
