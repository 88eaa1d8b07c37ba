import type { Logger } from '../lib/logger';
import type { UpstreamHooks } from './types';

export interface GraphApiClientOptions {
  /** e.g. `https://graph.facebook.com` or the sandbox URL, without the version segment. */
  baseUrl: string;
  /** The path version segment, e.g. `v23.0`. */
  apiVersion: string;
  accessToken: string;
  /** Per attempt, including reading the body. */
  timeoutMs: number;
  /** Retries of idempotent reads after the first attempt; writes are never retried. */
  maxRetries: number;
  /** @default 200 // ms, doubled per retry, full jitter */
  retryBaseDelayMs?: number;
  /**
   * Longest backoff wait: a Retry-After above it is not retried at all (the throttle is answered at once, so the
   * caller and the rate limiter honour Meta's wait). @default 10_000 // 10 s
   */
  maxRetryDelayMs?: number;
  /** Timeout of `ping()`. @default min(timeoutMs, 3_000) */
  pingTimeoutMs?: number;
  logger: Logger;
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
  /** Told about every call of this client (e.g. metrics); `withHooks` adds one caller's own. */
  hooks?: UpstreamHooks;
  /** Time one call may take across its attempts and backoff waits. @default 10_000 // 10 s */
  deadlineMs?: number;
  /** Consecutive failed attempts (timeout, no connection, 5xx) that open the circuit breaker. @default 5 */
  breakerFailureThreshold?: number;
  /** How long an open breaker fails calls fast before one probe may go through. @default 10_000 // 10 s */
  breakerOpenMs?: number;
  /** Source of jitter; tests pin it. @default Math.random */
  random?: () => number;
}

/** Programmer misuse fails at construction with what was expected, what came, and the fix. */
export function assertClientOptions(options: GraphApiClientOptions): void {
  const problems: string[] = [];
  if (typeof options.baseUrl !== 'string' || !/^https?:\/\/[^/]/.test(options.baseUrl)) {
    problems.push(`baseUrl: expected an http(s) URL such as https://graph.facebook.com, got ${JSON.stringify(options.baseUrl)}`);
  }
  if (typeof options.apiVersion !== 'string' || !/^v\d+\.\d+$/.test(options.apiVersion)) {
    problems.push(`apiVersion: expected a version like v23.0, got ${JSON.stringify(options.apiVersion)}`);
  }
  if (typeof options.accessToken !== 'string' || options.accessToken.trim() === '') {
    problems.push('accessToken: expected a non-empty bearer token, got an empty value; set WHATSAPP_ACCESS_TOKEN');
  }
  for (const [name, value, min] of [
    ['timeoutMs', options.timeoutMs, 1],
    ['maxRetries', options.maxRetries, 0],
    ['retryBaseDelayMs', options.retryBaseDelayMs ?? 0, 0],
    ['maxRetryDelayMs', options.maxRetryDelayMs ?? 0, 0],
    ['pingTimeoutMs', options.pingTimeoutMs ?? 1, 1],
    ['deadlineMs', options.deadlineMs ?? 1, 1],
    ['breakerFailureThreshold', options.breakerFailureThreshold ?? 1, 1],
    ['breakerOpenMs', options.breakerOpenMs ?? 1, 1],
  ] as const) {
    if (!Number.isInteger(value) || value < min) problems.push(`${name}: expected an integer >= ${min}, got ${String(value)}`);
  }
  if (problems.length > 0) throw new TypeError(`createGraphApiClient: invalid options:\n- ${problems.join('\n- ')}`);
}
