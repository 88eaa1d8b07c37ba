import type { Disposable } from '../lib/disposable';

/**
 * What begin() found:
 * - `new`: the caller now holds the key and must finish() or abandon() it;
 * - `in-progress`: another request with the same input holds it;
 * - `done`: it completed; `result` is what finish() stored (JSON);
 * - `mismatch`: the key was used with a different input.
 */
export type IdempotencyBegin = { state: 'new' } | { state: 'in-progress' } | { state: 'done'; result: unknown } | { state: 'mismatch' };

/**
 * Client idempotency keys for mutations (e.g. an `Idempotency-Key` or `clientMutationId`). Implementations:
 * in-memory and Redis, where begin() is one atomic step, so two instances never both get `new`.
 */
export interface IdempotencyStore extends Disposable {
  /** Claims `key` for `ttlSeconds` unless it is held or done. `fingerprint` identifies the input (e.g. a hash). */
  begin(key: string, fingerprint: string, ttlSeconds: number): Promise<IdempotencyBegin>;
  /** Records the result of a claimed key, keeping its TTL. False when the claim is gone (expired or abandoned) or already done. */
  finish(key: string, result: unknown): Promise<boolean>;
  /** Releases a claimed key (the work failed and may be retried). A finished key is kept. */
  abandon(key: string): Promise<void>;
}

export function assertBegin(store: string, key: string, fingerprint: string, ttlSeconds: number): void {
  if (typeof key !== 'string' || key.length === 0 || typeof fingerprint !== 'string') {
    throw new TypeError(`${store}.begin expects a non-empty key and a string fingerprint, got ${JSON.stringify({ key, fingerprint })}.`);
  }
  if (!Number.isInteger(ttlSeconds) || ttlSeconds <= 0) {
    throw new TypeError(`${store}.begin expects ttlSeconds to be a positive integer, got ${JSON.stringify(ttlSeconds)}.`);
  }
}

export function encodeResult(store: string, result: unknown): string {
  const json = JSON.stringify(result);
  if (json === undefined) throw new TypeError(`${store}.finish expects a JSON-serialisable result, got ${String(result)}; pass null for "no result".`);
  return json;
}
