import type { UpstreamError } from './upstream-error';

/**
 * Rate-limit codes worth another attempt after a wait (docs/groups-api.md#rate-limits). 131048 (spam rate limit) is
 * a rate limit too, but waiting a few seconds does not lift it, so it is surfaced at once.
 */
const RETRYABLE_RATE_LIMIT_CODES: ReadonlySet<number> = new Set([4, 80007, 130429, 131056, 131208]);

/** Transport failures (timeout, refused), 5xx and throttling are worth retrying; everything else is final. */
export function isRetryableError(error: UpstreamError): boolean {
  if (error.httpStatus === null || error.httpStatus >= 500 || error.httpStatus === 429) return true;
  return error.code !== null && RETRYABLE_RATE_LIMIT_CODES.has(error.code);
}

/**
 * Exponential backoff with full jitter (a uniform draw in [0, base·2^retry)), so that many clients retrying
 * after the same outage spread out. A Retry-After from the upstream is a floor; `maxDelayMs` caps everything.
 * @param retry 0 for the first retry.
 */
export function retryDelayMs(options: {
  retry: number;
  baseDelayMs: number;
  maxDelayMs: number;
  retryAfterSeconds: number | null;
  random?: () => number;
}): number {
  const random = options.random ?? Math.random;
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** options.retry);
  const jittered = Math.floor(random() * ceiling);
  const floor = options.retryAfterSeconds === null ? 0 : options.retryAfterSeconds * 1000;
  return Math.min(options.maxDelayMs, Math.max(jittered, floor));
}
