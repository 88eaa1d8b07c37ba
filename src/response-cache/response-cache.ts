import type { TaggedCache, TaggedCacheChange, TaggedCacheTicket } from './tagged-cache';
import { createTaggedCache } from './tagged-cache';
import type { Clock } from '../events/clock';

/** An answer as it was sent: the exact bytes (encoded once, not on every hit) and their media type. */
export interface CachedResponse {
  readonly body: Buffer;
  readonly contentType: string;
  /** The operation that produced it (its name, null when anonymous): a hit is reported as that query. */
  readonly operationName: string | null;
}

/** Whole GraphQL answers, per instance, tagged with what they read. */
export type ResponseCache = TaggedCache<CachedResponse>;
export type ResponseCacheTicket = TaggedCacheTicket;
export type ResponseCacheChange = TaggedCacheChange;

export function createResponseCache(options: { maxBytes: number; ttlMs: number; maxRememberedTags?: number; clock?: Clock }): ResponseCache {
  return createTaggedCache<CachedResponse>({ ...options, name: 'createResponseCache', sizeOf: (response) => response.body.byteLength });
}
