import type Redis from 'ioredis';
import type { RedisClient } from './redis-client';
import { isCluster, masterFor } from './redis-client';
import { once } from '../lib/disposable';
import type { Clock } from './clock';
import { systemClock } from './clock';
import { encodeEventBody } from './event-codec';
import type { DomainEvent } from './event-model';
import type { AppendResult, EventLog } from './event-log';
import { EventLogUnavailableError } from './event-log';
import { cursorPrefix, encodeCursor, parsePosition } from './event-cursor';
import { assertPositiveSeconds, planRead, serializeEvent, toStoredEvent } from './event-log-support';
import type { HomeStream, IndexStream } from './log-streams';
import { homeOf, indexesOf, streamName } from './log-streams';
import type { IndexEntry } from './redis-event-index';
import { indexEntries } from './redis-event-index';
import { DEDUPE_DAY_MS, dedupeField, eventLogKeys } from './redis-event-log-keys';
import { eventTypeCode } from './event-type-codes';
import { HOME_APPEND_SCRIPT } from './redis-event-log.scripts';
import { createRedisEventLogReader } from './redis-event-log-reader';
import type { Topics } from './topics';

export interface RedisEventLogOptions {
  /** The commands connection (reads). Borrowed: never quit here. */
  redis: RedisClient;
  /**
   * The connection appends and their WAIT are sent on: WAIT blocks its connection until the replicas answer, so with
   * waitReplicas > 0 give the log one of its own (createRedisCommandConnection). Borrowed. @default redis
   */
  writer?: RedisClient;
  topics: Topics;
  /** Prefix of every key (ours, not ioredis' keyPrefix), e.g. config.redis.keyPrefix. */
  keyPrefix: string;
  retentionSeconds: number;
  dedupeTtlSeconds: number;
  /**
   * Replicas that must hold a delivery's writes before append resolves (WAIT on every master written), so an
   * acknowledged event survives a failover; fewer within `waitTimeoutMs` reject the append. 0: no WAIT.
   * @default 0
   */
  waitReplicas?: number;
  /** @default 500 */
  waitTimeoutMs?: number;
  /** Source of entry ids and of the retention boundary. @default systemClock */
  clock?: Clock;
}

interface HomeBatch {
  home: HomeStream;
  /** `at`: the event's place in the delivery. */
  events: { event: DomainEvent; json: string; at: number }[];
}

/**
 * The event log on Redis Streams, shared by every instance, laid out so each step touches one hash slot
 * (log-streams.ts, redis-event-log-keys.ts): an event is stored once, in its group's home stream, atomically with its
 * dedupe field (in the group's hash of the day) and its publication on the group channel; then references to it are
 * added to its phone number's index and to the all-events index, each step publishing on its own channel with a
 * cursor of its own stream. The index
 * steps are idempotent and repair gaps (indexEntries), and run for duplicates too, so a crash between the steps is
 * repaired by the provider's redelivery. append resolves only after every step and, with waitReplicas, after WAIT.
 */
