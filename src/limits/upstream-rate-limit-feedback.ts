import { ensureError } from '../lib/errors';
import type { Logger } from '../lib/logger';
import type { UpstreamHooks } from '../upstream/types';
import type { RateLimiter } from './rate-limiter';

export interface UpstreamRateLimitFeedback {
  /** For the view of the Groups API client that one key's requests use (`GroupsApiClient.withHooks`): its throttles block `subject` (`key:<id>`). */
  hooksFor(subject: string): UpstreamHooks;
}

/**
 * Meta throttles per business number and app; a client that keeps calling after a throttle gets the number
 * blocked for longer. So a throttled answer blocks the key that caused it in our own limiter for Meta's
 * Retry-After (or `fallbackSeconds`): that key's next requests get RATE_LIMITED here, before reaching Meta.
 * Each key's requests call Meta through their own view of the client, made with these hooks: only that key's
 * calls can charge it.
 */
export function createUpstreamRateLimitFeedback(options: { limiter: RateLimiter; fallbackSeconds: number; logger: Logger }): UpstreamRateLimitFeedback {
  const { limiter, fallbackSeconds, logger } = options;
  return {
    hooksFor(subject) {
      return {
        onRateLimited(error) {
          const seconds = error.retryAfterSeconds ?? fallbackSeconds;
          logger.warn({ subject, seconds, upstreamCode: error.code, httpStatus: error.httpStatus }, 'upstream throttled a key; blocking it in the gateway limiter');
          // Recorded without holding the call: the caller's answer does not wait on the limiter.
          limiter.block(subject, seconds).catch((blockError: unknown) => {
            logger.warn({ err: ensureError(blockError), subject }, 'could not record an upstream throttle in the rate limiter');
          });
        },
      };
    },
  };
}
