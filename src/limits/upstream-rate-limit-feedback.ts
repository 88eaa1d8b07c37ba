import { AsyncLocalStorage } from 'node:async_hooks';
import { ensureError } from '../lib/errors';
import type { Logger } from '../lib/logger';
import type { GroupsApi } from '../upstream/types';
import type { UpstreamError } from '../upstream/upstream-error';
import type { RateLimiter } from './rate-limiter';

export interface UpstreamRateLimitFeedback {
  /** For createGraphApiClient's `onRateLimited`: blocks the key whose call was throttled. Never throws. */
  onRateLimited(error: UpstreamError): void;
  /** The Groups API as one key's requests use it: each call is attributed to `subject` (`key:<id>`). */
  attribute(api: GroupsApi, subject: string): GroupsApi;
}

/**
 * Meta throttles per business number and app; a client that keeps calling after a throttle gets the number
 * blocked for longer. So a throttled answer blocks the key that caused it in our own limiter for Meta's
 * Retry-After (or `fallbackSeconds`): that key's next requests get RATE_LIMITED here, before reaching Meta.
 * The client's hook has no request context, so the calling key travels in AsyncLocalStorage.
 */
export function createUpstreamRateLimitFeedback(options: { limiter: RateLimiter; fallbackSeconds: number; logger: Logger }): UpstreamRateLimitFeedback {
  const { limiter, fallbackSeconds, logger } = options;
  const callers = new AsyncLocalStorage<string>();

  return {
    onRateLimited(error) {
      const subject = callers.getStore();
      if (subject === undefined) return; // a call outside any key's request (startup, health checks)
      const seconds = error.retryAfterSeconds ?? fallbackSeconds;
      logger.warn({ subject, seconds, upstreamCode: error.code, httpStatus: error.httpStatus }, 'upstream throttled a key; blocking it in the gateway limiter');
      limiter.block(subject, seconds).catch((blockError: unknown) => {
        logger.warn({ err: ensureError(blockError), subject }, 'could not record an upstream throttle in the rate limiter');
      });
    },
    attribute(api, subject) {
      return new Proxy(api, {
        get(target, property, receiver) {
          const value: unknown = Reflect.get(target, property, receiver);
          if (typeof value !== 'function') return value;
          return (...args: unknown[]) => callers.run(subject, () => (value as (...a: unknown[]) => unknown).apply(target, args));
        },
      });
    },
  };
}
