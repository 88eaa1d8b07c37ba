import { createInMemoryRateLimiter } from '../../../src/limits/in-memory-rate-limiter';
import { gcraStep } from '../../../src/limits/rate-limiter';

const POLICY = { perMinute: 60, burst: 3 }; // one per second, three at once

describe('GCRA', () => {
  it('admits the burst at once, then one request per emission interval', () => {
    let state = null;
    const decisions: boolean[] = [];
    for (let i = 0; i < 4; i++) {
      const step = gcraStep(state, 10_000, POLICY);
      decisions.push(step.allowed);
      if (step.allowed) state = step.next;
    }
    expect(decisions).toEqual([true, true, true, false]);
    expect(gcraStep(state, 10_000, POLICY).retryAfterMs).toBe(1_000);
    expect(gcraStep(state, 10_999, POLICY).allowed).toBe(false);
    expect(gcraStep(state, 11_000, POLICY).allowed).toBe(true);
  });

  it('refuses a blocked subject until the block ends, whatever its rate', () => {
    const step = gcraStep({ tat: 0, blockedUntil: 5_000 }, 1_000, POLICY);
    expect(step).toEqual({ allowed: false, retryAfterMs: 4_000, next: { tat: 0, blockedUntil: 5_000 } });
    expect(gcraStep({ tat: 0, blockedUntil: 5_000 }, 5_000, POLICY).allowed).toBe(true);
  });
});

describe('in-memory rate limiter', () => {
  it('limits each subject separately and answers whole seconds to wait', async () => {
    let now = 1_000_000;
    const limiter = createInMemoryRateLimiter({ now: () => now });
    for (let i = 0; i < 3; i++) await expect(limiter.consume('key:a', POLICY)).resolves.toEqual({ allowed: true });
    await expect(limiter.consume('key:a', POLICY)).resolves.toEqual({ allowed: false, retryAfterSeconds: 1 });
    await expect(limiter.consume('key:b', POLICY)).resolves.toEqual({ allowed: true });
    now += 1_000;
    await expect(limiter.consume('key:a', POLICY)).resolves.toEqual({ allowed: true });
    await limiter.dispose();
  });

  it('blocks a subject for the given seconds, keeping the longer of two blocks', async () => {
    let now = 0;
    const limiter = createInMemoryRateLimiter({ now: () => now });
    await limiter.block('key:a', 30);
    await limiter.block('key:a', 5);
    await expect(limiter.consume('key:a', POLICY)).resolves.toEqual({ allowed: false, retryAfterSeconds: 30 });
    now = 29_001;
    await expect(limiter.consume('key:a', POLICY)).resolves.toEqual({ allowed: false, retryAfterSeconds: 1 });
    now = 30_000;
    await expect(limiter.consume('key:a', POLICY)).resolves.toEqual({ allowed: true });
  });

  it('refuses a policy that makes no sense', async () => {
    const limiter = createInMemoryRateLimiter();
    await expect(limiter.consume('key:a', { perMinute: 0, burst: 1 })).rejects.toThrow(/integer perMinute >= 1/);
  });
});

describe('consumeMany', () => {
  it('answers what as many consume() calls at the same instant would, in one step', async () => {
    for (const policy of [{ perMinute: 60, burst: 3 }, { perMinute: 6000, burst: 1 }, { perMinute: 120, burst: 10 }]) {
      for (const count of [1, 2, 3, 7, 12]) {
        const one = createInMemoryRateLimiter({ now: () => 5_000 });
        const many = createInMemoryRateLimiter({ now: () => 5_000 });
        await one.consume('key:a', policy); // a subject with some history
        await many.consume('key:a', policy);
        const decisions = [];
        for (let i = 0; i < count; i++) decisions.push(await one.consume('key:a', policy));
        const admitted = decisions.filter((decision) => decision.allowed).length;
        const refusal = decisions.find((decision) => !decision.allowed);
        expect(await many.consumeMany('key:a', policy, count)).toEqual({ admitted, retryAfterSeconds: refusal === undefined || refusal.allowed ? 0 : refusal.retryAfterSeconds });
        // And the state left behind is the same.
        expect(await many.consume('key:a', policy)).toEqual(await one.consume('key:a', policy));
      }
    }
  });

  it('refuses a count that is not a whole number of requests', async () => {
    await expect(createInMemoryRateLimiter().consumeMany('key:a', POLICY, 0)).rejects.toThrow(/count to be an integer >= 1, got 0/);
  });
});
