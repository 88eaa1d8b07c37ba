import { once } from '../lib/disposable';
import type { Clock } from './clock';
import { systemClock } from './clock';
import type { EventBus } from './event-bus';
import type { DomainEvent } from './event-model';
import type { AppendResult, EventLog } from './event-log';
import { EventLogUnavailableError } from './event-log';
import type { LogPosition } from './event-cursor';
import { encodeCursor } from './event-cursor';
import { assertPositiveSeconds, planRead, publicationPayload, serializeEvent, toStoredEvent } from './event-log-support';
import type { LogStream } from './log-streams';
import { homeOf, indexesOf, streamName } from './log-streams';
import { PositionList } from './position-list';
import type { Topics } from './topics';

export interface InMemoryEventLogOptions {
  /** Where stored events are published (topics.channelsForEvent). Borrowed. */
  bus: EventBus;
  topics: Topics;
  retentionSeconds: number;
  dedupeTtlSeconds: number;
  /** @default systemClock */
  clock?: Clock;
}

/** An event in its home stream. */
interface Entry {
  position: LogPosition;
  cursor: string;
  event: DomainEvent;
  json: string;
}

/** A position in a stream: the entry itself (home stream) or a reference to it (phone and all-events index). */
interface Item {
  position: LogPosition;
  cursor: string;
  entry: Entry;
}

interface Stream {
  items: PositionList<Item>;
  last: LogPosition;
}

/**
 * The event log of a single instance (no REDIS_URL): same contract and layout as the Redis log (log-streams.ts: a home
 * stream per group, an index per phone number and one of all events, each with its own positions and cursors), held in
 * process memory and bounded by retention. Storing and queueing the publications happen in one synchronous step, so
 * concurrent appends publish in log order on every channel, and no index ever lags behind its home stream.
 */
export function createInMemoryEventLog(options: InMemoryEventLogOptions): EventLog {
  assertPositiveSeconds('createInMemoryEventLog', 'retentionSeconds', options.retentionSeconds);
  assertPositiveSeconds('createInMemoryEventLog', 'dedupeTtlSeconds', options.dedupeTtlSeconds);
  const { bus, topics, retentionSeconds } = options;
  const clock = options.clock ?? systemClock;
  const retentionMs = retentionSeconds * 1000;
  const dedupeTtlMs = options.dedupeTtlSeconds * 1000;

  const streams = new Map<string, Stream>();
  /** Event id → expiry; insertion order is expiry order while the clock moves forward. */
  const seen = new Map<string, number>();
  let disposed = false;

  function streamOf(stream: LogStream): Stream {
    const name = streamName(stream);
    let found = streams.get(name);
    if (found === undefined) {
      found = { items: new PositionList<Item>(), last: { ms: 0, seq: 0 } };
      streams.set(name, found);
    }
    return found;
  }

  /** Adds at `max(now, last + 1)`, the rule Redis' scripts follow, and returns the new item. */
  function add(stream: LogStream, nowMs: number, entryOf: (position: LogPosition, cursor: string) => Entry): Item {
    const target = streamOf(stream);
    const position = nowMs > target.last.ms ? { ms: nowMs, seq: 0 } : { ms: target.last.ms, seq: target.last.seq + 1 };
    target.last = position;
    const cursor = encodeCursor(stream, position);
    const item: Item = { position, cursor, entry: entryOf(position, cursor) };
    target.items.push(item);
    return item;
  }

  function prune(nowMs: number): void {
    for (const [id, expiresAt] of seen) {
      if (expiresAt > nowMs) break;
      seen.delete(id);
    }
    // Every event is in the all-events index: what it drops says which other streams have expired items at their head.
    const expired = (item: Item) => item.position.ms < nowMs - retentionMs;
    for (const { entry } of streams.get(streamName({ kind: 'all' }))?.items.trimWhile(expired) ?? []) {
      for (const stream of [homeOf(entry.event), ...indexesOf(entry.event)]) {
        const name = streamName(stream);
        const list = streams.get(name);
        list?.items.trimWhile(expired);
        // The stream's last position is forgotten with it, like Redis' key expiry: new positions still grow with the clock.
        if (list !== undefined && list.items.size === 0 && list.last.ms < nowMs - retentionMs) streams.delete(name);
      }
    }
  }

  const disposer = once(async () => {
    disposed = true;
  });

  return {
    async append(events): Promise<AppendResult> {
      if (disposed) throw new EventLogUnavailableError(new Error('The in-memory event log was disposed'));
      const nowMs = clock.now();
      prune(nowMs);
      const added: { stream: LogStream; item: Item }[] = [];
      const stored: Entry[] = [];
      const duplicates: DomainEvent[] = [];
      const publications: Promise<void>[] = [];
      for (const event of events) {
        const seenUntil = seen.get(event.id);
        if (seenUntil !== undefined && seenUntil > nowMs) {
          duplicates.push(event);
          continue;
        }
        seen.delete(event.id); // re-inserted below, at the end of the expiry order
        seen.set(event.id, nowMs + dedupeTtlMs);
        const home = homeOf(event);
        const json = serializeEvent(event);
        const homeItem = add(home, nowMs, (position, cursor) => ({ position, cursor, event, json }));
        const { entry } = homeItem;
        stored.push(entry);
        added.push({ stream: home, item: homeItem });
        // Queued synchronously, in each stream's order, before another append can run.
        if (event.groupId !== null) publications.push(bus.publish(topics.group(event.groupId), publicationPayload(json, entry.cursor)));
        for (const index of indexesOf(event)) {
          const item = add(index, nowMs, () => entry);
          added.push({ stream: index, item });
          const channel = index.kind === 'phone' ? topics.phoneNumber(index.id) : topics.allEvents();
          publications.push(bus.publish(channel, publicationPayload(json, item.cursor)));
        }
      }
      try {
        await Promise.all(publications);
      } catch (error) {
        for (const { stream, item } of added.reverse()) streams.get(streamName(stream))?.items.removeNewest(item);
        for (const entry of stored) seen.delete(entry.event.id);
        throw new EventLogUnavailableError(error);
      }
      return { stored: stored.map((entry) => toStoredEvent(entry.json, entry.cursor)), duplicates };
    },

    async read(query) {
      const nowMs = clock.now();
      const plan = planRead(query, nowMs, retentionSeconds);
      if (disposed) throw new EventLogUnavailableError(new Error('The in-memory event log was disposed'));
      const matches: Item[] = [];
      for (const item of streams.get(streamName(plan.stream))?.items.from(plan.after, plan.oldest) ?? []) {
        const { event } = item.entry;
        if (plan.types !== null && !plan.types.has(event.type)) continue;
        if (plan.phoneNumberId !== null && event.phoneNumberId !== plan.phoneNumberId) continue;
        matches.push(item);
        if (matches.length > plan.limit) break;
      }
      return {
        events: matches.slice(0, plan.limit).map((item) => toStoredEvent(item.entry.json, item.cursor)),
        hasMore: matches.length > plan.limit,
      };
    },

    async ping() {
      if (disposed) throw new EventLogUnavailableError(new Error('The in-memory event log was disposed'));
    },

    dispose: disposer.dispose,
  };
}
