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

/**
 * A subscription source that can say when it has caught up: a replaying subscription (`after`) reads its part of
 * the log first, and only once it is live, with nothing held for the consumer, may it hand over to a broadcast
 * group. Forwarded by every wrapper between the event stream and the broadcast (failure payload, tenancy guard).
 */
export const FEED_CAUGHT_UP: unique symbol = Symbol('subscription feed caught up');

export interface CatchUpFeed {
  /**
   * While the feed is live (its replay done) and holds no event for the consumer: the cursor of the last event the
   * consumer took (or the one it started after; null for none), i.e. everything up to it has been handed out and
   * nothing after it has. Otherwise (replaying, events queued or held, ended) null.
   */
  [FEED_CAUGHT_UP](): { after: string | null } | null;
}

export function canReportCatchUp(value: unknown): value is CatchUpFeed {
  return typeof value === 'object' && value !== null && typeof (value as Partial<CatchUpFeed>)[FEED_CAUGHT_UP] === 'function';
}
