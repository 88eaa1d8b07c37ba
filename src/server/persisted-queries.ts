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
 * most recent `maxEntries`: an instance that has not seen a hash answers PERSISTED_QUERY_NOT_FOUND and the client
 * sends the text again, as the APQ protocol expects.
 */
export function createPersistedQueryStore(options: { trusted: (hash: string) => string | undefined; maxEntries?: number }): PersistedQueryStore {
  const maxEntries = options.maxEntries ?? 10_000;
  const registered = new Map<string, string>();
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
      registered.delete(key);
      registered.set(key, value);
      if (registered.size > maxEntries) registered.delete(registered.keys().next().value as string);
    },
    async delete(key) {
      return registered.delete(key);
    },
  };
}
