import { createHash } from 'node:crypto';
import type { IdempotencyStore } from '../../operations/idempotency-store';
import { canonicalJson } from '../../lib/canonical-json';
import { BadUserInputError, ConflictError } from '../errors/gateway-errors';

export interface IdempotentCall<T> {
  store: IdempotencyStore;
  /** The mutation, so one key used for two mutations means two claims. */
  scope: string;
  key: string | null;
  /** What makes two calls "the same input" (JSON; key order does not matter). Leave out the key and echo fields. */
  input: unknown;
  ttlSeconds: number;
  /** The write; runs only for a new key. */
  run(): Promise<T>;
  /** What to remember of the result (JSON), and how to answer a retry from it. */
  remember(result: T): unknown;
  replay(remembered: unknown): Promise<T>;
}

/**
 * Runs a write at most once per idempotency key, across instances (the store's begin() is atomic): a retry with the
 * same key and input answers from what the first call remembered, without calling the upstream again. The same key
 * with another input is the client's mistake (BAD_USER_INPUT); a key whose first call is still running is a
 * CONFLICT to retry shortly. A failed write releases the key, so the client's retry runs it again.
 */
export async function runIdempotent<T>(call: IdempotentCall<T>): Promise<T> {
  if (call.key === null) return call.run();
  const claim = `${call.scope}:${call.key}`;
  const fingerprint = createHash('sha256').update(canonicalJson(call.input)).digest('hex');
  const begun = await call.store.begin(claim, fingerprint, call.ttlSeconds);
  switch (begun.state) {
    case 'mismatch':
      throw new BadUserInputError(`\`input.idempotencyKey\` "${call.key}" was already used for ${call.scope} with a different input; use a new key for a different request`, {
        argumentName: 'input.idempotencyKey',
      });
    case 'in-progress':
      throw new ConflictError(`A ${call.scope} call with \`idempotencyKey\` "${call.key}" is still in progress; retry once it has answered`, { retryAfterSeconds: 1 });
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
