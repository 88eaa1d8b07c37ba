import { ConflictError } from '../../../../src/graph/errors/gateway-errors';
import { runIdempotent } from '../../../../src/graph/mutations/idempotency';
import type { IdempotentCall } from '../../../../src/graph/mutations/idempotency';
import { createDeferred } from '../../../../src/lib/deferred';
import { createInMemoryIdempotencyStore } from '../../../../src/operations/in-memory-idempotency-store';
import type { IdempotencyStore } from '../../../../src/operations/idempotency-store';

describe('runIdempotent', () => {
  let store: IdempotencyStore;
  let runs: number;

  beforeEach(() => {
    store = createInMemoryIdempotencyStore();
    runs = 0;
  });

  const call = (overrides: Partial<IdempotentCall<string>> = {}): IdempotentCall<string> => ({
    store,
    scope: 'createGroup',
    key: 'k1',
    input: { subject: 'A', description: null },
    ttlSeconds: 60,
    run: async () => `result-${++runs}`,
    remember: (result) => ({ result }),
    replay: async (remembered) => `replayed ${(remembered as { result: string }).result}`,
    ...overrides,
  });

  it('runs once per key and answers retries from what the first call remembered, whatever the input key order', async () => {
    expect(await runIdempotent(call())).toBe('result-1');
    expect(await runIdempotent(call({ input: { description: null, subject: 'A' } }))).toBe('replayed result-1');
    expect(runs).toBe(1);
  });

  it('runs every call without a key, and scopes keys by mutation', async () => {
    await runIdempotent(call({ key: null }));
    await runIdempotent(call({ key: null }));
    await runIdempotent(call());
    await runIdempotent(call({ scope: 'sendGroupMessage' }));
    expect(runs).toBe(4);
  });

  it('refuses the key with another input as BAD_USER_INPUT naming idempotencyKey', async () => {
    await runIdempotent(call());
    await expect(runIdempotent(call({ input: { subject: 'B', description: null } }))).rejects.toMatchObject({
      message: '`input.idempotencyKey` "k1" was already used for createGroup with a different input; use a new key for a different request',
      extensions: { code: 'BAD_USER_INPUT', argumentName: 'input.idempotencyKey' },
    });
    expect(runs).toBe(1);
  });

  it('answers CONFLICT to a concurrent call while the first still runs', async () => {
    const release = createDeferred<string>();
    const first = runIdempotent(call({ run: () => release.promise }));
    const second = runIdempotent(call());
    await expect(second).rejects.toBeInstanceOf(ConflictError);
    await expect(second).rejects.toMatchObject({ extensions: { code: 'CONFLICT', retryAfterSeconds: 1 } });
    release.resolve('first');
    await expect(first).resolves.toBe('first');
    expect(runs).toBe(0);
  });

  it('releases the key when the write fails, so the retry runs', async () => {
    await expect(runIdempotent(call({ run: () => Promise.reject(new Error('upstream said no')) }))).rejects.toThrow('upstream said no');
    expect(await runIdempotent(call())).toBe('result-1');
  });
});
