import { once } from '../lib/disposable';
import type { Clock } from './clock';
import { systemClock } from './clock';
import type { EventBus } from './event-bus';
import type { DomainEvent } from './event-model';
import type { AppendResult, EventLog } from './event-log';
import { EventLogUnavailableError } from './event-log';
import type { LogPosition } from './event-cursor';
import { encodeCursor } from './event-cursor';
import type { ReadPlan } from './event-log-support';
import { assertPositiveSeconds, planRead, publicationPayload, serializeEvent, toStoredEvent } from './event-log-support';
import { PositionList } from './position-list';
import type { Topics } from './topics';
import { channelsForEvent } from './topics';

export interface InMemoryEventLogOptions {
  /** Where stored events are published (topics.channelsForEvent). Borrowed. */
  bus: EventBus;
  topics: Topics;
  retentionSeconds: number;
  dedupeTtlSeconds: number;
  /** @default systemClock */
  clock?: Clock;
}

interface Entry {
  position: LogPosition;
  cursor: string;
  event: DomainEvent;
  json: string;
}

/**
 * The event log of a single instance (no REDIS_URL): same contract as the Redis log, held in process memory and
 * bounded by retention. Storing and queueing the publications happen in one synchronous step, so concurrent
 * appends publish in log order.
 */
export function createInMemoryEventLog(options: InMemoryEventLogOptions): EventLog {
  assertPositiveSeconds('createInMemoryEventLog', 'retentionSeconds', options.retentionSeconds);
  assertPositiveSeconds('createInMemoryEventLog', 'dedupeTtlSeconds', options.dedupeTtlSeconds);
  const { bus, topics, retentionSeconds } = options;
  const clock = options.clock ?? systemClock;
  const retentionMs = retentionSeconds * 1000;
  const dedupeTtlMs = options.dedupeTtlSeconds * 1000;

  const all = new PositionList<Entry>();
  const byGroup = new Map<string, PositionList<Entry>>();
  const byPhone = new Map<string, PositionList<Entry>>();
  /** Event id → expiry; insertion order is expiry order while the clock moves forward. */
  const seen = new Map<string, number>();
  let lastPosition: LogPosition = { ms: 0, seq: 0 };
  let disposed = false;

  function nextPosition(nowMs: number): LogPosition {
    lastPosition = nowMs > lastPosition.ms ? { ms: nowMs, seq: 0 } : { ms: lastPosition.ms, seq: lastPosition.seq + 1 };
    return lastPosition;
  }

  function prune(nowMs: number): void {
    for (const [id, expiresAt] of seen) {
      if (expiresAt > nowMs) break;
      seen.delete(id);
    }
    const dropped = all.trimWhile((entry) => entry.position.ms < nowMs - retentionMs);
    for (const entry of dropped) {
      if (entry.event.groupId !== null) trimIndex(byGroup, entry.event.groupId, entry);
      if (entry.event.phoneNumberId !== null) trimIndex(byPhone, entry.event.phoneNumberId, entry);
    }
  }

  function store(entry: Entry): void {
    all.push(entry);
    if (entry.event.groupId !== null) indexFor(byGroup, entry.event.groupId).push(entry);
    if (entry.event.phoneNumberId !== null) indexFor(byPhone, entry.event.phoneNumberId).push(entry);
  }

  function unstore(entries: readonly Entry[]): void {
    for (const entry of entries) {
      all.removeNewest(entry);
      if (entry.event.groupId !== null) byGroup.get(entry.event.groupId)?.removeNewest(entry);
      if (entry.event.phoneNumberId !== null) byPhone.get(entry.event.phoneNumberId)?.removeNewest(entry);
      seen.delete(entry.event.id);
    }
  }

  function listFor(plan: ReadPlan): PositionList<Entry> | undefined {
    if (plan.groupId !== null) return byGroup.get(plan.groupId);
    if (plan.phoneNumberId !== null) return byPhone.get(plan.phoneNumberId);
    return all;
  }

  const disposer = once(async () => {
    disposed = true;
  });

  return {
    async append(events): Promise<AppendResult> {
      if (disposed) throw new EventLogUnavailableError(new Error('The in-memory event log was disposed'));
      const nowMs = clock.now();
      prune(nowMs);
      const entries: Entry[] = [];
      const duplicates: DomainEvent[] = [];
      for (const event of events) {
        const seenUntil = seen.get(event.id);
        if (seenUntil !== undefined && seenUntil > nowMs) {
          duplicates.push(event);
          continue;
        }
        seen.delete(event.id); // re-inserted below, at the end of the expiry order
        const position = nextPosition(nowMs);
        const entry: Entry = { position, cursor: encodeCursor(position), event, json: serializeEvent(event) };
        seen.set(event.id, nowMs + dedupeTtlMs);
        store(entry);
        entries.push(entry);
      }
      // Queued synchronously, in log order, before another append can run.
      const publications = entries.flatMap((entry) =>
        channelsForEvent(topics, entry.event).map((channel) => bus.publish(channel, publicationPayload(entry.json, entry.cursor))),
      );
      try {
        await Promise.all(publications);
      } catch (error) {
        unstore(entries);
        throw new EventLogUnavailableError(error);
      }
      return { stored: entries.map((entry) => toStoredEvent(entry.json, entry.cursor)), duplicates };
    },

    async read(query) {
      const nowMs = clock.now();
      const plan = planRead(query, nowMs, retentionSeconds);
      if (disposed) throw new EventLogUnavailableError(new Error('The in-memory event log was disposed'));
      const matches: Entry[] = [];
      for (const entry of listFor(plan)?.from(plan.after, plan.oldest) ?? []) {
        if (plan.types !== null && !plan.types.has(entry.event.type)) continue;
        if (plan.phoneNumberId !== null && entry.event.phoneNumberId !== plan.phoneNumberId) continue;
        matches.push(entry);
        if (matches.length > plan.limit) break;
      }
      return {
        events: matches.slice(0, plan.limit).map((entry) => toStoredEvent(entry.json, entry.cursor)),
        hasMore: matches.length > plan.limit,
      };
    },

    async ping() {
      if (disposed) throw new EventLogUnavailableError(new Error('The in-memory event log was disposed'));
    },

    dispose: disposer.dispose,
  };
}

function indexFor(index: Map<string, PositionList<Entry>>, key: string): PositionList<Entry> {
  let list = index.get(key);
  if (list === undefined) {
    list = new PositionList<Entry>();
    index.set(key, list);
  }
  return list;
}

function trimIndex(index: Map<string, PositionList<Entry>>, key: string, entry: Entry): void {
  const list = index.get(key);
  if (list === undefined) return;
  list.trimWhile((item) => item === entry);
  if (list.size === 0) index.delete(key);
}
