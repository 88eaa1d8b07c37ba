import { createHash } from 'node:crypto';
import { BadUserInputError, ConflictError } from '../graph/errors/gateway-errors';
import { canonicalJson } from '../lib/canonical-json';
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
 * Claims of client idempotency keys. Implementations: in-memory and Redis, where begin() is one atomic step, so two
 * instances never both get `new`.
 */
export interface IdempotencyStore extends Disposable {
  /** Claims `claim` for `ttlSeconds` unless it is held or done. `fingerprint` identifies the input (e.g. a hash). */
  begin(claim: string, fingerprint: string, ttlSeconds: number): Promise<IdempotencyBegin>;
  /** Records the result of a held claim, keeping its TTL. False when the claim is gone (expired or abandoned) or already done. */
  finish(claim: string, result: unknown): Promise<boolean>;
  /** Releases a held claim (the work failed and may be retried). A finished claim is kept. */
  abandon(claim: string): Promise<void>;
}

export function assertBegin(store: string, claim: string, fingerprint: string, ttlSeconds: number): void {
  if (typeof claim !== 'string' || claim.length === 0 || typeof fingerprint !== 'string') {
    throw new TypeError(`${store}.begin expects a non-empty claim and a string fingerprint, got ${JSON.stringify({ claim, fingerprint })}.`);
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

export interface IdempotentCall<T> {
  store: IdempotencyStore;
  /** The mutation, so one key used for two mutations means two claims. */
  scope: string;
  /** The client's key (validated); null runs the write unguarded. */
  key: string | null;
  /** What makes two calls "the same input" (JSON; key order does not matter). Leave out the key and echo fields. */
  input: unknown;
  ttlSeconds: number;
  /** The write; runs only for a new claim. */
  run(): Promise<T>;
  /** What to remember of the result (JSON), and how to answer a retry from it. */
  remember(result: T): unknown;
  replay(remembered: unknown): Promise<T>;
}

/**
 * Runs a write at most once per idempotency key, across instances (the store's begin() is atomic): a retry
 * with the same key and input answers from what the first call remembered, without calling the upstream again. The
 * same key with another input is the client's mistake (BAD_USER_INPUT); a key whose first call is still running is
 * a CONFLICT to retry shortly. A failed write releases the key, so the client's retry runs it again.
 */
export async function runIdempotent<T>(call: IdempotentCall<T>): Promise<T> {
  if (call.key === null) return call.run();
  const mutation = call.scope;
  const claim = `${mutation}:${call.key}`;
  const fingerprint = createHash('sha256').update(canonicalJson(call.input)).digest('hex');
  const begun = await call.store.begin(claim, fingerprint, call.ttlSeconds);
  switch (begun.state) {
    case 'mismatch':
      throw new BadUserInputError(`\`input.idempotencyKey\` "${call.key}" was already used for ${mutation} with a different input; use a new key for a different request`, {
        argumentName: 'input.idempotencyKey',
      });
    case 'in-progress':
      throw new ConflictError(`A ${mutation} call with \`idempotencyKey\` "${call.key}" is still in progress; retry once it has answered`, { retryAfterSeconds: 1 });
    case 'done':
      return call.replay(begun.result);
    case 'new':
      break;
  }
  let result: T;
  try {
    result = await call.run();
  } catch (error) {
    await call.store.abandon(claim);
    throw error;
  }
  await call.store.finish(claim, call.remember(result));
  return result;
}
