import type { PubSub } from 'type-graphql';

/**
 * type-graphql refuses to build a schema with subscriptions unless it has a PubSub, even when every subscription
 * brings its own `subscribe` (ours read the event bus and log). This one is never used, and says so if it is.
 */
export function createUnusedPubSub(): PubSub {
  const misuse = (): never => {
    throw new TypeError('type-graphql PubSub was used, expected every @Subscription to pass its own `subscribe`; use createEventStream or the event bus.');
  };
  return { publish: misuse, subscribe: misuse };
}
