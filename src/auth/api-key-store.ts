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

/** Distinct keys remembered by their text (more than any deployment's number of keys in use at once). */
const REMEMBERED_KEYS = 10_000;

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

  /**
   * Keys found before, by their text: a request with a known key costs a Map lookup instead of a sha256 and a pass
   * over every digest. Only keys that matched are kept (a stream of wrong keys cannot grow it), at most
   * REMEMBERED_KEYS, and all are forgotten when the records are replaced; expiry is checked on every lookup.
   */
  let found = new Map<string, ApiKeyRecord>();

  return {
    find(key) {
      const known = found.get(key);
      if (known !== undefined) return isExpired(known) ? { ok: false, reason: 'expired' } : { ok: true, record: known };
      const digest = Buffer.from(hashApiKey(key), 'hex');
      let match: ApiKeyRecord | null = null;
      for (const entry of entries) {
        if (digestsEqual(digest, entry.digest) && match === null) match = entry.record;
      }
      if (match === null) return { ok: false, reason: 'unknown' };
      if (isExpired(match)) return { ok: false, reason: 'expired' };
      if (found.size >= REMEMBERED_KEYS) found.delete(found.keys().next().value as string);
      found.set(key, match);
      return { ok: true, record: match };
    },
    byId(id) {
      const record = byId.get(id);
      return record === undefined || isExpired(record) ? null : record;
    },
    replace(records) {
      const next = toEntries(records);
      entries = next;
      byId = new Map(next.map((entry) => [entry.record.id, entry.record]));
      found = new Map();
    },
    get size() {
      return entries.length;
    },
  };
}

function toEntries(records: readonly ApiKeyRecord[]): Entry[] {
  return records.map((record) => ({ record, digest: Buffer.from(record.sha256, 'hex') }));
}
