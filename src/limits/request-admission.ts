import type { Principal } from '../auth/api-key';
import { GatewayErrorCode } from '../errors/gateway-error-code';
import { GatewayError } from '../errors/gateway-errors';
import { ensureError } from '../lib/errors';
import type { Logger } from '../lib/logger';
import type { RateLimitBatchDecision, RateLimiter, RateLimitPolicy } from './rate-limiter';

export interface RequestAdmission {
  /**
   * Counts one request (an HTTP request, or one operation on a WebSocket) against the key's rate. Throws
   * RATE_LIMITED with `retryAfterSeconds` (over HTTP also status 429 and `Retry-After`). The anonymous caller
   * (authentication off) is not limited: there is no key to limit.
   */
  admit(principal: Principal, transport: 'http' | 'ws'): Promise<void>;
}

/** A failing limiter (Redis down) lets requests through and says so, at most once a minute: limits protect, they must not cause an outage. */
const FAILURE_LOG_INTERVAL_MS = 60_000;

/** Admissions of one subject waiting for the limiter. */
interface Waiting {
  policy: RateLimitPolicy;
  waiters: { transport: 'http' | 'ws'; resolve: () => void; reject: (error: GatewayError) => void }[];
}

/**
 * Counts requests against their key's rate with at most one limiter call (one Redis round trip) in flight per key:
 * requests that arrive while one is out wait for it, then go together in one consumeMany, in their order of arrival.
 * A lone request goes at once. The answers are those of one call per request (GCRA decides the same for requests at
 * the same instant); a busy key costs one round trip per batch instead of one per request.
 */
export function createRequestAdmission(options: { limiter: RateLimiter; policy: RateLimitPolicy; logger: Logger; now?: () => number }): RequestAdmission {
  const { limiter, policy, logger } = options;
  const now = options.now ?? Date.now;
  let lastFailureLog = -Infinity;
  /** By subject and policy: the requests waiting for the call in flight to answer. */
  const queued = new Map<string, Waiting>();
  const inFlight = new Set<string>();

  const run = async (slot: string, subject: string, batch: Waiting): Promise<void> => {
    inFlight.add(slot);
    let decision: RateLimitBatchDecision;
    try {
      decision = await limiter.consumeMany(subject, batch.policy, batch.waiters.length);
    } catch (error) {
      if (now() - lastFailureLog >= FAILURE_LOG_INTERVAL_MS) {
        lastFailureLog = now();
        logger.warn({ err: ensureError(error) }, 'rate limiter unavailable; admitting requests unlimited until it is back');
      }
      decision = { admitted: batch.waiters.length, retryAfterSeconds: 0 };
    }
    batch.waiters.forEach((waiter, index) => {
      if (index < decision.admitted) waiter.resolve();
      else waiter.reject(rateLimited(decision.retryAfterSeconds, waiter.transport));
    });
    const next = queued.get(slot);
    if (next === undefined) {
      inFlight.delete(slot);
      return;
    }
    queued.delete(slot);
    void run(slot, subject, next);
  };

  return {
    admit(principal, transport) {
      if (principal.anonymous) return Promise.resolve();
      const keyPolicy = principal.rateLimitPerMinute === null ? policy : scaledPolicy(policy, principal.rateLimitPerMinute);
      const subject = `key:${principal.id}`;
      // A reloaded key with another rate is another queue: one call consumes under one policy.
      const slot = `${subject}|${keyPolicy.perMinute}|${keyPolicy.burst}`;
      return new Promise<void>((resolve, reject) => {
        const waiter = { transport, resolve, reject };
        if (!inFlight.has(slot)) {
          void run(slot, subject, { policy: keyPolicy, waiters: [waiter] });
          return;
        }
        const waiting = queued.get(slot);
        if (waiting === undefined) queued.set(slot, { policy: keyPolicy, waiters: [waiter] });
        else waiting.waiters.push(waiter);
      });
    },
  };
}

function rateLimited(retryAfterSeconds: number, transport: 'http' | 'ws'): GatewayError {
  return new GatewayError(`Too many requests for this API key; retry after ${retryAfterSeconds} second${retryAfterSeconds === 1 ? '' : 's'}`, {
    code: GatewayErrorCode.RATE_LIMITED,
    retryAfterSeconds,
    ...(transport === 'http' ? { http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) } } : {}),
  });
}

/** A key's own rate keeps the default burst-to-rate ratio. */
function scaledPolicy(policy: RateLimitPolicy, perMinute: number): RateLimitPolicy {
  return { perMinute, burst: Math.max(1, Math.round((policy.burst * perMinute) / policy.perMinute)) };
}
