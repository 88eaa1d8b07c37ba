import { UpstreamError } from './upstream-error';

/**
 * The time one upstream call may take across all its attempts and backoff waits: each attempt's timeout is cut to
 * what is left, and no retry starts whose wait would end past it, so a dead upstream is answered within the
 * deadline rather than after every attempt's own timeout. It caps every call, including calls made outside a GraphQL
 * request (readiness, ownership lookups); a GraphQL request's own deadline is an AbortSignal (see `withHooks`).
 */
export interface RequestDeadline {
  remainingMs(): number;
}

export function startDeadline(totalMs: number, now: () => number = performance.now.bind(performance)): RequestDeadline {
  const end = now() + totalMs;
  return { remainingMs: () => Math.max(0, end - now()) };
}

/**
 * The error of a call that a GraphQL request's deadline ended (or never let start): a transport failure
 * (`httpStatus: null`), so clients see UPSTREAM_UNAVAILABLE, and transient, because another request may succeed.
 */
export function deadlinePassedError(request: { method: string; path: string }, cause?: unknown): UpstreamError {
  return new UpstreamError({
    message: `Graph API call ${request.method} ${request.path} was cut short: the GraphQL request's upstream deadline passed`,
    httpStatus: null,
    isTransient: true,
    ...(cause === undefined ? {} : { cause }),
  });
}
