import { slotTagOf } from './log-streams';

/**
 * Bus channel names: the single source of truth for publishers (ingress, operations) and subscribers
 * (resolvers). One channel per group and per phone number, so an instance only receives what its
 * subscribers need. The prefix is ours: ioredis `keyPrefix` does not apply to pub/sub channels.
 *
 * Each event channel carries the hash tag of the stream whose script publishes it (`{g:<groupId>}`, `{p:<phone>}`,
 * `{a:}`, see log-streams.ts), on one server as on a cluster: a shard channel is only delivered by the master owning
 * its slot, and the payload's cursor is a position in that stream.
 */
export interface Topics {
  /** Every stored event of one group. Payload: a StoredEvent as JSON, its cursor in the group's stream. */
  group(groupId: string): string;
  /** Every stored event of one business phone number. Payload: a StoredEvent as JSON, its cursor in the phone's stream. */
  phoneNumber(phoneNumberId: string): string;
  /** Every stored event (subscriptions without a group or phone filter). Payload: a StoredEvent as JSON, its cursor in the all-events stream. */
  allEvents(): string;
  /** Changes of one async operation. Payload: a GroupOperation record as JSON. */
  operation(operationId: string): string;
  /** What a write changed, for every instance's read caches. Payload: `{ groupIds, listsOf }` as JSON. */
  readChanges(): string;
}

export function createTopics(prefix: string): Topics {
  return {
    group: (groupId) => `${prefix}${slotTagOf({ kind: 'group', id: groupId })}:events`,
    phoneNumber: (phoneNumberId) => `${prefix}${slotTagOf({ kind: 'phone', id: phoneNumberId })}:events`,
    allEvents: () => `${prefix}${slotTagOf({ kind: 'all' })}:events`,
    operation: (operationId) => `${prefix}operation:${operationId}`,
    readChanges: () => `${prefix}read-changes`,
  };
}

/**
 * Channels a stored event is published on: its group's (none for an event without a group), its phone number's (when
 * it has one) and the all-events channel. Each is published by a different step of the append (group first), each
 * payload with the cursor of that channel's stream; the order between channels is not fixed.
 */
export function channelsForEvent(topics: Topics, event: { groupId: string | null; phoneNumberId: string | null }): string[] {
  const channels = event.groupId === null ? [] : [topics.group(event.groupId)];
  if (event.phoneNumberId !== null) channels.push(topics.phoneNumber(event.phoneNumberId));
  channels.push(topics.allEvents());
  return channels;
}
