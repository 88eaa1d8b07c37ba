import { ensureError } from '../lib/errors';
import type { Logger } from '../lib/logger';
import { RateLimitedError } from '../errors/gateway-errors';
import type { RateLimiter, RateLimitPolicy } from './rate-limiter';

/** Who a WebSocket `connection_init` is counted against. */
export type ConnectionInitSubject = { keyId: string } | { address: string };

export interface ConnectionInitAdmission {
  /**
   * Counts one `connection_init` against its subject's rate: the API key it authenticated with, or, for one that
   * did not authenticate, the remote address it came from (so key guessing over fresh sockets is slowed too).
   * Throws RATE_LIMITED with `retryAfterSeconds` (the WebSocket server closes the socket with 4429).
   */
  admit(subject: ConnectionInitSubject): Promise<void>;
}

/** A failing limiter (Redis down) admits, and says so at most once a minute, as the request admission does. */
const FAILURE_LOG_INTERVAL_MS = 60_000;

export function createConnectionInitAdmission(options: { limiter: RateLimiter; policy: RateLimitPolicy; logger: Logger; now?: () => number }): ConnectionInitAdmission {
  const { limiter, policy, logger } = options;
  const now = options.now ?? Date.now;
  let lastFailureLog = -Infinity;
  return {
    async admit(subject) {
      const key = 'keyId' in subject ? `wsinit:key:${subject.keyId}` : `wsinit:address:${subject.address}`;
      let decision;
      try {
        decision = await limiter.consume(key, policy);
      } catch (error) {
        if (now() - lastFailureLog >= FAILURE_LOG_INTERVAL_MS) {
          lastFailureLog = now();
          logger.warn({ err: ensureError(error) }, 'rate limiter unavailable; admitting WebSocket connections unlimited until it is back');
        }
        return;
      }
      if (decision.allowed) return;
      const whose = 'keyId' in subject ? 'this API key' : 'this address';
      throw new RateLimitedError(`Too many WebSocket connections opened by ${whose}; retry after ${decision.retryAfterSeconds} s`, {
        limit: 'connectionInit',
        retryAfterSeconds: decision.retryAfterSeconds,
      });
    },
  };
}
