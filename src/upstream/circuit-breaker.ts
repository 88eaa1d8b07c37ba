/** What the breaker says about one attempt about to start. */
export type BreakerAdmission = { allowed: true } | { allowed: false; retryAfterMs: number };

/**
 * One upstream's health as its recent attempts showed it. Closed: attempts go through, consecutive failures are
 * counted. Open (after `failureThreshold` of them): attempts fail fast for `openMs`. Then half-open: one attempt (the
 * probe) goes through, others fail fast; its success closes the breaker, its failure opens it for another `openMs`.
 */
export interface CircuitBreaker {
  admit(): BreakerAdmission;
  /** The attempt got an answer that proves the upstream works (any answer but a 5xx). */
  succeeded(): void;
  /** The attempt timed out, could not connect, or got a 5xx. */
  failed(): void;
  /** For logs and tests. */
  state(): 'closed' | 'open' | 'half-open';
}

export interface CircuitBreakerOptions {
  failureThreshold: number;
  openMs: number;
  /** @default Date.now */
  now?: () => number;
}

export function createCircuitBreaker(options: CircuitBreakerOptions): CircuitBreaker {
  const { failureThreshold, openMs } = options;
  if (!Number.isInteger(failureThreshold) || failureThreshold < 1) throw new TypeError(`createCircuitBreaker expects failureThreshold to be an integer >= 1, got ${String(failureThreshold)}`);
  if (!Number.isInteger(openMs) || openMs < 1) throw new TypeError(`createCircuitBreaker expects openMs to be an integer >= 1, got ${String(openMs)}`);
  const now = options.now ?? Date.now;
  let failures = 0;
  let openUntil = 0; // 0: closed
  let probing = false;

  const state = (): 'closed' | 'open' | 'half-open' => (openUntil === 0 ? 'closed' : now() < openUntil || probing ? 'open' : 'half-open');

  return {
    admit() {
      if (openUntil === 0) return { allowed: true };
      const at = now();
      if (at < openUntil || probing) return { allowed: false, retryAfterMs: Math.max(1, openUntil - at) };
      probing = true; // this attempt is the probe
      return { allowed: true };
    },
    succeeded() {
      failures = 0;
      openUntil = 0;
      probing = false;
    },
    failed() {
      failures++;
      if (probing || failures >= failureThreshold) {
        openUntil = now() + openMs;
        probing = false;
      }
    },
    state,
  };
}
