import { CursorExpiredError } from '../../../src/events/event-log';
import type { DomainEvent } from '../../../src/events/event-model';
import type { EventStream, EventStreamOptions } from '../../../src/events/event-stream';
import { createEventStream } from '../../../src/events/event-stream';
import { SubscriberTooSlowError } from '../../../src/events/subscriber-too-slow-error';
import { createSilentLogger } from '../../../src/lib/logger';
import { createMessageRecorder } from './bus-recorder';
import { makeEvent } from '../../helpers/events';
import { ids, interceptReads, take } from '../../helpers/stream-harness';
import type { StreamContractHarness } from './stream-contract-harness';
import { RETENTION_SECONDS, streamImplementations } from './stream-contract-harness';

describe.each(streamImplementations)('event stream over the %s log and bus', (_name, createHarness) => {
  let h: StreamContractHarness;
  const streams: EventStream[] = [];
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(async () => {
    await Promise.all(streams.splice(0).map((stream) => stream.return()));
    await h.dispose();
  });

  function open(options: Partial<EventStreamOptions> = {}): EventStream {
    const stream = createEventStream({
      bus: h.readerBus.bus,
      log: h.readerLog,
      topics: h.topics,
      filter: { groupId: 'g1' },
      queueLimit: 50,
      logger: createSilentLogger(),
      ...options,
    });
    streams.push(stream);
    return stream;
  }

  const events = (count: number): DomainEvent[] => Array.from({ length: count }, () => makeEvent({ groupId: 'g1' }));

  it('delivers what another instance appends, in log order, filtered', async () => {
    const stream = open({ filter: { groupId: 'g1', types: ['PARTICIPANTS_ADDED'] } });
    await stream.ready;

    const stored = await h.append(makeEvent({ groupId: 'g1' }), makeEvent({ groupId: 'g1', type: 'GROUP_DELETED' }), makeEvent({ groupId: 'g2' }), makeEvent({ groupId: 'g1' }));

    expect(await take(stream, 2)).toEqual([stored[0], stored[3]]);
  });

  it('resumes after a cursor with no gap and no duplicate while events keep arriving during the replay', async () => {
    const stored = await h.append(...events(5));
    const racing: string[] = [];
    const appendRacing = async () => void racing.push(...ids(await h.append(makeEvent({ groupId: 'g1' }))));
    const log = interceptReads(h.readerLog, {
      before: async (call) => {
        if (call <= 3) await appendRacing();
      },
      after: async (call) => {
        if (call <= 3) await appendRacing(); // the last of them (call 3) is the one the test waits for
      },
    });
    const stream = open({ log, after: stored[0].cursor, queueLimit: 2 });

    const received = [];
    for (;;) {
      const [event] = await take(stream, 1);
      received.push(event);
      if (racing.length === 6 && event.id === racing[5]) break;
    }

    const all = (await h.readerLog.read({ groupId: 'g1', after: stored[0].cursor, limit: 100 })).events;
    expect(all).toHaveLength(4 + 6);
    expect(received).toEqual(all);
    expect(log.reads.length).toBeGreaterThanOrEqual(3);
  });

  it('fails with CursorExpiredError for a cursor past retention and leaves no subscription behind', async () => {
    const [old] = await h.append(makeEvent({ groupId: 'g1' }));
    h.clock.advance(RETENTION_SECONDS * 1000 + 1);
    const stream = open({ after: old.cursor });

    await expect(stream.ready).rejects.toBeInstanceOf(CursorExpiredError);
    await stream.return();
    expect(await h.transportSubscribers(h.topics.group('g1'))).toBe(0);
  });

  it('ends a slow consumer with SubscriberTooSlowError and unsubscribes it', async () => {
    const stream = open({ queueLimit: 3 });
    await stream.ready;
    expect(await h.transportSubscribers(h.topics.group('g1'))).toBe(1);
    // Messages reach one subscriber connection in publish order: once the marker of g2 arrived, so did g1's events.
    const marker = createMessageRecorder();
    await h.readerBus.bus.subscribe([h.topics.group('g2')], marker.listener);
    const stored = await h.append(...events(3));
    const [first] = await take(stream, 1);
    expect(first).toEqual(stored[0]);
    await h.append(...events(5), makeEvent({ groupId: 'g2' }));
    await marker.waitFor(1);

    const error: unknown = await stream.next().catch((e: unknown) => e);

    expect(error).toBeInstanceOf(SubscriberTooSlowError);
    expect(error).toMatchObject({ queueLimit: 3, resumeAfter: first.cursor });
    expect(stream.backlog.queued).toBe(0);
    expect(await h.transportSubscribers(h.topics.group('g1'))).toBe(0);
  });

  it('return() resolves a pending next() and unsubscribes the channel', async () => {
    const stream = open();
    await stream.ready;
    const pending = stream.next();

    await stream.return();

    expect(await pending).toEqual({ value: undefined, done: true });
    expect(await h.transportSubscribers(h.topics.group('g1'))).toBe(0);
  });
});
