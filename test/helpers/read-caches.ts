import type { Gateway } from '../../src/gateway';
import type { ResponseCacheChange } from '../../src/response-cache/response-cache';
import { groupTag, listTag } from '../../src/response-cache/read-change';

type Caches = NonNullable<Gateway['readCaches']>;

export function readCachesOf(gateway: Gateway): Caches {
  if (gateway.readCaches === null) throw new Error('readCachesOf: the gateway is not started');
  return gateway.readCaches;
}

/** Query executions Apollo ran for HTTP requests on this gateway: a response cache hit runs none. */
export function executionsOf(gateway: Gateway): number {
  const route = gateway.http?.responseCache;
  if (route === null || route === undefined) throw new Error('executionsOf: the gateway has no response cache route');
  return route.stats.executions;
}

/**
 * Resolves on the next change of the gateway's response cache that matches: an invalidation naming one of the tags
 * (`group:<id>` / `list:<phone>` given as a group id or phone number through groupTag/listTag), or a clear.
 * Register before causing the change.
 */
export function nextResponseCacheChange(gateway: Gateway, matches: (change: ResponseCacheChange) => boolean): Promise<ResponseCacheChange> {
  const { responses } = readCachesOf(gateway);
  return new Promise((resolve) => {
    const stop = responses.onChange((change) => {
      if (!matches(change)) return;
      stop();
      resolve(change);
    });
  });
}

export const invalidatesGroup =
  (groupId: string) =>
  (change: ResponseCacheChange): boolean =>
    'tags' in change && change.tags.includes(groupTag(groupId));

export const invalidatesList =
  (phoneNumberId: string) =>
  (change: ResponseCacheChange): boolean =>
    'tags' in change && change.tags.includes(listTag(phoneNumberId));

export const clearsAll = (change: ResponseCacheChange): boolean => 'all' in change;
