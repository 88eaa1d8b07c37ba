import type { GatewayContext } from '../../context';
import type { Loaders } from '../../loaders/create-loaders';

/**
 * What the event and operation resolvers need beyond GatewayContext: a way to make fresh loaders with the
 * request's options, so each emitted subscription event reads the group as it is now, not as the first event of
 * a long-lived subscription cached it.
 */
export interface EventResolverContext extends GatewayContext {
  createLoaders(): Loaders;
}

/** Throws the wiring mistake with its fix, instead of serving stale data from a subscription-long loader. */
export function assertEventResolverContext(context: GatewayContext): asserts context is EventResolverContext {
  const candidate = context as Partial<EventResolverContext>;
  if (typeof candidate.createLoaders !== 'function' || typeof context.events !== 'object' || context.events === null) {
    throw new TypeError(
      `Subscriptions expect the GraphQL context to have events (EventServices) and createLoaders() (fresh Loaders), got events: ${typeof context.events}, createLoaders: ${typeof candidate.createLoaders}; add both in the context factory.`,
    );
  }
}
