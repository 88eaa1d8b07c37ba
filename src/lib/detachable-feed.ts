/**
 * A subscription source whose feed can be stopped while the subscription itself, and what it holds (a per-key
 * slot), goes on until return(). The WebSocket broadcast runs one source per group of equal subscriptions: every
 * other member was set up through its own source (scope, tenancy, slot, as any subscriber), then detaches that
 * source's feed so no event is queued, checked or executed for it twice.
 */
export const DETACH_FEED: unique symbol = Symbol('detach subscription feed');

export interface DetachableFeed {
  /**
   * Stops the feed (the event stream unsubscribes and drops what it holds); return() still has to be called to end
   * the subscription. Resolves false when the source had already ended.
   */
  [DETACH_FEED](): Promise<boolean>;
}

export function canDetachFeed(value: unknown): value is DetachableFeed {
  return typeof value === 'object' && value !== null && typeof (value as Partial<DetachableFeed>)[DETACH_FEED] === 'function';
}
