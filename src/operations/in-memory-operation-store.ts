import type { Clock } from '../events/clock';
import { systemClock } from '../events/clock';
import { assertPositiveSeconds } from '../events/event-log-support';
import { once } from '../lib/disposable';
import type { OperationCompletion, OperationRecord } from './operation';
import { assertNewOperation, completionFields, pendingRecord } from './operation';
import type { OperationStore } from './operation-store';

export interface InMemoryOperationStoreOptions {
  ttlSeconds: number;
  /** @default systemClock */
  clock?: Clock;
}

interface Held<T> {
  value: T;
  expiresAt: number;
}

/** Operations of a single instance. Records are stored as JSON, so callers never share objects with the store. */
export function createInMemoryOperationStore(options: InMemoryOperationStoreOptions): OperationStore {
  assertPositiveSeconds('createInMemoryOperationStore', 'ttlSeconds', options.ttlSeconds);
  const ttlMs = options.ttlSeconds * 1000;
  const clock = options.clock ?? systemClock;
  const records = new Map<string, Held<string>>();
  /** Completions that arrived before their operation was created, with when they arrived. */
  const earlyCompletions = new Map<string, Held<{ completion: OperationCompletion; at: string }>>();
  const pendingByGroup = new Map<string, Set<string>>();
  const indexKey = (groupId: string, kind: string) => `${groupId}\u0000${kind}`;

  function live<T>(map: Map<string, Held<T>>, id: string, nowMs: number): T | null {
    const held = map.get(id);
    if (held === undefined) return null;
    if (held.expiresAt > nowMs) return held.value;
    map.delete(id);
    return null;
  }

  function sweep(nowMs: number): void {
    for (const map of [records, earlyCompletions] as Map<string, Held<unknown>>[]) {
      for (const [id, held] of map) if (held.expiresAt <= nowMs) map.delete(id);
    }
    for (const [key, ids] of pendingByGroup) {
      for (const id of ids) if (!records.has(id)) ids.delete(id);
      if (ids.size === 0) pendingByGroup.delete(key);
    }
  }

  function read(id: string, nowMs: number): OperationRecord | null {
    const json = live(records, id, nowMs);
    return json === null ? null : (JSON.parse(json) as OperationRecord);
  }

  function write(record: OperationRecord, expiresAt: number): void {
    records.set(record.id, { value: JSON.stringify(record), expiresAt });
  }

  let writesSinceSweep = 0;

  return {
    async create(operation) {
      assertNewOperation('InMemoryOperationStore', operation);
      const nowMs = clock.now();
      if (++writesSinceSweep >= 1_000) {
        writesSinceSweep = 0;
        sweep(nowMs);
      }
      const existing = read(operation.id, nowMs);
      if (existing !== null) return existing;
      const nowIso = new Date(nowMs).toISOString();
      let record = pendingRecord(operation, nowIso);
      const early = live(earlyCompletions, operation.id, nowMs);
      if (early !== null) {
        earlyCompletions.delete(operation.id);
        record = { ...record, ...completionFields(early.completion, early.at) };
      } else if (record.groupId !== null) {
        const key = indexKey(record.groupId, record.kind);
        pendingByGroup.set(key, (pendingByGroup.get(key) ?? new Set()).add(record.id));
      }
      write(record, nowMs + ttlMs);
      return read(record.id, nowMs) as OperationRecord;
    },

    async get(id) {
      return read(id, clock.now());
    },

    async complete(id, completion) {
      const nowMs = clock.now();
      const record = read(id, nowMs);
      if (record === null) {
        if (live(earlyCompletions, id, nowMs) === null) {
          earlyCompletions.set(id, { value: { completion, at: new Date(nowMs).toISOString() }, expiresAt: nowMs + ttlMs });
        }
        return { changed: false, record: null };
      }
      if (record.status !== 'PENDING') return { changed: false, record };
      const completed: OperationRecord = { ...record, ...completionFields(completion, new Date(nowMs).toISOString()) };
      write(completed, (records.get(id) as Held<string>).expiresAt);
      if (record.groupId !== null) pendingByGroup.get(indexKey(record.groupId, record.kind))?.delete(id);
      return { changed: true, record: read(id, nowMs) };
    },

    async findPendingForCorrelation({ groupId, kind, occurredBefore }) {
      const nowMs = clock.now();
      let best: OperationRecord | null = null;
      for (const id of pendingByGroup.get(indexKey(groupId, kind)) ?? []) {
        const record = read(id, nowMs);
        if (record === null || record.status !== 'PENDING' || Date.parse(record.createdAt) > occurredBefore.getTime()) continue;
        if (best === null || record.createdAt >= best.createdAt) best = record;
      }
      return best;
    },

    dispose: once(async () => {
      records.clear();
      earlyCompletions.clear();
      pendingByGroup.clear();
    }).dispose,
  };
}
