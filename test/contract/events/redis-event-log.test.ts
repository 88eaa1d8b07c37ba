import { EventLogUnavailableError } from '../../../src/events/event-log';
import type { StoredEvent } from '../../../src/events/event-model';
import { decodeCursor, formatPosition } from '../../../src/events/event-cursor';
import { createRedisEventLog, eventLogKeys } from '../../../src/events/redis-event-log';
import type { RedisConnections } from '../../../src/events/redis-connections';
import { createTopics } from '../../../src/events/topics';
import { createFakeClock } from '../../helpers/clock';
import { createTestRedis, uniquePrefix } from '../../helpers/redis';
import { createMessageRecorder } from './bus-recorder';
import { makeEvent } from '../../helpers/events';
import { openConnections } from './redis-harness';

/** Redis-only behaviour of the event log: key layout, TTLs, the all-or-nothing script, bounded scans. */
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

  function createLog(options: { clock?: typeof clock } = {}) {
    return createRedisEventLog({ redis: connections.commands, topics: createTopics(prefix), keyPrefix: prefix, retentionSeconds, dedupeTtlSeconds, clock: options.clock ?? clock });
  }

  it('keeps a dedupe key for the dedupe TTL and index streams with the global entry ids for the retention', async () => {
    const log = createLog();
    const keys = eventLogKeys(prefix);
    const event = makeEvent({ groupId: 'g1', phoneNumberId: 'p1' });
    const [stored] = (await log.append([event])).stored;
    const id = formatPosition(decodeCursor(stored.cursor));

    const dedupeTtl = await probe.redis.pttl(keys.dedupe(event.id));
    expect(dedupeTtl).toBeGreaterThan(dedupeTtlSeconds * 1000 - 5_000);
    expect(dedupeTtl).toBeLessThanOrEqual(dedupeTtlSeconds * 1000);
    expect(await probe.redis.get(keys.dedupe(event.id))).toBe(id);
    for (const key of [keys.group('g1'), keys.phone('p1')]) {
      const ttl = await probe.redis.pttl(key);
      expect(ttl).toBeGreaterThan(retentionSeconds * 1000 - 5_000);
      expect(ttl).toBeLessThanOrEqual(retentionSeconds * 1000);
    }
    expect((await probe.redis.xrange(keys.stream, '-', '+')).map(([entryId]) => entryId)).toEqual([id]);
    expect(await probe.redis.xrange(keys.group('g1'), '-', '+')).toEqual([[id, ['t', event.type, 'p', 'p1']]]);
    expect(await probe.redis.xrange(keys.phone('p1'), '-', '+')).toEqual([[id, ['t', event.type, 'g', 'g1']]]);
  });

  it('stores nothing, sets no dedupe key and publishes nothing when the script cannot write', async () => {
    const log = createLog();
    const keys = eventLogKeys(prefix);
    const topics = createTopics(prefix);
    const received = createMessageRecorder();
    connections.subscriber.on('message', received.listener);
    await connections.subscriber.subscribe(topics.group('ok'), topics.group('broken'));
    const good = makeEvent({ groupId: 'ok' });
    const blocked = makeEvent({ groupId: 'broken' });
    await probe.redis.set(keys.group('broken'), 'not a stream');

    const error = await log.append([good, blocked]).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(EventLogUnavailableError);
    expect(String((error as Error).cause)).toContain('holds a string, not a stream');
    expect(await probe.redis.exists(keys.stream, keys.group('ok'), keys.dedupe(good.id), keys.dedupe(blocked.id))).toBe(0);
    await probe.redis.del(keys.group('broken'));
    const retry = await log.append([good, blocked]);
    expect(retry.stored.map((e) => e.id)).toEqual([good.id, blocked.id]);
    // Publications reach a subscriber in order: the retry's are the first and only ones.
    const messages = await received.waitFor(2);
    expect(messages.map((m) => (JSON.parse(m.message) as StoredEvent).id)).toEqual([good.id, blocked.id]);
  });

  it('publishes the same cursors the script returns, for ids of every length', async () => {
    const log = createLog();
    const topics = createTopics(prefix);
    const received = createMessageRecorder();
    connections.subscriber.on('message', received.listener);
    await connections.subscriber.subscribe(topics.allEvents());
    // One delivery at one instant: sequence numbers 0..119 give ids of three lengths (base64 remainders 0, 1, 2).
    const { stored } = await log.append(Array.from({ length: 120 }, () => makeEvent()));
    const published = (await received.waitFor(120)).map((m) => (JSON.parse(m.message) as StoredEvent).cursor);
    expect(published).toEqual(stored.map((e) => e.cursor));
    expect(new Set(published.map((cursor) => Buffer.from(cursor, 'base64url').length % 3))).toEqual(new Set([0, 1, 2]));
  });

  it('keeps ids increasing when another instance’s clock is ahead', async () => {
    const ahead = createFakeClock(clock.now() + 10_000);
    const first = await createLog({ clock: ahead }).append([makeEvent()]);
    const second = await createLog().append([makeEvent()]);
    const [a, b] = [decodeCursor(first.stored[0].cursor), decodeCursor(second.stored[0].cursor)];
    expect(b).toEqual({ ms: a.ms, seq: a.seq + 1 });
    const read = await createLog().read({ limit: 10 });
    expect(read.events.map((e) => e.cursor)).toEqual([first.stored[0].cursor, second.stored[0].cursor]);
  });

  it('reads a filtered group from its index stream, past more non-matching entries than one scan takes', async () => {
    const log = createLog();
    for (let batch = 0; batch < 10; batch++) {
      await log.append(Array.from({ length: 250 }, () => makeEvent({ groupId: 'busy', type: 'MESSAGE_RECEIVED' })));
    }
    const rare = makeEvent({ groupId: 'busy', type: 'GROUP_SUSPENDED' });
    await log.append([makeEvent({ groupId: 'quiet' }), rare]);
    const evalsha = jest.spyOn(connections.commands, 'evalsha');

    const page = await log.read({ groupId: 'busy', types: ['GROUP_SUSPENDED'], limit: 5 });

    expect(page).toEqual({ events: [expect.objectContaining({ id: rare.id, type: 'GROUP_SUSPENDED' })], hasMore: false });
    const scannedKeys = evalsha.mock.calls.map((call) => call[2]);
    expect(scannedKeys.length).toBeGreaterThan(1); // 2,501 entries take more than one bounded scan
    expect(new Set(scannedKeys)).toEqual(new Set([eventLogKeys(prefix).group('busy')]));
    evalsha.mockRestore();
  });
});
