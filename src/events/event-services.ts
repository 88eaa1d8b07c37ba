import type { EventBus } from './event-bus';
import type { EventLog } from './event-log';
import type { EventDecoder } from './stream/event-decoder';
import { createEventDecoder } from './stream/event-decoder';
import type { StreamObserver } from './stream/stream-core';
import type { Topics } from './topics';

/** What the event resolvers need on the GraphQL context (`context.events`). All borrowed: nothing here is closed. */
export interface EventServices {
  log: EventLog;
  bus: EventBus;
  topics: Topics;
  /** Events a live subscriber may fall behind by before it is disconnected (config.subscriptions.queueLimit). */
  subscriberQueueLimit: number;
  /** Shared by every stream of the instance so each bus message is parsed once, not once per subscriber. */
  decoder?: EventDecoder;
  /** Told when each subscription stream starts and ends (metrics). @default none */
  streamObserver?: StreamObserver;
}

/** What an instance's event services tell (metrics). Must not throw. */
export interface EventServicesObserver extends StreamObserver {
  /** An event reached this instance's subscriptions from the bus (once per event, however many listen). */
  received(): void;
}

/** The instance's EventServices, with one shared decoder. Build it once, next to the log and the bus. */
export function createEventServices(options: Omit<EventServices, 'decoder' | 'streamObserver'> & { observer?: EventServicesObserver }): EventServices {
  if (!Number.isInteger(options.subscriberQueueLimit) || options.subscriberQueueLimit < 1) {
    throw new TypeError(
      `createEventServices expects subscriberQueueLimit to be an integer >= 1, got ${JSON.stringify(options.subscriberQueueLimit)}; pass config.subscriptions.queueLimit.`,
    );
  }
  const { observer, ...services } = options;
  if (observer === undefined) return { ...services, decoder: createEventDecoder() };
  return { ...services, decoder: createEventDecoder({ onDecoded: () => observer.received() }), streamObserver: observer };
}
