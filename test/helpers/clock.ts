import type { Clock } from '../../src/events/clock';

export interface FakeClock extends Clock {
  /** Moves time forward (or back, with a negative value). */
  advance(ms: number): void;
  set(ms: number): void;
}

/** A clock that only moves when the test says so. Starts at `startMs` (default: a fixed 2025 instant). */
export function createFakeClock(startMs = Date.UTC(2025, 0, 1)): FakeClock {
  let nowMs = startMs;
  return {
    now: () => nowMs,
    advance(ms) {
      nowMs += ms;
    },
    set(ms) {
      nowMs = ms;
    },
  };
}
