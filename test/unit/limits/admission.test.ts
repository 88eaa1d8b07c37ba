import pino from 'pino';
import type { Principal } from '../../../src/auth/api-key';
import { ANONYMOUS_PRINCIPAL } from '../../../src/auth/api-key';
import { GatewayError } from '../../../src/errors/gateway-errors';
import { createInMemoryRateLimiter } from '../../../src/limits/in-memory-rate-limiter';
import type { RateLimiter } from '../../../src/limits/rate-limiter';
import { createRequestAdmission } from '../../../src/limits/request-admission';
import { createInMemorySubscriptionSlots } from '../../../src/limits/subscription-slots';
import { createUpstreamRateLimitFeedback } from '../../../src/limits/upstream-rate-limit-feedback';
import { createSilentLogger } from '../../../src/lib/logger';
import { UpstreamError } from '../../../src/upstream/upstream-error';

const key = (id: string, rateLimitPerMinute: number | null = null): Principal => ({
  id,
  anonymous: false,
  scopes: new Set(['read']),
  phoneNumberIds: null,
  rateLimitPerMinute,
});

async function refusal(run: () => Promise<unknown>): Promise<GatewayError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof GatewayError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('request admission', () => {
  const policy = { perMinute: 60, burst: 2 };

  it('refuses the request over the rate with RATE_LIMITED, retryAfterSeconds and, over HTTP, 429 + Retry-After', async () => {
    const admission = createRequestAdmission({ limiter: createInMemoryRateLimiter({ now: () => 0 }), policy, logger: createSilentLogger() });
    await admission.admit(key('a'), 'http');
    await admission.admit(key('a'), 'http');
    const http = await refusal(() => admission.admit(key('a'), 'http'));
    expect(http.extensions).toEqual({ code: 'RATE_LIMITED', retryAfterSeconds: 1, http: { status: 429, headers: new Map([['retry-after', '1']]) } });
    const ws = await refusal(() => admission.admit(key('a'), 'ws'));
    expect(ws.extensions).toEqual({ code: 'RATE_LIMITED', retryAfterSeconds: 1 });
  });

  it('uses a key\'s own rate, keeping the burst ratio, and never limits the anonymous caller', async () => {
    const admission = createRequestAdmission({ limiter: createInMemoryRateLimiter({ now: () => 0 }), policy, logger: createSilentLogger() });
    for (let i = 0; i < 4; i++) await admission.admit(key('fast', 120), 'http'); // burst 2 × 120/60 = 4
    await expect(admission.admit(key('fast', 120), 'http')).rejects.toThrow(/Too many requests/);
    for (let i = 0; i < 100; i++) await admission.admit(ANONYMOUS_PRINCIPAL, 'http');
  });

  it('sends the requests of one key that arrive while its limiter call is out together, with the answers of one call each', async () => {
    const memory = createInMemoryRateLimiter({ now: () => 0 });
    const counts: number[] = [];
    const counting: RateLimiter = { ...memory, consumeMany: (subject, keyPolicy, count) => (counts.push(count), memory.consumeMany(subject, keyPolicy, count)) };
    const admission = createRequestAdmission({ limiter: counting, policy: { perMinute: 60, burst: 5 }, logger: createSilentLogger() });
    const outcomes = await Promise.allSettled(Array.from({ length: 10 }, () => admission.admit(key('busy'), 'http')));
    // The first went alone; the nine that came while it was out went in one call.
    expect(counts).toEqual([1, 9]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual([...Array(5).fill('fulfilled'), ...Array(5).fill('rejected')]);
    const refused = outcomes[9] as PromiseRejectedResult;
    expect((refused.reason as GatewayError).extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 1 });
    // Another key is not held behind this one.
    await admission.admit(key('other'), 'http');
    expect(counts).toEqual([1, 9, 1]);
  });

  it('admits requests when the limiter itself fails (Redis down), logging it once', async () => {
    const broken: RateLimiter = { consume: () => Promise.reject(new Error('connection lost')), consumeMany: () => Promise.reject(new Error('connection lost')), block: async () => undefined, blockedFor: async () => 0, dispose: async () => undefined };
    const warnings: unknown[] = [];
    const logger = createSilentLogger();
    logger.warn = ((...args: unknown[]) => void warnings.push(args)) as typeof logger.warn;
    const admission = createRequestAdmission({ limiter: broken, policy, logger, now: () => 0 });
    await admission.admit(key('a'), 'http');
    await admission.admit(key('a'), 'http');
    expect(warnings).toHaveLength(1);
  });
});

describe('subscription slots', () => {
  it('refuses a maximum that is not a positive integer, saying where it comes from', () => {
    expect(() => createInMemorySubscriptionSlots({ maxPerSubject: 0 })).toThrow(/maxPerSubject.*config.limits.maxSubscriptionsPerKey/);
  });
});

describe('upstream rate-limit feedback', () => {
  const throttled = (retryAfterSeconds: number | null): UpstreamError =>
    new UpstreamError({ message: 'throttled', httpStatus: 429, code: 130429, retryAfterSeconds });

  it('blocks the key whose hooks heard the throttle, for Meta\'s Retry-After or the fallback', async () => {
    let now = 0;
    const limiter = createInMemoryRateLimiter({ now: () => now });
    const feedback = createUpstreamRateLimitFeedback({ limiter, fallbackSeconds: 30, logger: createSilentLogger() });

    feedback.hooksFor('key:a').onRateLimited?.(throttled(7));
    feedback.hooksFor('key:b').onRateLimited?.(throttled(null));
    await Promise.resolve(); // the block is recorded without holding the call

    const policy = { perMinute: 600, burst: 10 };
    await expect(limiter.consume('key:a', policy)).resolves.toEqual({ allowed: false, retryAfterSeconds: 7 });
    await expect(limiter.consume('key:b', policy)).resolves.toEqual({ allowed: false, retryAfterSeconds: 30 });
    await expect(limiter.consume('key:c', policy)).resolves.toEqual({ allowed: true });
    now = 7_000;
    await expect(limiter.consume('key:a', policy)).resolves.toEqual({ allowed: true });
  });

  it('logs a block the limiter could not record, without throwing into the caller\'s call', async () => {
    const limiter: RateLimiter = { ...createInMemoryRateLimiter(), block: () => Promise.reject(new Error('redis down')) };
    let logged: (line: Record<string, unknown>) => void = () => undefined;
    const failureLogged = new Promise<Record<string, unknown>>((resolve) => (logged = resolve));
    const sink = { write: (line: string) => ((JSON.parse(line) as { msg: string }).msg.startsWith('could not record') ? logged(JSON.parse(line) as Record<string, unknown>) : undefined) };
    const feedback = createUpstreamRateLimitFeedback({ limiter, fallbackSeconds: 30, logger: pino({ level: 'warn' }, sink) });

    expect(() => feedback.hooksFor('key:a').onRateLimited?.(throttled(5))).not.toThrow();

    await expect(failureLogged).resolves.toMatchObject({ subject: 'key:a', err: expect.objectContaining({ message: 'redis down' }) });
  });
});
