import type { GroupOwnerRegistry } from './group-owner-registry';

/** Entries kept at most; the oldest are dropped first (an evicted group is simply learnt again). */
const DEFAULT_MAX_ENTRIES = 200_000;

export function createInMemoryGroupOwnerRegistry(options: { maxEntries?: number } = {}): GroupOwnerRegistry {
  const maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
  const owners = new Map<string, string>();
  return {
    async owners(groupIds) {
      const found = new Map<string, string>();
      for (const groupId of groupIds) {
        const owner = owners.get(groupId);
        if (owner !== undefined) found.set(groupId, owner);
      }
      return found;
    },
    async remember(entries) {
      for (const { groupId, phoneNumberId } of entries) {
        owners.delete(groupId); // re-insert: the Map's first key is the least recently learnt
        owners.set(groupId, phoneNumberId);
      }
      while (owners.size > maxEntries) owners.delete(owners.keys().next().value as string);
    },
    async dispose() {
      owners.clear();
    },
  };
}
