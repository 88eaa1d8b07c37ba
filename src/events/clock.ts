/**
 * Wall-clock time in milliseconds, injected so retention, TTLs and cursor expiry can be tested with a fake clock.
 * Redis keeps its own time for key expiry (PX/EX); only the logic we compute ourselves reads this clock.
 */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
