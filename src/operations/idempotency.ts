import { createHash } from 'node:crypto';
import { BadUserInputError, ConflictError } from '../errors/gateway-errors';
import { canonicalJson } from '../lib/canonical-json';
import type { Disposable } from '../lib/disposable';

/** The longest idempotency key a client may send. */
export const IDEMPOTENCY_KEY_MAX_CHARS = 128;
/** What an idempotency key may hold: what UUIDs, ULIDs and order numbers use, and nothing a Redis key or log line could trip on. */
export const IDEMPOTENCY_KEY_CHARACTERS = /^[A-Za-z0-9._:-]*$/;

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
 * instances never both get `new`. A claim names a scoped key (idempotencyClaim), never a client's key alone.
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

/** Whose key it is: equal keys of different callers, numbers or mutations are different claims. */
export interface IdempotencyScope {
  /** The mutation, so one key used for two mutations means two claims. */
  mutation: string;
  /** The API key's id; null when authentication is off (every caller is then the one `open` principal). */
  callerId: string | null;
  /** The business phone number the write is made for. */
  phoneNumberId: string;
}

/**
 * The store key of a client's idempotency key: mutation, caller and phone number first, so a caller only ever
 * meets its own claims (and learns nothing of anyone else's). Each part is escaped so none can contain the `/`
 * between them: two different scopes never make the same claim.
 */
export function idempotencyClaim(scope: IdempotencyScope, key: string): string {
  if (key.length === 0 || key.length > IDEMPOTENCY_KEY_MAX_CHARS || !IDEMPOTENCY_KEY_CHARACTERS.test(key)) {
    throw new TypeError(`idempotencyClaim expects a validated idempotency key (1 to ${IDEMPOTENCY_KEY_MAX_CHARS} of A-Z a-z 0-9 . _ : -), got ${JSON.stringify(key.slice(0, 200))}; validate it first.`);
  }
  const caller = scope.callerId === null ? 'open' : `key:${scope.callerId}`;
  return [scope.mutation, caller, scope.phoneNumberId, key].map(escapePart).join('/');
}

/** Leaves the key alphabet as it is and writes every other UTF-16 unit as %XXXX: injective, and never a `/`. */
function escapePart(part: string): string {
  return part.replace(/[^A-Za-z0-9._:-]/g, (unit) => `%${unit.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export interface IdempotentCall<T> {
  store: IdempotencyStore;
  scope: IdempotencyScope;
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
 * Runs a write at most once per scoped idempotency key, across instances (the store's begin() is atomic): a retry
 * with the same key and input answers from what the first call remembered, without calling the upstream again. The
 * same key with another input is the client's mistake (BAD_USER_INPUT); a key whose first call is still running is
 * a CONFLICT to retry shortly. A failed write releases the key, so the client's retry runs it again.
 */
export async function runIdempotent<T>(call: IdempotentCall<T>): Promise<T> {
  if (call.key === null) return call.run();
  const { mutation } = call.scope;
  const claim = idempotencyClaim(call.scope, call.key);
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
