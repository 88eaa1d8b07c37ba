import { createCircuitBreaker } from '../../../src/upstream/circuit-breaker';
import { createSingleFlight } from '../../../src/upstream/single-flight';

describe('circuit breaker', () => {
  let at = 0;
  const now = (): number => at;

  it('opens after the threshold of consecutive failures, fails fast while open, then lets one probe through', () => {
    at = 0;
    const breaker = createCircuitBreaker({ failureThreshold: 3, openMs: 1_000, now });
    breaker.failed();
    breaker.failed();
    breaker.succeeded(); // not consecutive
    breaker.failed();
    breaker.failed();
    expect(breaker.admit()).toEqual({ allowed: true });
    breaker.failed();
    expect(breaker.state()).toBe('open');
    at = 400;
    expect(breaker.admit()).toEqual({ allowed: false, retryAfterMs: 600 });
    at = 1_000;
    expect(breaker.state()).toBe('half-open');
    expect(breaker.admit()).toEqual({ allowed: true }); // the probe
    expect(breaker.admit()).toEqual({ allowed: false, retryAfterMs: 1 }); // others wait for it
    breaker.failed(); // the probe failed: open for another window
    expect(breaker.admit()).toEqual({ allowed: false, retryAfterMs: 1_000 });
    at = 2_000;
    expect(breaker.admit()).toEqual({ allowed: true });
    breaker.succeeded();
    expect(breaker.state()).toBe('closed');
    expect(breaker.admit()).toEqual({ allowed: true });
  });
});

describe('single flight', () => {
  it('shares one call among equal keys in flight, and starts a new one once it settled', async () => {
    const flights = createSingleFlight();
    let calls = 0;
    let release!: (value: string) => void;
    const call = (): Promise<string> => {
      calls++;
      return new Promise((resolve) => (release = resolve));
    };
    const shared = Array.from({ length: 20 }, () => flights.run('GET /g', call));
    const other = flights.run('GET /h', () => Promise.resolve('h'));
    expect(calls).toBe(1);
    release('g');
    expect(await Promise.all(shared)).toEqual(Array(20).fill('g'));
    expect(await other).toBe('h');
    expect(flights.size()).toBe(0);
    void flights.run('GET /g', call);
    expect(calls).toBe(2);
    release('again');
  });
});
