import { once } from 'node:events';
import { createDeadlineSignals } from '../../../src/upstream/deadline-signals';

describe('createDeadlineSignals', () => {
  it('requests starting within one slot share a signal; the next slot gets another', () => {
    let now = 1_000;
    const deadlines = createDeadlineSignals({ deadlineMs: 5_000, resolutionMs: 50, now: () => now });
    const first = deadlines.signal();
    now += 10;
    expect(deadlines.signal()).toBe(first);
    now += 50;
    const next = deadlines.signal();
    expect(next).not.toBe(first);
    expect(deadlines.pending()).toBe(2);
    deadlines.close();
  });

  it('aborts with a TimeoutError at the deadline of the slot\'s first request, never later than any sharing request\'s', async () => {
    const deadlines = createDeadlineSignals({ deadlineMs: 30, resolutionMs: 20 });
    const started = performance.now();
    const signal = deadlines.signal();
    await once(signal, 'abort');
    // Timers may fire up to 1 ms early by the clock's rounding.
    expect(performance.now() - started).toBeGreaterThanOrEqual(29);
    expect(signal.reason).toBeInstanceOf(DOMException);
    expect((signal.reason as DOMException).name).toBe('TimeoutError');
    expect(deadlines.pending()).toBe(0);
    deadlines.close();
  });

  it('close() clears every pending timer; signals asked for afterwards never abort', () => {
    let now = 0;
    const deadlines = createDeadlineSignals({ deadlineMs: 60_000, now: () => now });
    deadlines.signal();
    now += 100;
    deadlines.signal();
    expect(deadlines.pending()).toBe(2);
    deadlines.close();
    expect(deadlines.pending()).toBe(0);
    expect(deadlines.signal().aborted).toBe(false);
    expect(deadlines.pending()).toBe(0);
  });

  it('refuses a deadline or resolution that is not a positive number, saying what it got', () => {
    expect(() => createDeadlineSignals({ deadlineMs: 0 })).toThrow('createDeadlineSignals expects deadlineMs > 0, got 0');
    expect(() => createDeadlineSignals({ deadlineMs: 10, resolutionMs: -1 })).toThrow('expects resolutionMs > 0, got -1; omit it for 50');
  });
});
