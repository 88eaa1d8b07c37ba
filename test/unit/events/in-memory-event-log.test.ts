import { createInMemoryEventBus } from '../../../src/events/in-memory-event-bus';
import { createInMemoryEventLog } from '../../../src/events/in-memory-event-log';
import { EventLogUnavailableError } from '../../../src/events/event-log';
import { createTopics } from '../../../src/events/topics';
import { createFakeClock } from '../../helpers/clock';
import { makeEvent } from '../../helpers/events';

describe('in-memory event log', () => {
  function setup() {
    const clock = createFakeClock();
    const bus = createInMemoryEventBus();
    const log = createInMemoryEventLog({ bus, topics: createTopics('t:'), retentionSeconds: 60, dedupeTtlSeconds: 30, clock });
    return { clock, bus, log };
  }

  it('stores an event id again once the dedupe TTL has passed, not before', async () => {
    const { clock, log } = setup();
    const event = makeEvent();
    await log.append([event]);
    clock.advance(29_999);
    expect((await log.append([event])).duplicates).toEqual([event]);
    clock.advance(1);
    expect((await log.append([event])).stored.map((e) => e.id)).toEqual([event.id]);
  });

  it('rejects appends with EventLogUnavailableError and stores nothing when the bus cannot publish', async () => {
    const { bus, log } = setup();
    await bus.dispose();
    const event = makeEvent();
    await expect(log.append([event])).rejects.toBeInstanceOf(EventLogUnavailableError);
    expect(await log.read({ limit: 10 })).toEqual({ events: [], hasMore: false });
  });

  it('rejects use after dispose', async () => {
    const { log } = setup();
    await log.dispose();
    await expect(log.append([makeEvent()])).rejects.toBeInstanceOf(EventLogUnavailableError);
    await expect(log.ping()).rejects.toBeInstanceOf(EventLogUnavailableError);
  });

  it('keeps positions increasing when the clock stands still or goes back', async () => {
    const { clock, log } = setup();
    const first = await log.append([makeEvent(), makeEvent()]);
    clock.advance(-5_000);
    const second = await log.append([makeEvent()]);
    const cursors = [...first.stored, ...second.stored].map((e) => e.cursor);
    expect((await log.read({ groupId: 'g1', limit: 10 })).events.map((e) => e.cursor)).toEqual(cursors);
  });

  it('validates its options with the fix', () => {
    const bus = createInMemoryEventBus();
    expect(() => createInMemoryEventLog({ bus, topics: createTopics('t:'), retentionSeconds: 0, dedupeTtlSeconds: 30 })).toThrow(
      'createInMemoryEventLog expects retentionSeconds to be a positive integer number of seconds, got 0; pass the value from config.events.',
    );
  });
});
