import type { Clock } from '../events/clock';
import { systemClock } from '../events/clock';
import { once } from '../lib/disposable';
import type { IdempotencyStore } from './idempotency';
import { assertBegin, encodeResult } from './idempotency';

export interface InMemoryIdempotencyStoreOptions {
  /** @default systemClock */
  clock?: Clock;
}

interface Claim {
  state: 'in-progress' | 'done';
  fingerprint: string;
  resultJson: string | null;
  expiresAt: number;
}

/** Idempotency keys of a single instance. Expired keys are swept as new ones arrive. */
export function createInMemoryIdempotencyStore(options: InMemoryIdempotencyStoreOptions = {}): IdempotencyStore {
  const clock = options.clock ?? systemClock;
  const claims = new Map<string, Claim>();
  let nextSweepAt = 0;

  function live(key: string, nowMs: number): Claim | null {
    const claim = claims.get(key);
    if (claim === undefined) return null;
    if (claim.expiresAt > nowMs) return claim;
    claims.delete(key);
    return null;
  }

  function sweep(nowMs: number): void {
    if (nowMs < nextSweepAt) return;
    nextSweepAt = nowMs + 60_000; // at most once a minute: keys are few compared to requests
    for (const [key, claim] of claims) if (claim.expiresAt <= nowMs) claims.delete(key);
  }

  return {
    async begin(key, fingerprint, ttlSeconds) {
      assertBegin('InMemoryIdempotencyStore', key, fingerprint, ttlSeconds);
      const nowMs = clock.now();
      sweep(nowMs);
      const claim = live(key, nowMs);
      if (claim === null) {
        claims.set(key, { state: 'in-progress', fingerprint, resultJson: null, expiresAt: nowMs + ttlSeconds * 1000 });
        return { state: 'new' };
      }
      if (claim.fingerprint !== fingerprint) return { state: 'mismatch' };
      if (claim.state === 'in-progress') return { state: 'in-progress' };
      return { state: 'done', result: JSON.parse(claim.resultJson ?? 'null') as unknown };
    },
    async finish(key, result) {
      const resultJson = encodeResult('InMemoryIdempotencyStore', result);
      const claim = live(key, clock.now());
      if (claim === null || claim.state !== 'in-progress') return false;
      claim.state = 'done';
      claim.resultJson = resultJson;
      return true;
    },
    async abandon(key) {
      if (live(key, clock.now())?.state === 'in-progress') claims.delete(key);
    },
    dispose: once(async () => {
      claims.clear();
    }).dispose,
  };
}
