import type { Disposable } from '../lib/disposable';

/** A steady rate with a burst allowance: `burst` requests at once, then one every 60/perMinute seconds. */
export interface RateLimitPolicy {
  perMinute: number;
  burst: number;
}

export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Per-subject request admission (GCRA: one timestamp per subject, no counters to reset), plus blocks: a subject
 * the upstream throttled is refused outright until the block ends. Implementations: in-memory (one instance) and
 * Redis (shared by every instance).
 */
export interface RateLimiter extends Disposable {
  consume(subject: string, policy: RateLimitPolicy): Promise<RateLimitDecision>;
  /** Refuses the subject for `seconds` from now (a longer existing block stays). */
  block(subject: string, seconds: number): Promise<void>;
  /** Whole seconds left of the subject's block (rounded up); 0 when it is not blocked. Consumes nothing. */
  blockedFor(subject: string): Promise<number>;
}

/** GCRA's state of one subject, in epoch milliseconds. */
export interface GcraState {
  /** Theoretical arrival time of the next request at the steady rate. */
  tat: number;
  blockedUntil: number;
}

export interface GcraStep {
  allowed: boolean;
  /** When refused: how long until a request would be admitted. */
  retryAfterMs: number;
  /** The state to keep (unchanged when refused). */
  next: GcraState;
}

/** Milliseconds between two requests at the steady rate (whole ms, so Redis and memory agree exactly). */
export function emissionIntervalMs(policy: RateLimitPolicy): number {
  return Math.max(1, Math.ceil(60_000 / policy.perMinute));
}

/** How far ahead of the steady rate a subject may run: the burst, minus the request being admitted. */
export function burstToleranceMs(policy: RateLimitPolicy): number {
  return emissionIntervalMs(policy) * (Math.max(1, policy.burst) - 1);
}

/** One GCRA decision; the Redis script is the same arithmetic in Lua. */
export function gcraStep(state: GcraState | null, now: number, policy: RateLimitPolicy): GcraStep {
  const current = state ?? { tat: now, blockedUntil: 0 };
  if (now < current.blockedUntil) return { allowed: false, retryAfterMs: current.blockedUntil - now, next: current };
  const tat = Math.max(current.tat, now);
  const allowAt = tat - burstToleranceMs(policy);
  if (now < allowAt) return { allowed: false, retryAfterMs: allowAt - now, next: current };
  return { allowed: true, retryAfterMs: 0, next: { tat: tat + emissionIntervalMs(policy), blockedUntil: current.blockedUntil } };
}

export function toDecision(step: { allowed: boolean; retryAfterMs: number }): RateLimitDecision {
  return step.allowed ? { allowed: true } : { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(step.retryAfterMs / 1000)) };
}

export function assertPolicy(policy: RateLimitPolicy): void {
  if (!Number.isInteger(policy.perMinute) || policy.perMinute < 1 || !Number.isInteger(policy.burst) || policy.burst < 1) {
    throw new TypeError(`RateLimiter.consume expects a policy with integer perMinute >= 1 and burst >= 1, got ${JSON.stringify(policy)}`);
  }
}
