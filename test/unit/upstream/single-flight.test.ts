import { getEventListeners } from 'node:events';
import { createSingleFlight } from '../../../src/upstream/single-flight';

/** A call that settles when the test says so, and tells whether it was aborted. */
function controllableCall(): { call: (signal: AbortSignal) => Promise<string>; resolve(value: string): void; signal(): AbortSignal | null; calls(): number } {
  let resolveCall: (value: string) => void = () => undefined;
  let seen: AbortSignal | null = null;
  let calls = 0;
  return {
    call: (signal) => {
      calls++;
      seen = signal;
      return new Promise<string>((resolve) => (resolveCall = resolve));
    },
    resolve: (value) => resolveCall(value),
    signal: () => seen,
    calls: () => calls,
  };
}

describe('single-flight with callers that leave', () => {
  it('equal keys share one call', async () => {
    const flights = createSingleFlight();
    const shared = controllableCall();
    const a = flights.run('k', shared.call);
    const b = flights.run('k', shared.call);
    shared.resolve('answer');
    await expect(Promise.all([a, b])).resolves.toEqual(['answer', 'answer']);
    expect(shared.calls()).toBe(1);
    expect(flights.size()).toBe(0);
  });

  it('a caller whose deadline passes leaves without aborting the call another caller still waits for', async () => {
    const flights = createSingleFlight();
    const shared = controllableCall();
    const early = new AbortController();
    const late = new AbortController();
    const a = flights.run('k', shared.call, { signal: early.signal, left: () => new Error('a left') });
    const b = flights.run('k', shared.call, { signal: late.signal, left: () => new Error('b left') });
    early.abort();
    await expect(a).rejects.toThrow('a left');
    expect(shared.signal()?.aborted).toBe(false);
    shared.resolve('answer');
    await expect(b).resolves.toBe('answer');
  });

  it('the call is aborted and forgotten once every caller has left', async () => {
    const flights = createSingleFlight();
    const shared = controllableCall();
    const first = new AbortController();
    const second = new AbortController();
    const a = flights.run('k', shared.call, { signal: first.signal, left: () => new Error('a left') });
    const b = flights.run('k', shared.call, { signal: second.signal, left: () => new Error('b left') });
    first.abort();
    second.abort();
    await expect(a).rejects.toThrow('a left');
    await expect(b).rejects.toThrow('b left');
    expect(shared.signal()?.aborted).toBe(true);
    expect(flights.size()).toBe(0);
    // A new caller starts a call of its own rather than joining the abandoned one.
    const fresh = controllableCall();
    const c = flights.run('k', fresh.call);
    fresh.resolve('again');
    await expect(c).resolves.toBe('again');
    expect(fresh.calls()).toBe(1);
  });

  it('a caller whose deadline already passed gets its error and starts nothing', async () => {
    const flights = createSingleFlight();
    const shared = controllableCall();
    const done = new AbortController();
    done.abort();
    await expect(flights.run('k', shared.call, { signal: done.signal, left: () => new Error('too late') })).rejects.toThrow('too late');
    expect(shared.calls()).toBe(0);
  });
});

describe('single-flight with callers that share a deadline signal', () => {
  it('listens once per signal, not once per caller, and stops listening when the call settles', async () => {
    const flights = createSingleFlight();
    const shared = controllableCall();
    const deadline = new AbortController();
    const callers = [1, 2, 3].map((n) => flights.run('k', shared.call, { signal: deadline.signal, left: () => new Error(`${n} left`) }));
    expect(getEventListeners(deadline.signal, 'abort')).toHaveLength(1);
    shared.resolve('answer');
    await expect(Promise.all(callers)).resolves.toEqual(['answer', 'answer', 'answer']);
    expect(getEventListeners(deadline.signal, 'abort')).toHaveLength(0);
  });

  it('every caller of a signal leaves when it aborts; the call is aborted only when no other signal waits', async () => {
    const flights = createSingleFlight();
    const shared = controllableCall();
    const common = new AbortController();
    const other = new AbortController();
    const a = flights.run('k', shared.call, { signal: common.signal, left: () => new Error('a left') });
    const b = flights.run('k', shared.call, { signal: common.signal, left: () => new Error('b left') });
    const c = flights.run('k', shared.call, { signal: other.signal, left: () => new Error('c left') });
    common.abort();
    await expect(a).rejects.toThrow('a left');
    await expect(b).rejects.toThrow('b left');
    expect(shared.signal()?.aborted).toBe(false);
    other.abort();
    await expect(c).rejects.toThrow('c left');
    expect(shared.signal()?.aborted).toBe(true);
    expect(flights.size()).toBe(0);
  });
});
