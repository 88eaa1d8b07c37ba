import type { GcraState, RateLimiter } from './rate-limiter';
import { assertCount, assertPolicy, gcraStep, gcraSteps, toBatchDecision, toDecision } from './rate-limiter';

/** Subjects whose state lies in the past are dropped every this many calls, so memory follows active subjects. */
const SWEEP_EVERY = 1_000;

/** One instance's limiter: a Map of GCRA states. No timers: stale entries are swept as calls come in. */
export function createInMemoryRateLimiter(options: { now?: () => number } = {}): RateLimiter {
  const now = options.now ?? Date.now;
  const states = new Map<string, GcraState>();
  let calls = 0;

  const sweep = (at: number): void => {
    if (++calls % SWEEP_EVERY !== 0) return;
    for (const [subject, state] of states) if (state.tat <= at && state.blockedUntil <= at) states.delete(subject);
  };

  return {
    async consume(subject, policy) {
      assertPolicy(policy);
      const at = now();
      sweep(at);
      const step = gcraStep(states.get(subject) ?? null, at, policy);
      if (step.allowed) states.set(subject, step.next);
      return toDecision(step);
    },
    async consumeMany(subject, policy, count) {
      assertPolicy(policy);
      assertCount(count);
      const at = now();
      sweep(at);
      const steps = gcraSteps(states.get(subject) ?? null, at, policy, count);
      if (steps.admitted > 0 && steps.next !== null) states.set(subject, steps.next);
      return toBatchDecision(steps);
    },
    async block(subject, seconds) {
      const at = now();
      const until = at + Math.ceil(seconds * 1000);
      const state = states.get(subject) ?? { tat: at, blockedUntil: 0 };
      states.set(subject, { tat: state.tat, blockedUntil: Math.max(state.blockedUntil, until) });
    },
    async blockedFor(subject) {
      const until = states.get(subject)?.blockedUntil ?? 0;
      return Math.max(0, Math.ceil((until - now()) / 1000));
    },
    async dispose() {
      states.clear();
    },
  };
}
