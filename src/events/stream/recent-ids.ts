/**
 * The ids of the last `limit` events a stream delivered. A second delivery of one of them (the same upstream event
 * stored again after the dedupe TTL, or published twice) is dropped; older ids are forgotten so memory stays flat.
 */
export interface RecentIds {
  has(id: string): boolean;
  add(id: string): void;
  readonly size: number;
}

export function createRecentIds(limit: number): RecentIds {
  if (!Number.isInteger(limit) || limit < 1) {
    throw new TypeError(`createRecentIds expects limit to be an integer >= 1, got ${JSON.stringify(limit)}`);
  }
  // A Set iterates in insertion order, so its first value is always the oldest id.
  const ids = new Set<string>();
  return {
    has: (id) => ids.has(id),
    add(id) {
      if (ids.has(id)) return;
      ids.add(id);
      if (ids.size > limit) ids.delete(ids.values().next().value as string);
    },
    get size() {
      return ids.size;
    },
  };
}
