import { ConflictError } from '../../../src/errors/gateway-errors';
import { createDeferred } from '../../../src/lib/deferred';
import type { IdempotencyScope, IdempotencyStore, IdempotentCall } from '../../../src/operations/idempotency';
import { idempotencyClaim, runIdempotent } from '../../../src/operations/idempotency';
import { createInMemoryIdempotencyStore } from '../../../src/operations/in-memory-idempotency-store';

const scopeA: IdempotencyScope = { mutation: 'createGroup', callerId: 'tenant-a', phoneNumberId: '106540352242922' };

describe('runIdempotent', () => {
  let store: IdempotencyStore;
  let runs: number;

  beforeEach(() => {
    store = createInMemoryIdempotencyStore();
    runs = 0;
  });

  const call = (overrides: Partial<IdempotentCall<string>> = {}): IdempotentCall<string> => ({
    store,
    scope: scopeA,
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

  it('runs every call without a key, and scopes keys by mutation, caller and phone number', async () => {
    await runIdempotent(call({ key: null }));
    await runIdempotent(call({ key: null }));
    await runIdempotent(call());
    await runIdempotent(call({ scope: { ...scopeA, mutation: 'sendGroupMessage' } }));
    await runIdempotent(call({ scope: { ...scopeA, callerId: 'tenant-b' } }));
    await runIdempotent(call({ scope: { ...scopeA, callerId: null } }));
    await runIdempotent(call({ scope: { ...scopeA, phoneNumberId: '106540352242923' } }));
    expect(runs).toBe(7);
  });

  it("never tells a caller about another caller's key: another input under another caller is a new claim", async () => {
    await runIdempotent(call({ scope: { ...scopeA, callerId: 'tenant-b' }, input: { subject: 'B' } }));
    expect(await runIdempotent(call())).toBe('result-2');
    expect(await runIdempotent(call())).toBe('replayed result-2');
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

describe('idempotencyClaim', () => {
  it('names the mutation, the caller (open when authentication is off), the phone number and the key', () => {
    expect(idempotencyClaim(scopeA, 'order-1')).toBe('createGroup/key:tenant-a/106540352242922/order-1');
    expect(idempotencyClaim({ ...scopeA, callerId: null }, 'order-1')).toBe('createGroup/open/106540352242922/order-1');
  });

  it('keeps parts apart whatever they hold: no two scopes make the same claim', () => {
    const claims = [
      idempotencyClaim({ mutation: 'createGroup', callerId: 'a/b', phoneNumberId: 'c' }, 'k'),
      idempotencyClaim({ mutation: 'createGroup', callerId: 'a', phoneNumberId: 'b/c' }, 'k'),
      idempotencyClaim({ mutation: 'createGroup', callerId: 'a', phoneNumberId: 'b%002fc' }, 'k'),
      idempotencyClaim({ mutation: 'createGroup', callerId: 'open', phoneNumberId: 'p' }, 'k'),
      idempotencyClaim({ mutation: 'createGroup', callerId: null, phoneNumberId: 'p' }, 'k'),
    ];
    expect(new Set(claims).size).toBe(claims.length);
    for (const claim of claims) expect(claim.split('/')).toHaveLength(4);
  });

  it.each([[''], ['x'.repeat(129)], ['has space'], ['line\nbreak'], ['a*'], ['{a}'], ['a/b'], ['é']])('refuses an unvalidated key %j before building anything', (key) => {
    expect(() => idempotencyClaim(scopeA, key)).toThrow(TypeError);
  });

  it('takes every key of the documented alphabet up to 128 characters', () => {
    const key = 'Az09._:-'.repeat(16);
    expect(idempotencyClaim(scopeA, key)).toBe(`createGroup/key:tenant-a/106540352242922/${key}`);
  });
});
