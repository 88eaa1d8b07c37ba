/**
 * The time one upstream call may take across all its attempts and backoff waits: each attempt's timeout is cut to
 * what is left, and no retry starts whose wait would end past it, so a dead upstream is answered within the
 * deadline rather than after every attempt's own timeout.
 */
export interface RequestDeadline {
  remainingMs(): number;
}

export function startDeadline(totalMs: number, now: () => number = performance.now.bind(performance)): RequestDeadline {
  const end = now() + totalMs;
  return { remainingMs: () => Math.max(0, end - now()) };
}