export function createRedisEventLog(options: RedisEventLogOptions): EventLog {
  assertPositiveSeconds('createRedisEventLog', 'retentionSeconds', options.retentionSeconds);
  assertPositiveSeconds('createRedisEventLog', 'dedupeTtlSeconds', options.dedupeTtlSeconds);
  const waitReplicas = options.waitReplicas ?? 0;
  const waitTimeoutMs = options.waitTimeoutMs ?? 500;
  if (!Number.isInteger(waitReplicas) || waitReplicas < 0 || !Number.isInteger(waitTimeoutMs) || waitTimeoutMs < 1) {
    throw new TypeError(
      `createRedisEventLog expects waitReplicas to be an integer >= 0 and waitTimeoutMs an integer >= 1, got ${JSON.stringify({ waitReplicas, waitTimeoutMs })}; pass config.redis.wait.`,
    );
  }
  const { redis, topics, retentionSeconds } = options;
  const writer = options.writer ?? redis;
  const retentionMs = retentionSeconds * 1000;
  const dedupeTtlMs = options.dedupeTtlSeconds * 1000;
  const clock = options.clock ?? systemClock;
  const publishCommand = isCluster(writer) ? 'SPUBLISH' : 'PUBLISH';
  const keys = eventLogKeys(options.keyPrefix);

  /** Stores one home stream's events; returns their ids (fresh or the earlier one) and the stream's last id before. */
  async function appendHome(node: Redis, batch: HomeBatch, nowMs: number): Promise<{ previous: string; ids: string[]; fresh: boolean[] }> {
    const { home } = batch;
    const channel = home.kind === 'group' ? topics.group(home.id) : '';
    const today = Math.floor(nowMs / DEDUPE_DAY_MS);
    const todayExpireMs = (today + 1) * DEDUPE_DAY_MS - nowMs + dedupeTtlMs;
    const args: (string | number | Buffer)[] = [nowMs, retentionMs, dedupeTtlMs, todayExpireMs, publishCommand, channel, cursorPrefix(home), batch.events.length];
    for (const { event, json } of batch.events) args.push(dedupeField(event.id), eventTypeCode(event.type), event.phoneNumberId ?? '', encodeEventBody(json), json);
    // Today's hash first (the one written), then every other day that can hold an event stored within the TTL, and
    // tomorrow's (written by an instance whose clock is ahead).
    const otherDays: string[] = [];
    for (let day = Math.floor((nowMs - dedupeTtlMs) / DEDUPE_DAY_MS); day <= today + 1; day++) if (day !== today) otherDays.push(keys.dedupe(home, day));
    const scriptKeys = [keys.home(home), keys.dedupe(home, today), ...otherDays];
    const reply = await HOME_APPEND_SCRIPT.run(node, scriptKeys, args);
    if (!Array.isArray(reply) || reply.length !== 1 + batch.events.length * 2) throw new Error(`Unexpected append reply: ${JSON.stringify(reply)}`);
    const ids: string[] = [];
    const fresh: boolean[] = [];
    for (let i = 0; i < batch.events.length; i++) {
      ids.push(String(reply[1 + i * 2]));
      fresh.push(Number(reply[2 + i * 2]) === 1);
    }
    return { previous: String(reply[0]), ids, fresh };
  }

  /** The entries one index gets from one home batch: all of them in home order, each chained to the one before. */
  function entriesFor(index: IndexStream, batch: HomeBatch, stored: { previous: string; ids: string[]; fresh: boolean[] }): IndexEntry[] {
    const entries: IndexEntry[] = [];
    const seenIds = new Set<string>();
    let previousFresh = stored.previous;
    batch.events.forEach(({ event, json }, i) => {
      const id = stored.ids[i]!;
      if (seenIds.has(id)) return; // the same event twice in one delivery
      seenIds.add(id);
      const include = index.kind === 'all' || event.phoneNumberId === index.id;
      entries.push({ id, previous: stored.fresh[i] ? previousFresh : '?', include, type: eventTypeCode(event.type), json });
      if (stored.fresh[i]) previousFresh = id;
    });
    // Duplicates were stored before this delivery's fresh events: home order is id order.
    return entries.sort((a, b) => compareIds(a.id, b.id));
  }

  async function append(events: readonly DomainEvent[]): Promise<AppendResult> {
    if (events.length === 0) return { stored: [], duplicates: [] };
    const nowMs = clock.now();
    const batches = new Map<string, HomeBatch>();
    events.forEach((event, at) => {
      const home = homeOf(event);
      const name = streamName(home);
      const batch = batches.get(name) ?? { home, events: [] };
      batch.events.push({ event, json: serializeEvent(event), at });
      batches.set(name, batch);
    });
    const written = new Set<Redis>();
    /** Per event of the delivery: its new id in its group's stream, or null for a duplicate (of an earlier one too). */
    const storedIds: (string | null)[] = events.map(() => null);
    await Promise.all(
      [...batches.values()].map(async (batch) => {
        const homeNode = await masterFor(writer, keys.home(batch.home));
        const stored = await appendHome(homeNode, batch, nowMs);
        written.add(homeNode);
        batch.events.forEach(({ at }, i) => {
          if (stored.fresh[i]) storedIds[at] = stored.ids[i]!;
        });
        const indexes = new Map<string, IndexStream>();
        for (const { event } of batch.events) for (const index of indexesOf(event)) indexes.set(streamName(index), index);
        await Promise.all(
          [...indexes.values()].map(async (index) => {
            const node = await masterFor(writer, keys.index(index));
            const channel = index.kind === 'phone' ? topics.phoneNumber(index.id) : topics.allEvents();
            const belongs = index.kind === 'phone' ? (phone: string) => phone === index.id : () => true;
            await indexEntries(node, homeNode, batch.home, index, entriesFor(index, batch, stored), { keys, nowMs, retentionMs, publishCommand, channel, belongs });
            written.add(node);
          }),
        );
      }),
    );
    if (waitReplicas > 0) await Promise.all([...written].map((node) => waitForReplicas(node)));
    const result: AppendResult = { stored: [], duplicates: [] };
    for (const [at, event] of events.entries()) {
      const id = storedIds[at] ?? null;
      const position = id === null ? null : parsePosition(id);
      if (position === null) result.duplicates.push(event);
      else result.stored.push(toStoredEvent(serializeEvent(event), encodeCursor(homeOf(event), position)));
    }
    return result;
  }

  async function waitForReplicas(node: Redis): Promise<void> {
    const acknowledged = Number(await node.call('WAIT', waitReplicas, waitTimeoutMs));
    if (acknowledged < waitReplicas) {
      throw new Error(
        `WAIT: ${acknowledged} of ${waitReplicas} replicas of ${node.options.host}:${node.options.port} acknowledged the writes within ${waitTimeoutMs} ms (REDIS_WAIT_REPLICAS); the events stay, the redelivery is deduplicated`,
      );
    }
  }

  const read = createRedisEventLogReader({ redis, keys });

  return {
    async append(events) {
      try {
        return await append(events);
      } catch (error) {
        throw error instanceof EventLogUnavailableError ? error : new EventLogUnavailableError(error);
      }
    },
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
        await Promise.all([redis.ping(), writer === redis ? null : writer.ping()]);
      } catch (error) {
        throw new EventLogUnavailableError(error);
      }
    },
    // The connection is borrowed; there is nothing of our own to release.
    dispose: once(async () => undefined).dispose,
  };
}

function compareIds(a: string, b: string): number {
  const [x, y] = [parsePosition(a), parsePosition(b)];
  if (x === null || y === null) return 0;
  return x.ms !== y.ms ? x.ms - y.ms : x.seq - y.seq;
}
