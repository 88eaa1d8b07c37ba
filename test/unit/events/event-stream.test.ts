import { CursorExpiredError, InvalidCursorError } from '../../../src/events/event-log';
import type { DomainEvent, StoredEvent } from '../../../src/events/event-model';
import type { EventStream, EventStreamOptions } from '../../../src/events/event-stream';
import { createEventStream } from '../../../src/events/event-stream';
import { createEventDecoder } from '../../../src/events/stream/event-decoder';
import { SubscriberTooSlowError } from '../../../src/events/subscriber-too-slow-error';
import { createSilentLogger } from '../../../src/lib/logger';
import { makeEvent } from '../../helpers/events';
import type { StreamHarness } from '../../helpers/stream-harness';
import { createStreamHarness, ids, interceptReads, RETENTION_SECONDS, take } from '../../helpers/stream-harness';

describe('createEventStream (in-memory log and bus)', () => {
  let h: StreamHarness;
  const streams: EventStream[] = [];
  beforeEach(() => {
    h = createStreamHarness();
  });
  afterEach(async () => {
    await Promise.all(streams.splice(0).map((stream) => stream.return()));
    await h.dispose();
  });

  function open(options: Partial<EventStreamOptions> = {}): EventStream {
    const stream = createEventStream({
      bus: h.tracked.bus,
      log: h.log,
      topics: h.topics,
      filter: { groupId: 'g1' },
      queueLimit: 100,
      logger: createSilentLogger(),
      ...options,
    });
    streams.push(stream);
    return stream;
  }

  const events = (count: number, fields: Parameters<typeof makeEvent>[0] = {}): DomainEvent[] =>
    Array.from({ length: count }, () => makeEvent({ groupId: 'g1', ...fields }));

  describe('live', () => {
    it('delivers the matching events appended after it is ready, in log order', async () => {
      const stream = open();
      await stream.ready;
      const [a, b] = events(2);
      const other = makeEvent({ groupId: 'g2' });
      const c = makeEvent({ groupId: 'g1', type: 'SETTINGS_UPDATED' });
      const stored = await h.append(a, other, b, c);

      const received = await take(stream, 3);

      expect(received).toEqual([stored[0], stored[2], stored[3]]);
      expect(received.map((e) => e.cursor)).toEqual([stored[0].cursor, stored[2].cursor, stored[3].cursor]);
    });

    it('subscribes only to the narrowest channel the filter needs', async () => {
      await open({ filter: { groupId: 'g1', phoneNumberId: 'p1' } }).ready;
      await open({ filter: { phoneNumberId: 'p1', types: ['MESSAGE_RECEIVED'] } }).ready;
      await open({ filter: {} }).ready;

      expect(h.tracked.subscribeCalls).toEqual([[h.topics.group('g1')], [h.topics.phoneNumber('p1')], [h.topics.allEvents()]]);
    });

    it('applies the phone number and type filters to what the channel carries', async () => {
      const stream = open({ filter: { groupId: 'g1', phoneNumberId: 'p1', types: ['PARTICIPANTS_ADDED', 'GROUP_DELETED'] } });
      await stream.ready;
      const stored = await h.append(
        makeEvent({ groupId: 'g1', phoneNumberId: 'p2' }),
        makeEvent({ groupId: 'g1', type: 'SETTINGS_UPDATED' }),
        makeEvent({ groupId: 'g1', type: 'GROUP_DELETED' }),
        makeEvent({ groupId: 'g1', phoneNumberId: null }),
        makeEvent({ groupId: 'g1' }),
      );

      expect(ids(await take(stream, 2))).toEqual([stored[2].id, stored[4].id]);
    });

    it('delivers an event id once even when the bus carries it again under a later position', async () => {
      const stream = open();
      await stream.ready;
      const [first] = await h.append(makeEvent({ groupId: 'g1', id: 'evt_same' }));
      // The log forgets ids after its dedupe TTL; the same upstream event stored again gets a new cursor.
      h.clock.advance(61_000);
      const [again] = await h.append(makeEvent({ groupId: 'g1', id: 'evt_same' }));
      const [sentinel] = await h.append(makeEvent({ groupId: 'g1' }));

      expect(again.cursor).not.toBe(first.cursor);
      expect(await take(stream, 2)).toEqual([first, sentinel]);
    });

    it('drops bus messages that are not stored events and keeps going', async () => {
      const stream = open();
      await stream.ready;
      const channel = h.topics.group('g1');
      await h.tracked.bus.publish(channel, 'not json');
      await h.tracked.bus.publish(channel, JSON.stringify({ id: 'x', type: 'NOPE', groupId: 'g1', cursor: 'abc' }));
      const [good] = await h.append(makeEvent({ groupId: 'g1' }));

      expect(await take(stream, 1)).toEqual([good]);
    });

    it('parses a message once for all streams that share a decoder', async () => {
      const decoder = createEventDecoder();
      const first = open({ decoder });
      const second = open({ decoder });
      await Promise.all([first.ready, second.ready]);
      const [stored] = await h.append(makeEvent({ groupId: 'g1' }));

      const [a] = await take(first, 1);
      const [b] = await take(second, 1);

      expect(a).toEqual(stored);
      expect(b).toBe(a); // the very same object: parsed once
    });
  });

  describe('resume with after', () => {
    it('replays the log strictly after the cursor, then continues live', async () => {
      const stored = await h.append(...events(5));
      const stream = open({ after: stored[1].cursor });
      await stream.ready;
      const [live] = await h.append(makeEvent({ groupId: 'g1' }));

      expect(await take(stream, 4)).toEqual([...stored.slice(2), live]);
    });

    it('reads the replay page by page with the filter, and never more than the queue can hold', async () => {
      const stored = await h.append(...events(7), makeEvent({ groupId: 'g2' }));
      const queuedAtRead: number[] = [];
      const opened: { stream?: EventStream } = {};
      const log = interceptReads(h.log, { before: async () => void queuedAtRead.push(opened.stream?.backlog.queued ?? -1) });
      const stream = (opened.stream = open({ log, after: stored[0].cursor, queueLimit: 2 }));

      expect(await take(stream, 6)).toEqual(stored.slice(1, 7));
      const [live] = await h.append(makeEvent({ groupId: 'g1' }));
      expect(await take(stream, 1)).toEqual([live]);
      expect(queuedAtRead).toEqual([0, 0, 0]);
      expect(log.reads.map((q) => q.limit)).toEqual([2, 2, 2]);
      expect(log.reads.map((q) => q.after)).toEqual([stored[0].cursor, stored[2].cursor, stored[4].cursor]);
      expect(log.reads.every((q) => q.groupId === 'g1')).toBe(true);
    });

    it('delivers once an event that is both in the replayed page and on the bus (appended just before the read)', async () => {
      const stored = await h.append(...events(2));
      const racing = makeEvent({ groupId: 'g1' });
      const log = interceptReads(h.log, {
        before: async (call) => {
          if (call === 1) await h.append(racing);
        },
      });
      const stream = open({ log, after: stored[0].cursor });
      await stream.ready;
      const [sentinel] = await h.append(makeEvent({ groupId: 'g1' }));

      expect(ids(await take(stream, 3))).toEqual([stored[1].id, racing.id, sentinel.id]);
      expect(stream.backlog).toEqual({ queued: 0, buffered: 0 });
    });

    it('delivers after the replay, in order, what the bus carried while the last page was being returned', async () => {
      const stored = await h.append(...events(3));
      const racing = events(2);
      const log = interceptReads(h.log, {
        after: async (call) => {
          if (call === 1) await h.append(...racing);
        },
      });
      const stream = open({ log, after: stored[0].cursor });
      await stream.ready;
      const [sentinel] = await h.append(makeEvent({ groupId: 'g1' }));

      expect(ids(await take(stream, 5))).toEqual([stored[1].id, stored[2].id, racing[0].id, racing[1].id, sentinel.id]);
      expect(log.reads).toHaveLength(1);
    });

    it('has no gap and no duplicate when events keep arriving during every page of a long replay', async () => {
      const stored = await h.append(...events(6));
      const racing: DomainEvent[] = [];
      const log = interceptReads(h.log, {
        before: async (call) => {
          if (call <= 4) racing.push(...(await h.append(makeEvent({ groupId: 'g1' }))));
        },
        after: async (call) => {
          if (call <= 4) racing.push(...(await h.append(makeEvent({ groupId: 'g1' }))));
        },
      });
      const stream = open({ log, after: stored[0].cursor, queueLimit: 3 });
      await stream.ready;
      const [sentinel] = await h.append(makeEvent({ groupId: 'g1' }));

      const all = (await h.log.read({ groupId: 'g1', after: stored[0].cursor, limit: 100 })).events;
      expect(all).toHaveLength(5 + racing.length + 1);
      expect(await take(stream, all.length)).toEqual(all);
      expect(all[all.length - 1].id).toBe(sentinel.id);
    });

    it('reads back from the log what overflowed the live buffer during the replay', async () => {
      const stored = await h.append(...events(2));
      const burst = events(7);
      const log = interceptReads(h.log, {
        after: async (call) => {
          if (call === 1) await h.append(...burst);
        },
      });
      const stream = open({ log, after: stored[0].cursor, queueLimit: 3 });

      const received = await take(stream, 8);

      expect(ids(received)).toEqual([stored[1].id, ...ids(burst)]);
      expect(log.reads.length).toBeGreaterThan(1);
      expect(stream.backlog.buffered).toBe(0);
    });

    it('fails with the log\'s CursorExpiredError for a cursor past retention and releases the bus', async () => {
      const [old] = await h.append(makeEvent({ groupId: 'g1' }));
      h.clock.advance(RETENTION_SECONDS * 1000 + 1);
      const stream = open({ after: old.cursor });

      await expect(stream.ready).rejects.toBeInstanceOf(CursorExpiredError);
      await expect(stream.next()).rejects.toBeInstanceOf(CursorExpiredError);
      expect(await stream.next()).toEqual({ value: undefined, done: true });
      await stream.return();
      expect(h.tracked.activeListeners()).toBe(0);
    });

    it('fails with the log\'s InvalidCursorError for a cursor the log never issued', async () => {
      const stream = open({ after: 'bm90LWEtY3Vyc29y' });

      const error: unknown = await stream.next().catch((e: unknown) => e);

      expect(error).toBeInstanceOf(InvalidCursorError);
      expect((error as InvalidCursorError).cursor).toBe('bm90LWEtY3Vyc29y');
      await expect(stream.ready).rejects.toBe(error);
    });

    it('catches up from the log after the bus reconnects, without the messages lost meanwhile', async () => {
      const stream = open();
      await stream.ready;
      const [first] = await h.append(makeEvent({ groupId: 'g1' }));
      expect(await take(stream, 1)).toEqual([first]);

      h.tracked.setDropping(true);
      const lost = await h.append(...events(3));
      h.tracked.setDropping(false);
      h.tracked.reconnect();
      const [after] = await h.append(makeEvent({ groupId: 'g1' }));

      expect(await take(stream, 4)).toEqual([...lost, after]);
    });
  });

  describe('slow consumers', () => {
    it('holds up to queueLimit live events, then ends with SubscriberTooSlowError and drops them', async () => {
      const stream = open({ queueLimit: 3 });
      await stream.ready;
      const [a] = await h.append(makeEvent({ groupId: 'g1' }));
      expect(await take(stream, 1)).toEqual([a]);

      await h.append(...events(3));
      expect(stream.backlog).toEqual({ queued: 3, buffered: 0 });
      await h.append(makeEvent({ groupId: 'g1' }));

      expect(stream.backlog).toEqual({ queued: 0, buffered: 0 });
      const error: unknown = await stream.next().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SubscriberTooSlowError);
      expect(error).toMatchObject({ queueLimit: 3, resumeAfter: a.cursor });
      expect(await stream.next()).toEqual({ value: undefined, done: true });
      expect(h.tracked.activeListeners()).toBe(0);
      expect(h.tracked.reconnectListeners()).toBe(0);
    });

    it('keeps memory flat: a flood far beyond the limit leaves nothing queued', async () => {
      const stream = open({ queueLimit: 5 });
      await stream.ready;
      for (let i = 0; i < 20; i++) await h.append(...events(50));

      expect(stream.backlog).toEqual({ queued: 0, buffered: 0 });
      await expect(stream.next()).rejects.toMatchObject({ name: 'SubscriberTooSlowError', resumeAfter: null });
    });

    it('rejects the pending next() of a consumer that is waiting when the stream fails', async () => {
      const stream = open({ after: 'bm90LWEtY3Vyc29y' });
      const pending = stream.next();
      const second = stream.next();

      await expect(pending).rejects.toBeInstanceOf(InvalidCursorError);
      expect(await second).toEqual({ value: undefined, done: true });
    });
  });

  describe('ending', () => {
    it('return() resolves a pending next() with done and unsubscribes', async () => {
      const stream = open();
      await stream.ready;
      expect(h.tracked.activeListeners()).toBe(1);
      const pending = stream.next();

      expect(await stream.return()).toEqual({ value: undefined, done: true });

      expect(await pending).toEqual({ value: undefined, done: true });
      expect(h.tracked.activeListeners()).toBe(0);
      expect(h.tracked.reconnectListeners()).toBe(0);
      await h.append(makeEvent({ groupId: 'g1' }));
      expect(await stream.next()).toEqual({ value: undefined, done: true });
    });

    it('return() before the subscription is confirmed releases it as soon as it arrives', async () => {
      const release = h.tracked.holdSubscriptions();
      const stream = open();
      const returned = stream.return();
      release();

      await returned;
      await expect(stream.ready).resolves.toBeUndefined();
      expect(h.tracked.subscribeCalls).toHaveLength(1);
      expect(h.tracked.activeListeners()).toBe(0);
    });

    it('return() during a replay stops it and drops what it held', async () => {
      const stored = await h.append(...events(4));
      const opened: { stream?: EventStream } = {};
      const log = interceptReads(h.log, {
        after: async () => {
          await opened.stream?.return();
        },
      });
      const stream = (opened.stream = open({ log, after: stored[0].cursor }));

      expect(await stream.next()).toEqual({ value: undefined, done: true });
      expect(log.reads).toHaveLength(1);
      expect(stream.backlog).toEqual({ queued: 0, buffered: 0 });
      expect(h.tracked.activeListeners()).toBe(0);
    });

    it('throw() ends the stream and rejects with the given error', async () => {
      const stream = open();
      await stream.ready;
      const reason = new Error('client went away');

      await expect(stream.throw(reason)).rejects.toBe(reason);

      expect(h.tracked.activeListeners()).toBe(0);
      expect(await stream.next()).toEqual({ value: undefined, done: true });
    });

    it('works with for await, which calls return() on break', async () => {
      const stream = open();
      await stream.ready;
      const stored = await h.append(...events(3));
      const seen: StoredEvent[] = [];
      for await (const event of stream) {
        seen.push(event);
        if (seen.length === 2) break;
      }

      expect(seen).toEqual(stored.slice(0, 2));
      expect(h.tracked.activeListeners()).toBe(0);
    });

    it('fails when the bus refuses the subscription', async () => {
      await h.tracked.bus.dispose();
      const stream = open();

      await expect(stream.ready).rejects.toMatchObject({ name: 'EventBusDisposedError' });
      await expect(stream.next()).rejects.toMatchObject({ name: 'EventBusDisposedError' });
      await expect(stream.return()).resolves.toEqual({ value: undefined, done: true });
    });

    it('refuses a queueLimit that is not a positive integer', () => {
      expect(() => open({ queueLimit: 0 })).toThrow(/queueLimit to be an integer >= 1, got 0/);
    });
  });
});
