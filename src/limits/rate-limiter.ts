import type { Disposable } from '../lib/disposable';

/** A steady rate with a burst allowance: `burst` requests at once, then one every 60/perMinute seconds. */
export interface RateLimitPolicy {
  perMinute: number;
  burst: number;
}

export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface RateLimitBatchDecision {
  admitted: number;
  retryAfterSeconds: number;
}

/**
 * Per-subject request admission (GCRA: one timestamp per subject, no counters to reset), plus blocks: a subject
 * the upstream throttled is refused outright until the block ends. Implementations: in-memory (one instance) and
 * Redis (shared by every instance).
 */
export interface RateLimiter extends Disposable {
  consume(subject: string, policy: RateLimitPolicy): Promise<RateLimitDecision>;
  /**
   * `count` requests of one subject at once, in one step (one Redis round trip): the same answers as `count`
   * consume() calls made one after the other at the same instant. `admitted`: how many of them, the first ones, are
   * admitted; the rest wait `retryAfterSeconds` (0 when all are admitted).
   */
  consumeMany(subject: string, policy: RateLimitPolicy, count: number): Promise<RateLimitBatchDecision>;
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

/** `count` GCRA decisions at one instant: a refusal changes nothing, so every request after the first refused is refused too. */
export function gcraSteps(state: GcraState | null, now: number, policy: RateLimitPolicy, count: number): { admitted: number; retryAfterMs: number; next: GcraState | null } {
  let current = state;
  for (let admitted = 0; admitted < count; admitted++) {
    const step = gcraStep(current, now, policy);
    if (!step.allowed) return { admitted, retryAfterMs: step.retryAfterMs, next: current };
    current = step.next;
  }
  return { admitted: count, retryAfterMs: 0, next: current };
}

export function toBatchDecision(steps: { admitted: number; retryAfterMs: number }): RateLimitBatchDecision {
  return { admitted: steps.admitted, retryAfterSeconds: steps.retryAfterMs === 0 ? 0 : Math.max(1, Math.ceil(steps.retryAfterMs / 1000)) };
}

/** Programmer misuse: a batch of requests is at least one, a whole number. */
export function assertCount(count: number): void {
  if (!Number.isInteger(count) || count < 1) throw new TypeError(`RateLimiter.consumeMany expects count to be an integer >= 1, got ${JSON.stringify(count)}; pass the number of requests waiting`);
}

export function toDecision(step: { allowed: boolean; retryAfterMs: number }): RateLimitDecision {
  return step.allowed ? { allowed: true } : { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(step.retryAfterMs / 1000)) };
}

export function assertPolicy(policy: RateLimitPolicy): void {
  if (!Number.isInteger(policy.perMinute) || policy.perMinute < 1 || !Number.isInteger(policy.burst) || policy.burst < 1) {
    throw new TypeError(`RateLimiter.consume expects a policy with integer perMinute >= 1 and burst >= 1, got ${JSON.stringify(policy)}`);
  }
}
