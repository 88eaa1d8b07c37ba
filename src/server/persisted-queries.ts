/** What Apollo needs of its persisted-query store (its KeyValueCache); Apollo prefixes every key with `apq:`. */
export interface PersistedQueryStore {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, options?: { ttl?: number | null }): Promise<void>;
  delete(key: string): Promise<boolean | void>;
}

const APQ_PREFIX = 'apq:';

/**
 * Apollo's automatic persisted queries (APQ), with the trusted documents known from the start: a hash a client
 * registered (hash + text, once) or a trusted one is answered by hash alone. Registrations are kept per instance, the
 * most recently used up to `maxBytes` of text: an instance that has not seen a hash answers PERSISTED_QUERY_NOT_FOUND
 * and the client sends the text again, as the APQ protocol expects.
 */
export function createPersistedQueryStore(options: { trusted: (hash: string) => string | undefined; maxBytes?: number }): PersistedQueryStore {
  const maxBytes = options.maxBytes ?? 16 * 1024 * 1024; // 16 MiB of document text
  const registered = new Map<string, string>();
  let bytes = 0;
  const forget = (key: string): boolean => {
    const text = registered.get(key);
    if (text === undefined) return false;
    registered.delete(key);
    bytes -= text.length + key.length;
    return true;
  };
  return {
    async get(key) {
      const hash = key.startsWith(APQ_PREFIX) ? key.slice(APQ_PREFIX.length) : key;
      const trusted = options.trusted(hash);
      if (trusted !== undefined) return trusted;
      const found = registered.get(key);
      if (found !== undefined) {
        registered.delete(key);
        registered.set(key, found);
      }
      return found;
    },
    async set(key, value) {
      forget(key);
      registered.set(key, value);
      bytes += value.length + key.length;
      for (const oldest of registered.keys()) {
        if (bytes <= maxBytes) break;
        forget(oldest);
      }
    },
    async delete(key) {
      return forget(key);
    },
  };
}
