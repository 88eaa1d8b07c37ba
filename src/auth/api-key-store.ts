import type { ApiKeyRecord } from './api-key';
import { digestsEqual, hashApiKey } from './api-key-hash';

export type ApiKeyLookup = { ok: true; record: ApiKeyRecord } | { ok: false; reason: 'unknown' | 'expired' };

export interface ApiKeyStore {
  /** Checks a presented key: its SHA-256 is compared with every stored digest in constant time. */
  find(key: string): ApiKeyLookup;
  /** The record with this id, if it is (still) configured and not expired: long-lived subscriptions re-check it. */
  byId(id: string): ApiKeyRecord | null;
  /** Swaps the records atomically (key file reload); lookups in flight see the old or the new set, never a mix. */
  replace(records: readonly ApiKeyRecord[]): void;
  readonly size: number;
}

interface Entry {
  record: ApiKeyRecord;
  digest: Buffer;
}

/**
 * The configured keys, by digest. A lookup compares the presented key's digest with every entry, without stopping
 * at the first match, so the time taken says nothing about which (or whether a) key matched.
 */
export function createApiKeyStore(options: { records: readonly ApiKeyRecord[]; now?: () => Date }): ApiKeyStore {
  const now = options.now ?? (() => new Date());
  let entries = toEntries(options.records);
  let byId = new Map(entries.map((entry) => [entry.record.id, entry.record]));
  const isExpired = (record: ApiKeyRecord): boolean => record.expiresAt !== null && record.expiresAt.getTime() <= now().getTime();

  return {
    find(key) {
      const digest = Buffer.from(hashApiKey(key), 'hex');
      let found: ApiKeyRecord | null = null;
      for (const entry of entries) {
        if (digestsEqual(digest, entry.digest) && found === null) found = entry.record;
      }
      if (found === null) return { ok: false, reason: 'unknown' };
      if (isExpired(found)) return { ok: false, reason: 'expired' };
      return { ok: true, record: found };
    },
    byId(id) {
      const record = byId.get(id);
      return record === undefined || isExpired(record) ? null : record;
    },
    replace(records) {
      const next = toEntries(records);
      entries = next;
      byId = new Map(next.map((entry) => [entry.record.id, entry.record]));
    },
    get size() {
      return entries.length;
    },
  };
}

function toEntries(records: readonly ApiKeyRecord[]): Entry[] {
  return records.map((record) => ({ record, digest: Buffer.from(record.sha256, 'hex') }));
}
