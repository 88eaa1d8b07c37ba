import { decodeEventBody } from '../../../src/events/event-codec';
import { EventLogUnavailableError } from '../../../src/events/event-log';
import type { StoredEvent } from '../../../src/events/event-model';
import { decodeCursor, formatPosition } from '../../../src/events/event-cursor';
import { createRedisEventLog } from '../../../src/events/redis-event-log';
import { DEDUPE_DAY_MS, dedupeField, eventLogKeys } from '../../../src/events/redis-event-log-keys';
import { eventTypeCode } from '../../../src/events/event-type-codes';
import type { RedisConnections } from '../../../src/events/redis-connections';
import { createTopics } from '../../../src/events/topics';
import { createFakeClock } from '../../helpers/clock';
import { createTestRedis, uniquePrefix } from '../../helpers/redis';
import { createMessageRecorder } from './bus-recorder';
import { makeEvent } from '../../helpers/events';
import { openConnections } from './redis-harness';

/** Redis-only behaviour of the event log: key layout, TTLs, the steps of an append and their repair, bounded scans. */
describe('Redis event log', () => {
  const retentionSeconds = 3600;
  const dedupeTtlSeconds = 600;
  let prefix: string;
  let connections: RedisConnections;
  let probe: ReturnType<typeof createTestRedis>;
  const clock = createFakeClock();

  beforeEach(async () => {
    prefix = uniquePrefix('rlog');
    connections = await openConnections();
    probe = createTestRedis(prefix);
  });
  afterEach(async () => {
    await connections.dispose();
    await probe.dispose();
  });

  function createLog(options: { clock?: typeof clock; waitReplicas?: number } = {}) {
    return createRedisEventLog({
      redis: connections.commands,
      topics: createTopics(prefix),
      keyPrefix: prefix,
      retentionSeconds,
      dedupeTtlSeconds,
      clock: options.clock ?? clock,
      ...(options.waitReplicas === undefined ? {} : { waitReplicas: options.waitReplicas, waitTimeoutMs: 20 }),
    });
  }

  async function expectTtl(key: string, seconds: number) {
    const ttl = await probe.redis.pttl(key);
    expect({ key, near: ttl > seconds * 1000 - 5_000 && ttl <= seconds * 1000 }).toEqual({ key, near: true });
  }

  it('stores the body once in the group stream, a dedupe field in the group’s hash of the day, and references in the phone and all-events indexes', async () => {
    const log = createLog();
    const keys = eventLogKeys(prefix);
    const event = makeEvent({ groupId: 'g1', phoneNumberId: 'p1' });
    const [stored] = (await log.append([event])).stored;
    const { stream, position } = decodeCursor(stored.cursor);
    expect(stream).toEqual({ kind: 'group', id: 'g1' });
    const id = formatPosition(position);
    const group = { kind: 'group', id: 'g1' } as const;
    const phone = { kind: 'phone', id: 'p1' } as const;

    // The fake clock starts at midnight UTC: today's hash lives for the day and then the dedupe TTL.
    const today = keys.dedupe(group, Math.floor(clock.now() / DEDUPE_DAY_MS));
    expect(await probe.redis.hgetall(today)).toEqual({ [dedupeField(event.id)]: id });
    await expectTtl(today, 86_400 + dedupeTtlSeconds);
    for (const key of [keys.home(group), keys.index(phone), keys.progress(phone), keys.index({ kind: 'all' }), keys.progress({ kind: 'all' })]) {
      await expectTtl(key, retentionSeconds);
    }
    const [[homeId, homeFields]] = await probe.redis.xrangeBuffer(keys.home(group), '-', '+');
    expect(homeId.toString()).toBe(id);
    expect(homeFields.slice(0, 5).map(String)).toEqual(['t', eventTypeCode(event.type), 'p', 'p1', 'b']);
    expect(JSON.parse(decodeEventBody(homeFields[5]!))).toEqual(event);
    for (const index of [phone, { kind: 'all' } as const]) {
      const entries = await probe.redis.xrange(keys.index(index), '-', '+');
      expect(entries.map(([, fields]) => fields)).toEqual([['t', eventTypeCode(event.type), 'h', 'g:g1', 'i', id]]);
      expect(await probe.redis.hgetall(keys.progress(index))).toEqual({ 'g:g1': id });
    }
  });

  it('keeps what a failed step stored, answers unavailable, and completes the indexes on the redelivery', async () => {
    const log = createLog();
    const keys = eventLogKeys(prefix);
    const topics = createTopics(prefix);
    const received = createMessageRecorder();
    connections.subscriber.on('message', received.listener);
    await connections.subscriber.subscribe(topics.group('g1'), topics.phoneNumber('p1'));
    const event = makeEvent({ groupId: 'g1', phoneNumberId: 'p1' });
    await probe.redis.set(keys.index({ kind: 'phone', id: 'p1' }), 'not a stream');

    const error = await log.append([event]).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(EventLogUnavailableError);
    expect(String((error as Error).cause)).toContain('holds a string, not a stream');
    expect(await probe.redis.xlen(keys.home({ kind: 'group', id: 'g1' }))).toBe(1);
    await probe.redis.del(keys.index({ kind: 'phone', id: 'p1' }));
    expect(await log.append([event])).toEqual({ stored: [], duplicates: [event] });
    expect((await log.read({ phoneNumberId: 'p1', limit: 10 })).events.map((e) => e.id)).toEqual([event.id]);
    // Published once per channel: by the first try on the group channel, by the redelivery on the phone channel.
    await received.waitFor(2);
    expect(received.messages.map((m) => [m.channel, (JSON.parse(m.message) as StoredEvent).id])).toEqual([
      [topics.group('g1'), event.id],
      [topics.phoneNumber('p1'), event.id],
    ]);
  });

  it('repairs an index left behind by a crash when the next event of the group arrives, in group order', async () => {
    const log = createLog();
    const keys = eventLogKeys(prefix);
    const first = makeEvent({ groupId: 'g2', phoneNumberId: 'p2' });
    const second = makeEvent({ groupId: 'g2', phoneNumberId: 'p2' });
    await probe.redis.set(keys.index({ kind: 'phone', id: 'p2' }), 'not a stream');
    await expect(log.append([first])).rejects.toBeInstanceOf(EventLogUnavailableError);
    await probe.redis.del(keys.index({ kind: 'phone', id: 'p2' }));

    await log.append([second]);

    expect((await log.read({ phoneNumberId: 'p2', limit: 10 })).events.map((e) => e.id)).toEqual([first.id, second.id]);
    expect((await log.read({ limit: 10 })).events.map((e) => e.id)).toEqual([first.id, second.id]);
  });

  it('publishes the cursors each stream’s reads return, for ids of every length', async () => {
    const log = createLog();
    const topics = createTopics(prefix);
    const received = createMessageRecorder();
    connections.subscriber.on('message', received.listener);
    await connections.subscriber.subscribe(topics.group('g1'), topics.phoneNumber('p1'), topics.allEvents());
    // One delivery at one instant: sequence numbers 0..119 give ids of three lengths (base64 remainders 0, 1, 2).
    const { stored } = await log.append(Array.from({ length: 120 }, () => makeEvent({ groupId: 'g1', phoneNumberId: 'p1' })));
    await received.waitFor(360);
    const cursorsOn = (channel: string) => received.on(channel).map((m) => (JSON.parse(m) as StoredEvent).cursor);
    expect(cursorsOn(topics.group('g1'))).toEqual(stored.map((e) => e.cursor));
    expect(cursorsOn(topics.phoneNumber('p1'))).toEqual((await log.read({ phoneNumberId: 'p1', limit: 200 })).events.map((e) => e.cursor));
    expect(cursorsOn(topics.allEvents())).toEqual((await log.read({ limit: 200 })).events.map((e) => e.cursor));
    expect(new Set(cursorsOn(topics.allEvents()).map((cursor) => Buffer.from(cursor, 'base64url').length % 3))).toEqual(new Set([0, 1, 2]));
  });

  it('keeps ids increasing when another instance’s clock is ahead', async () => {
    const ahead = createFakeClock(clock.now() + 10_000);
    const first = await createLog({ clock: ahead }).append([makeEvent()]);
    const second = await createLog().append([makeEvent()]);
    const [a, b] = [decodeCursor(first.stored[0].cursor).position, decodeCursor(second.stored[0].cursor).position];
    expect(b).toEqual({ ms: a.ms, seq: a.seq + 1 });
    const read = await createLog().read({ groupId: 'g1', limit: 10 });
    expect(read.events.map((e) => e.cursor)).toEqual([first.stored[0].cursor, second.stored[0].cursor]);
  });

  it('reads a filtered group from its own stream, past more non-matching entries than one scan takes', async () => {
    const log = createLog();
    for (let batch = 0; batch < 10; batch++) {
      await log.append(Array.from({ length: 250 }, () => makeEvent({ groupId: 'busy', type: 'MESSAGE_RECEIVED' })));
    }
    const rare = makeEvent({ groupId: 'busy', type: 'GROUP_SUSPENDED' });
    await log.append([makeEvent({ groupId: 'quiet' }), rare]);
    const callBuffer = jest.spyOn(connections.commands, 'callBuffer');

    const page = await log.read({ groupId: 'busy', types: ['GROUP_SUSPENDED'], limit: 5 });

    expect(page).toEqual({ events: [expect.objectContaining({ id: rare.id, type: 'GROUP_SUSPENDED' })], hasMore: false });
    const scannedKeys = callBuffer.mock.calls.map((call) => call[3]);
    expect(scannedKeys.length).toBeGreaterThan(1); // 2,501 entries take more than one bounded scan
    expect(new Set(scannedKeys)).toEqual(new Set([eventLogKeys(prefix).home({ kind: 'group', id: 'busy' })]));
    callBuffer.mockRestore();
  });

  it('sends appends and their WAIT on its writer connection, so a blocking WAIT never holds up the shared one', async () => {
    const writer = createTestRedis(prefix);
    try {
      const log = createRedisEventLog({ redis: connections.commands, writer: writer.redis, topics: createTopics(prefix), keyPrefix: prefix, retentionSeconds, dedupeTtlSeconds, clock, waitReplicas: 1, waitTimeoutMs: 20 });
      const shared = jest.spyOn(connections.commands, 'evalsha');
      const waits = jest.spyOn(writer.redis, 'call');
      await expect(log.append([makeEvent({ groupId: 'gx' })])).rejects.toBeInstanceOf(EventLogUnavailableError);
      expect(shared).not.toHaveBeenCalled();
      expect(waits.mock.calls.filter((call) => call[0] === 'WAIT')).toEqual([['WAIT', 1, 20]]);
      shared.mockRestore();
      waits.mockRestore();
    } finally {
      await writer.redis.quit();
    }
  });

  it('answers unavailable when fewer replicas than asked acknowledge the writes (WAIT), and keeps the events', async () => {
    // The test Redis has no replica: WAIT 1 answers 0.
    const log = createLog({ waitReplicas: 1 });
    const event = makeEvent({ groupId: 'gw' });
    const error = await log.append([event]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EventLogUnavailableError);
    expect(String((error as Error).cause)).toContain('WAIT: 0 of 1 replicas');
    expect(await createLog().append([event])).toEqual({ stored: [], duplicates: [event] });
    expect((await createLog().read({ groupId: 'gw', limit: 10 })).events.map((e) => e.id)).toEqual([event.id]);
  });
});
