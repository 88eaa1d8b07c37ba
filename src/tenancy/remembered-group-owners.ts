import type { GroupOwner, GroupOwnerRegistry } from './group-owner-registry';

export interface RememberedGroupOwnersOptions {
  /** Owners kept in this process (least recently used dropped first). @default 50_000 */
  capacity?: number;
}

const DEFAULT_CAPACITY = 50_000;

/**
 * A shared registry (Redis) with what this instance already knows in front. A group never changes owner, so what was
 * written or read once stays true: the webhooks of a known group (most of them) write nothing, and tenant checks of
 * known groups read nothing. Only Redis is asked about the rest.
 */
export function withRememberedGroupOwners(registry: GroupOwnerRegistry, options: RememberedGroupOwnersOptions = {}): GroupOwnerRegistry {
  const capacity = options.capacity ?? DEFAULT_CAPACITY;
  if (!Number.isInteger(capacity) || capacity < 1) {
    throw new TypeError(`withRememberedGroupOwners expects capacity to be an integer >= 1, got ${JSON.stringify(capacity)}`);
  }
  /** groupId → phoneNumberId; Map order is recency (re-inserted on use), the first key the least recently used. */
  const known = new Map<string, string>();

  function keep(groupId: string, phoneNumberId: string): void {
    known.delete(groupId);
    known.set(groupId, phoneNumberId);
    if (known.size > capacity) known.delete(known.keys().next().value as string);
  }

  return {
    async owners(groupIds) {
      const found = new Map<string, string>();
      const unknown: string[] = [];
      for (const groupId of groupIds) {
        const owner = known.get(groupId);
        if (owner === undefined) {
          unknown.push(groupId);
        } else {
          keep(groupId, owner);
          found.set(groupId, owner);
        }
      }
      if (unknown.length === 0) return found;
      const fetched = await registry.owners(unknown);
      for (const [groupId, owner] of fetched) keep(groupId, owner);
      // In the order asked, as the registry answers.
      const ordered = new Map<string, string>();
      for (const groupId of groupIds) {
        const owner = found.get(groupId) ?? fetched.get(groupId);
        if (owner !== undefined) ordered.set(groupId, owner);
      }
      return ordered;
    },
    async remember(entries) {
      const fresh: GroupOwner[] = entries.filter((entry) => known.get(entry.groupId) !== entry.phoneNumberId);
      if (fresh.length === 0) return;
      await registry.remember(fresh);
      for (const entry of fresh) keep(entry.groupId, entry.phoneNumberId);
    },
    dispose: () => registry.dispose(),
  };
}
