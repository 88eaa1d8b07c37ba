import type { GroupCache } from '../cache/group-cache';
import type { OperationStore } from '../operations/operation-store';

/** The group cache, counting the groups webhook events invalidate. Plain delegation: nothing else changes. */
export function countGroupInvalidations(cache: GroupCache, onInvalidated: (groups: number) => void): GroupCache {
  return {
    getMany: (groupIds) => cache.getMany(groupIds),
    lookup: (groupIds) => cache.lookup(groupIds),
    setMany: (entries, ticket) => cache.setMany(entries, ticket),
    async invalidate(groupIds) {
      await cache.invalidate(groupIds);
      onInvalidated(groupIds.length);
    },
    dispose: () => cache.dispose(),
  };
}

/** Operations this instance created and has not seen completed, by kind, for a gauge. */
export interface PendingOperations {
  byKind(): Record<string, number>;
}

/**
 * The operation store, remembering the PENDING operations this instance created until it sees them completed or
 * their TTL passes (an operation completed by another instance's webhook leaves this count at its expiry).
 */
export function trackPendingOperations(store: OperationStore, options: { ttlSeconds: number; now?: () => number }): { store: OperationStore; pending: PendingOperations } {
  const now = options.now ?? Date.now;
  const pending = new Map<string, { kind: string; expiresAt: number }>();
  const observed: OperationStore = {
    async create(operation) {
      const record = await store.create(operation);
      if (record.status === 'PENDING') pending.set(record.id, { kind: record.kind, expiresAt: now() + options.ttlSeconds * 1000 });
      return record;
    },
    get: (id) => store.get(id),
    async complete(id, completion) {
      const result = await store.complete(id, completion);
      if (result.record === null || result.record.status !== 'PENDING') pending.delete(id);
      return result;
    },
    findPendingForCorrelation: (query) => store.findPendingForCorrelation(query),
    dispose: () => store.dispose(),
  };
  return {
    store: observed,
    pending: {
      byKind() {
        const at = now();
        const counts: Record<string, number> = {};
        for (const [id, entry] of pending) {
          if (entry.expiresAt <= at) pending.delete(id);
          else counts[entry.kind] = (counts[entry.kind] ?? 0) + 1;
        }
        return counts;
      },
    },
  };
}
