import type { UpstreamError } from '../upstream/upstream-error';

/**
 * How long a caller waits when Meta throttles without saying (no `Retry-After`, no usage header), per code
 * (docs/groups-api.md#rate-limits): the app and WABA limits (4, 80007) are hourly-window limits, so a minute;
 * throughput (130429) is per second, so a second; the pair limit (131056) backs off 4^n seconds with n counting
 * the refusals in a row, and the gateway sends each message once, so it reports the first step, 4^0.
 */
const DEFAULT_WAIT_SECONDS: ReadonlyMap<number, number> = new Map([
  [4, 60],
  [80007, 60],
  [130429, 1],
  [131056, 4 ** 0],
]);

/** For a code with no default of its own (131208, 131048, a bare 429): a minute. */
const FALLBACK_WAIT_SECONDS = 60;

/** Seconds to wait before retrying a throttled call: what the upstream said, else the code's default. */
export function retryAfterSecondsOf(error: UpstreamError): number {
  if (error.retryAfterSeconds !== null) return error.retryAfterSeconds;
  return (error.code === null ? undefined : DEFAULT_WAIT_SECONDS.get(error.code)) ?? FALLBACK_WAIT_SECONDS;
}
