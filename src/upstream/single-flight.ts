/**
 * Equal reads in flight at the same time share one call: the first caller's call runs, later callers with the same
 * key get its promise until it settles. Nothing is cached beyond that moment, so no answer outlives its call.
 */
export interface SingleFlight {
  run<T>(key: string, call: () => Promise<T>): Promise<T>;
  /** Keys in flight, for tests. */
  size(): number;
}

export function createSingleFlight(): SingleFlight {
  const inFlight = new Map<string, Promise<unknown>>();
  return {
    run<T>(key: string, call: () => Promise<T>): Promise<T> {
      const shared = inFlight.get(key);
      if (shared !== undefined) return shared as Promise<T>;
      const started = call().finally(() => inFlight.delete(key));
      inFlight.set(key, started);
      return started;
    },
    size: () => inFlight.size,
  };
}
