import type { Principal } from '../auth/api-key';
import { GatewayErrorCode } from '../errors/gateway-error-code';
import { GatewayError } from '../errors/gateway-errors';
import { ensureError } from '../lib/errors';
import type { Logger } from '../lib/logger';
import type { RateLimiter, RateLimitPolicy } from './rate-limiter';

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

export function createRequestAdmission(options: { limiter: RateLimiter; policy: RateLimitPolicy; logger: Logger; now?: () => number }): RequestAdmission {
  const { limiter, policy, logger } = options;
  const now = options.now ?? Date.now;
  let lastFailureLog = -Infinity;
  return {
    async admit(principal, transport) {
      if (principal.anonymous) return;
      const keyPolicy = principal.rateLimitPerMinute === null ? policy : scaledPolicy(policy, principal.rateLimitPerMinute);
      let decision;
      try {
        decision = await limiter.consume(`key:${principal.id}`, keyPolicy);
      } catch (error) {
        if (now() - lastFailureLog >= FAILURE_LOG_INTERVAL_MS) {
          lastFailureLog = now();
          logger.warn({ err: ensureError(error) }, 'rate limiter unavailable; admitting requests unlimited until it is back');
        }
        return;
      }
      if (decision.allowed) return;
      throw rateLimited(decision.retryAfterSeconds, transport);
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
