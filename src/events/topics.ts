/**
 * Bus channel names: the single source of truth for publishers (ingress, operations) and subscribers
 * (resolvers). One channel per group and per phone number, so an instance only receives what its
 * subscribers need. The prefix is ours: ioredis `keyPrefix` does not apply to pub/sub channels.
 */
export interface Topics {
  /** Every stored event of one group. Payload: a StoredEvent as JSON. */
  group(groupId: string): string;
  /** Every stored event of one business phone number. Payload: a StoredEvent as JSON. */
  phoneNumber(phoneNumberId: string): string;
  /** Every stored event (subscriptions without a group or phone filter). Payload: a StoredEvent as JSON. */
  allEvents(): string;
  /** Changes of one async operation. Payload: a GroupOperation record as JSON. */
  operation(operationId: string): string;
  /** What a write changed, for every instance's read caches. Payload: `{ groupIds, listsOf }` as JSON. */
  readChanges(): string;
}

export interface TopicsOptions {
  /**
   * A segment after the prefix of every event channel: on a Redis Cluster the event log's hash tag (`{log}:`, see
   * slotTag), because the log's append script publishes them and a shard channel must live in the script's slot.
   * @default '' (one server: the names stay what they always were)
   */
  eventSlotTag?: string;
}

export function createTopics(prefix: string, options: TopicsOptions = {}): Topics {
  const events = `${prefix}${options.eventSlotTag ?? ''}events:`;
  return {
    group: (groupId) => `${events}group:${groupId}`,
    phoneNumber: (phoneNumberId) => `${events}phone:${phoneNumberId}`,
    allEvents: () => `${events}all`,
    operation: (operationId) => `${prefix}operation:${operationId}`,
    readChanges: () => `${prefix}read-changes`,
  };
}

/** Channels a stored event is published on, in this order; an event without a group has no group channel. */
export function channelsForEvent(topics: Topics, event: { groupId: string | null; phoneNumberId: string | null }): string[] {
  const channels = event.groupId === null ? [] : [topics.group(event.groupId)];
  if (event.phoneNumberId !== null) channels.push(topics.phoneNumber(event.phoneNumberId));
  channels.push(topics.allEvents());
  return channels;
}
