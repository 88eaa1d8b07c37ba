import type { EventLogFilter } from '../event-log';
import type { StoredEvent } from '../event-model';
import type { Topics } from '../topics';

/**
 * The one bus channel that carries every event the filter can match, chosen narrowest first, so an instance
 * receives only what its subscribers need: a group's channel, else a phone number's, else the all-events channel.
 */
export function channelForFilter(topics: Topics, filter: EventLogFilter): string {
  if (filter.groupId != null) return topics.group(filter.groupId);
  if (filter.phoneNumberId != null) return topics.phoneNumber(filter.phoneNumberId);
  return topics.allEvents();
}

/** The filter as EventLog.read applies it (an empty `types` list means every type), for events from the bus. */
export function createEventMatcher(filter: EventLogFilter): (event: StoredEvent) => boolean {
  const groupId = filter.groupId ?? null;
  const phoneNumberId = filter.phoneNumberId ?? null;
  const types = filter.types == null || filter.types.length === 0 ? null : new Set<string>(filter.types);
  return (event) =>
    (groupId === null || event.groupId === groupId) &&
    (phoneNumberId === null || event.phoneNumberId === phoneNumberId) &&
    (types === null || types.has(event.type));
}
