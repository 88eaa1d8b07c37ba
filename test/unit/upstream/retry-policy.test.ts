import { isRetryableError, retryDelayMs } from '../../../src/upstream/retry-policy';
import { UpstreamError } from '../../../src/upstream/upstream-error';

const error = (httpStatus: number | null, code: number | null = null) => new UpstreamError({ message: 'x', httpStatus, code });

describe('isRetryableError', () => {
  it('retries transport failures, 5xx, HTTP 429 and the rate-limit codes', () => {
    expect(isRetryableError(error(null))).toBe(true);
    expect(isRetryableError(error(503))).toBe(true);
    expect(isRetryableError(error(429))).toBe(true);
    for (const code of [4, 80007, 130429, 131056, 131208]) expect(isRetryableError(error(400, code))).toBe(true);
  });

  it('does not retry client errors, not-found, or the spam limit', () => {
    expect(isRetryableError(error(400, 100))).toBe(false);
    expect(isRetryableError(error(400, 131041))).toBe(false);
    expect(isRetryableError(error(401, 190))).toBe(false);
    expect(isRetryableError(error(400, 131048))).toBe(false);
  });
});

describe('retryDelayMs', () => {
  it('draws uniformly below base·2^retry (full jitter)', () => {
    expect(retryDelayMs({ retry: 0, baseDelayMs: 200, maxDelayMs: 10_000, retryAfterSeconds: null, random: () => 0.999 })).toBe(199);
    expect(retryDelayMs({ retry: 3, baseDelayMs: 200, maxDelayMs: 10_000, retryAfterSeconds: null, random: () => 0.5 })).toBe(800);
    expect(retryDelayMs({ retry: 3, baseDelayMs: 200, maxDelayMs: 10_000, retryAfterSeconds: null, random: () => 0 })).toBe(0);
  });

  it('caps the exponential ceiling', () => {
    expect(retryDelayMs({ retry: 20, baseDelayMs: 200, maxDelayMs: 1_000, retryAfterSeconds: null, random: () => 0.5 })).toBe(500);
  });

  it('waits at least Retry-After, but never more than the cap', () => {
    expect(retryDelayMs({ retry: 0, baseDelayMs: 200, maxDelayMs: 10_000, retryAfterSeconds: 3, random: () => 0.5 })).toBe(3_000);
    expect(retryDelayMs({ retry: 0, baseDelayMs: 200, maxDelayMs: 10_000, retryAfterSeconds: 3600, random: () => 0.5 })).toBe(10_000);
  });
});
