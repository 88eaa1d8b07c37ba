import type { RedisClient } from './redis-client';
import { EVENT_LOG_SLOT, isCluster, slotTag } from './redis-client';
import { once } from '../lib/disposable';
import type { Clock } from './clock';
import { systemClock } from './clock';
import type { DomainEvent, StoredEvent } from './event-model';
import type { AppendResult, EventLog, EventLogPage } from './event-log';
import { EventLogUnavailableError } from './event-log';
import { encodeCursor, formatPosition, parsePosition } from './event-cursor';
import type { ReadPlan } from './event-log-support';
import { assertPositiveSeconds, planRead, serializeEvent, toStoredEvent } from './event-log-support';
import { APPEND_SCRIPT, READ_SCRIPT } from './redis-event-log.scripts';
import type { Topics } from './topics';
import { channelsForEvent } from './topics';

export interface RedisEventLogOptions {
  /** The commands connection. Borrowed: never quit here. */
  redis: RedisClient;
  topics: Topics;
  /** Prefix of every key (ours, not ioredis' keyPrefix), e.g. config.redis.keyPrefix. */
  keyPrefix: string;
  retentionSeconds: number;
  dedupeTtlSeconds: number;
  /** Source of entry ids and of the retention boundary. @default systemClock */
  clock?: Clock;
}

/** Entries one read script call may look at before handing back (bounds the time Redis is busy). */
const SCAN_BUDGET = 2_000;

/** `tag`: slotTag(redis, EVENT_LOG_SLOT), so that on a cluster every key one append touches is in one slot. */
export function eventLogKeys(keyPrefix: string, tag = '') {
  const base = `${keyPrefix}${tag}log:`;
  return {
    stream: `${base}all`,
    group: (groupId: string) => `${base}group:${groupId}`,
    phone: (phoneNumberId: string) => `${base}phone:${phoneNumberId}`,
    dedupe: (eventId: string) => `${base}seen:${eventId}`,
  };
}

/**
 * The event log on Redis Streams, shared by every instance: one global stream plus a per-group and a per-phone
 * index stream holding the same entry ids, so filtered reads only touch the matching entries. See
 * redis-event-log.scripts.ts for the atomic append (dedupe + store + publish in one script).
 */
export function createRedisEventLog(options: RedisEventLogOptions): EventLog {
  assertPositiveSeconds('createRedisEventLog', 'retentionSeconds', options.retentionSeconds);
  assertPositiveSeconds('createRedisEventLog', 'dedupeTtlSeconds', options.dedupeTtlSeconds);
  const { redis, topics, retentionSeconds } = options;
  const clock = options.clock ?? systemClock;
  const tag = slotTag(redis, EVENT_LOG_SLOT);
  const publishCommand = isCluster(redis) ? 'SPUBLISH' : 'PUBLISH';
  const keys = eventLogKeys(options.keyPrefix, tag);
  if (tag !== '' && !topics.allEvents().includes(tag)) {
    throw new Error(
      `createRedisEventLog: on a Redis Cluster the event channels must carry the log's hash tag; expected channels containing "${tag}", got "${topics.allEvents()}"; ` +
        `fix: createTopics(prefix, { eventSlotTag: slotTag(redis, EVENT_LOG_SLOT) }) (the append script publishes them from the log's slot)`,
    );
  }

  async function append(events: readonly DomainEvent[]): Promise<AppendResult> {
    if (events.length === 0) return { stored: [], duplicates: [] };
    const scriptKeys: string[] = [keys.stream];
    const args: (string | number)[] = [clock.now(), retentionSeconds * 1000, options.dedupeTtlSeconds * 1000, events.length, publishCommand];
    const jsons = events.map(serializeEvent);
    events.forEach((event, i) => {
      const phoneKey = event.phoneNumberId === null ? null : keys.phone(event.phoneNumberId);
      // An event without a group (a create refused before the group existed) has no group stream: the script
      // is handed another of its keys in that slot and writes none (groupId "").
      const groupKey = event.groupId === null ? (phoneKey ?? keys.stream) : keys.group(event.groupId);
      scriptKeys.push(keys.dedupe(event.id), groupKey, phoneKey ?? groupKey);
      const channels = channelsForEvent(topics, event);
      args.push(event.type, event.groupId ?? '', event.phoneNumberId ?? '', jsons[i], channels.length, ...channels);
    });
    let reply: unknown;
    try {
      reply = await APPEND_SCRIPT.run(redis, scriptKeys, args);
    } catch (error) {
      throw new EventLogUnavailableError(error);
    }
    const ids = Array.isArray(reply) ? reply.map(String) : [];
    if (ids.length !== events.length) throw new EventLogUnavailableError(new Error(`Unexpected append reply: ${JSON.stringify(reply)}`));
    const result: AppendResult = { stored: [], duplicates: [] };
    ids.forEach((id, i) => {
      const position = id === '' ? null : parsePosition(id);
      if (position === null) result.duplicates.push(events[i]);
      else result.stored.push(toStoredEvent(jsons[i], encodeCursor(position)));
    });
    return result;
  }

  async function read(plan: ReadPlan): Promise<EventLogPage> {
    const scanKey = plan.groupId !== null ? keys.group(plan.groupId) : plan.phoneNumberId !== null ? keys.phone(plan.phoneNumberId) : keys.stream;
    // The group index carries the phone number, so a group + phone filter is checked while scanning the group.
    const phoneFilter = plan.groupId !== null && plan.phoneNumberId !== null ? plan.phoneNumberId : '';
    const types = plan.types === null ? [] : [...plan.types];
    const events: StoredEvent[] = [];
    let start = plan.after === null ? formatPosition(plan.oldest) : `(${formatPosition(plan.after)}`;
    for (;;) {
      const wanted = plan.limit + 1 - events.length;
      const reply = await READ_SCRIPT.run(redis, [scanKey, keys.stream], [start, wanted, SCAN_BUDGET, phoneFilter, types.length, ...types]);
      const { found, last, exhausted } = parseReadReply(reply);
      for (const { id, json } of found) {
        const position = parsePosition(id);
        if (position !== null) events.push(toStoredEvent(json, encodeCursor(position)));
      }
      if (events.length > plan.limit || exhausted || last === '') break;
      start = `(${last}`;
    }
    return { events: events.slice(0, plan.limit), hasMore: events.length > plan.limit };
  }

  return {
    append,
    async read(query) {
      const plan = planRead(query, clock.now(), retentionSeconds);
      try {
        return await read(plan);
      } catch (error) {
        throw new EventLogUnavailableError(error);
      }
    },
    async ping() {
      try {
        await redis.ping();
      } catch (error) {
        throw new EventLogUnavailableError(error);
      }
    },
    // The connection is borrowed; there is nothing of our own to release.
    dispose: once(async () => undefined).dispose,
  };
}

function parseReadReply(reply: unknown): { found: { id: string; json: string }[]; last: string; exhausted: boolean } {
  if (!Array.isArray(reply) || reply.length !== 3 || !Array.isArray(reply[0])) {
    throw new Error(`Unexpected event log read reply: ${JSON.stringify(reply)}`);
  }
  const flat = reply[0] as unknown[];
  const found: { id: string; json: string }[] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) found.push({ id: String(flat[i]), json: String(flat[i + 1]) });
  return { found, last: String(reply[1]), exhausted: Number(reply[2]) === 1 };
}
