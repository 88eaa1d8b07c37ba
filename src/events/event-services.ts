import type { EventBus } from './event-bus';
import type { EventLog } from './event-log';
import type { EventDecoder } from './stream/event-decoder';
import { createEventDecoder } from './stream/event-decoder';
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
}

/** The instance's EventServices, with one shared decoder. Build it once, next to the log and the bus. */
export function createEventServices(options: Omit<EventServices, 'decoder'>): EventServices {
  if (!Number.isInteger(options.subscriberQueueLimit) || options.subscriberQueueLimit < 1) {
    throw new TypeError(
      `createEventServices expects subscriberQueueLimit to be an integer >= 1, got ${JSON.stringify(options.subscriberQueueLimit)}; pass config.subscriptions.queueLimit.`,
    );
  }
  return { ...options, decoder: createEventDecoder() };
}
