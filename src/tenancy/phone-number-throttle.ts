import { RateLimitedError } from '../errors/gateway-errors';
import { ensureError } from '../lib/errors';
import type { Logger } from '../lib/logger';
import type { RateLimiter } from '../limits/rate-limiter';
import type { GroupsApi } from '../upstream/types';
import { UpstreamError } from '../upstream/upstream-error';
import type { GroupOwnerRegistry } from './group-owner-registry';

export interface PhoneNumberThrottleOptions {
  limiter: RateLimiter;
  /** Who owns a group, for calls that name only the group. */
  registry: GroupOwnerRegistry;
  /** Seconds a throttled number is blocked when Meta sends no Retry-After. */
  fallbackSeconds: number;
  logger: Logger;
}

/** The limiter subject of a business phone number: shared by every key that acts for it. */
export const phoneNumberSubject = (phoneNumberId: string): string => `number:${phoneNumberId}`;

/**
 * Meta throttles per business number: after a throttle every key acting for that number would be throttled too,
 * and each further call lengthens Meta's block. So a throttled call blocks its number in the gateway's limiter for
 * Meta's Retry-After (or `fallbackSeconds`), and while it lasts every call for that number (phone-number calls, and
 * group calls whose owner is known) is answered RATE_LIMITED with `retryAfterSeconds` without reaching Meta, for
 * every key. A limiter or registry failure lets the call through: the throttle protects, it must not cause an outage.
 */
export function throttleByPhoneNumber(api: GroupsApi, options: PhoneNumberThrottleOptions): GroupsApi {
  const { limiter, registry, fallbackSeconds, logger } = options;

  const ownersOf = async (groupIds: readonly string[]): Promise<string[]> => {
    try {
      return [...new Set((await registry.owners(groupIds)).values())];
    } catch (error) {
      logger.warn({ err: ensureError(error) }, 'could not look up group owners for the per-number throttle; calling without it');
      return [];
    }
  };

  const refuseIfBlocked = async (numbers: readonly string[]): Promise<void> => {
    for (const number of numbers) {
      let seconds = 0;
      try {
        seconds = await limiter.blockedFor(phoneNumberSubject(number));
      } catch (error) {
        logger.warn({ err: ensureError(error) }, 'rate limiter unavailable for the per-number throttle; calling without it');
        return;
      }
      if (seconds > 0) {
        throw new RateLimitedError(`The Groups API throttled phone number ${number}; retry after ${seconds} second${seconds === 1 ? '' : 's'}`, { retryAfterSeconds: seconds });
      }
    }
  };

  const block = (numbers: readonly string[], error: UpstreamError): void => {
    const seconds = error.retryAfterSeconds ?? fallbackSeconds;
    for (const number of numbers) {
      logger.warn({ phoneNumberId: number, seconds, upstreamCode: error.code }, 'upstream throttled a phone number; blocking its calls in the gateway limiter');
      limiter.block(phoneNumberSubject(number), seconds).catch((blockError: unknown) => {
        logger.warn({ err: ensureError(blockError), phoneNumberId: number }, 'could not record a per-number throttle in the rate limiter');
      });
    }
  };

  /** Runs one call for these numbers: refused while one is blocked, and blocking them when Meta throttles it. */
  const guarded = async <T>(numbers: readonly string[], call: () => Promise<T>): Promise<T> => {
    await refuseIfBlocked(numbers);
    try {
      const answer = await call();
      if (Array.isArray(answer)) {
        const throttled = answer.find((item): item is UpstreamError => item instanceof UpstreamError && item.isRateLimited);
        if (throttled !== undefined) block(numbers, throttled);
      }
      return answer;
    } catch (error) {
      if (error instanceof UpstreamError && error.isRateLimited && error.httpStatus !== null) block(numbers, error);
      throw error;
    }
  };
  const forNumber = <T>(phoneNumberId: string, call: () => Promise<T>): Promise<T> => guarded([phoneNumberId], call);
  const forGroups = async <T>(groupIds: readonly string[], call: () => Promise<T>): Promise<T> => guarded(await ownersOf(groupIds), call);

  return {
    createGroup: (phoneNumberId, request) => forNumber(phoneNumberId, () => api.createGroup(phoneNumberId, request)),
    listGroups: (phoneNumberId, page) => forNumber(phoneNumberId, () => api.listGroups(phoneNumberId, page)),
    sendGroupMessage: (phoneNumberId, groupId, message) => forNumber(phoneNumberId, () => api.sendGroupMessage(phoneNumberId, groupId, message)),
    getGroup: (groupId, fields) => forGroups([groupId], () => api.getGroup(groupId, fields)),
    getGroups: (groupIds, fields, fetchOptions) => forGroups(groupIds, () => api.getGroups(groupIds, fields, fetchOptions)),
    updateGroupSettings: (groupId, request) => forGroups([groupId], () => api.updateGroupSettings(groupId, request)),
    deleteGroup: (groupId) => forGroups([groupId], () => api.deleteGroup(groupId)),
    removeParticipants: (groupId, users) => forGroups([groupId], () => api.removeParticipants(groupId, users)),
    getInviteLink: (groupId) => forGroups([groupId], () => api.getInviteLink(groupId)),
    resetInviteLink: (groupId) => forGroups([groupId], () => api.resetInviteLink(groupId)),
    deleteInviteLink: (groupId) => forGroups([groupId], () => api.deleteInviteLink(groupId)),
    listJoinRequests: (groupId, page) => forGroups([groupId], () => api.listJoinRequests(groupId, page)),
    approveJoinRequests: (groupId, ids) => forGroups([groupId], () => api.approveJoinRequests(groupId, ids)),
    rejectJoinRequests: (groupId, ids) => forGroups([groupId], () => api.rejectJoinRequests(groupId, ids)),
    // A batch names its groups only in relative URLs; getGroups (its one caller above the client) is guarded.
    sendGroupInviteTemplate: (phoneNumberId, request) => forNumber(phoneNumberId, () => api.sendGroupInviteTemplate(phoneNumberId, request)),
    uploadMedia: (phoneNumberId, media) => forNumber(phoneNumberId, () => api.uploadMedia(phoneNumberId, media)),
    batch: (requests) => api.batch(requests),
    ping: () => api.ping(),
  };
}
