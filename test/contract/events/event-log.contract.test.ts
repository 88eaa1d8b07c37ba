import { CursorExpiredError, InvalidCursorError } from '../../../src/events/event-log';
import type { DomainEvent, StoredEvent } from '../../../src/events/event-model';
import { channelsForEvent } from '../../../src/events/topics';
import { createMessageRecorder } from './bus-recorder';
import { makeEvent } from '../../helpers/events';
import type { LogHarness } from './event-log-harness';
import { logImplementations, RETENTION_SECONDS } from './event-log-harness';

function withoutCursor(event: StoredEvent): DomainEvent {
  const { cursor: _cursor, ...rest } = event;
  return rest as DomainEvent;
}

describe.each(logImplementations)('EventLog (%s)', (_name, createHarness) => {
  let h: LogHarness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(() => h.dispose());

  async function observe(channels: string[]) {
    const recorder = createMessageRecorder();
    await h.observer.subscribe(channels, recorder.listener);
    return recorder;
  }

  it('stores, returns and publishes events in log order with their cursors', async () => {
    const e1 = makeEvent({ groupId: 'g1', phoneNumberId: 'p1' });
    const e2 = makeEvent({ groupId: 'g1', phoneNumberId: 'p1', type: 'SETTINGS_UPDATED' });
    const recorder = await observe(channelsForEvent(h.topics, e1));

    const result = await h.log.append([e1, e2]);

    expect(result.duplicates).toEqual([]);
    expect(result.stored.map(withoutCursor)).toEqual([e1, e2]);
    expect(new Set(result.stored.map((e) => e.cursor)).size).toBe(2);
    const page = await h.log.read({ limit: 10 });
    expect(page).toEqual({ events: result.stored, hasMore: false });

    const messages = await recorder.waitFor(6);
    const expectedChannels = channelsForEvent(h.topics, e1);
    for (const channel of expectedChannels) {
      // The payload is the stored event, cursor included: the same cursor the append and read return.
      expect(recorder.on(channel).map((m) => JSON.parse(m) as StoredEvent)).toEqual(result.stored);
    }
    expect(messages.map((m) => m.channel)).toEqual([...expectedChannels, ...expectedChannels]);
  });

  it('stores an event without a group (a refused create) in the phone and global streams only, resumable by cursor', async () => {
    const before = makeEvent({ groupId: 'gx', phoneNumberId: 'p9' });
    const refused = makeEvent({ type: 'GROUP_CREATE_FAILED', groupId: null, phoneNumberId: 'p9', requestId: 'req-1' });
    const after = makeEvent({ groupId: 'gx', phoneNumberId: 'p9' });
    const recorder = await observe([h.topics.phoneNumber('p9'), h.topics.allEvents()]);
    expect(channelsForEvent(h.topics, refused)).toEqual([h.topics.phoneNumber('p9'), h.topics.allEvents()]);

    const { stored } = await h.log.append([before, refused, after]);

    expect(stored.map(withoutCursor)).toEqual([before, refused, after]);
    const ids = (page: { events: StoredEvent[] }) => page.events.map((event) => event.id);
    expect(ids(await h.log.read({ phoneNumberId: 'p9', limit: 10 }))).toEqual([before.id, refused.id, after.id]);
    expect(ids(await h.log.read({ limit: 10 }))).toEqual([before.id, refused.id, after.id]);
    expect(ids(await h.log.read({ groupId: 'gx', limit: 10 }))).toEqual([before.id, after.id]);
    expect(ids(await h.log.read({ phoneNumberId: 'p9', after: stored[0]?.cursor, limit: 1 }))).toEqual([refused.id]);
    expect(ids(await h.log.read({ phoneNumberId: 'p9', after: stored[1]?.cursor, limit: 10 }))).toEqual([after.id]);
    await recorder.waitFor(6);
    expect(recorder.on(h.topics.phoneNumber('p9')).map((m) => (JSON.parse(m) as StoredEvent).id)).toEqual([before.id, refused.id, after.id]);
  });

  it('drops duplicates within one call and across calls: three appends store and publish once', async () => {
    const event = makeEvent({ groupId: 'gd' });
    const recorder = await observe([h.topics.group('gd')]);

    const first = await h.log.append([event, { ...event }]);
    const second = await h.log.append([event]);
    const third = await h.peer.append([event]);

    expect(first.stored.map(withoutCursor)).toEqual([event]);
    expect(first.duplicates).toEqual([event]);
    expect(second).toEqual({ stored: [], duplicates: [event] });
    expect(third).toEqual({ stored: [], duplicates: [event] });
    const sentinel = makeEvent({ groupId: 'gd' });
    await h.log.append([sentinel]);
    await recorder.waitFor(2);
    expect(recorder.messages.map((m) => (JSON.parse(m.message) as StoredEvent).id)).toEqual([event.id, sentinel.id]);
    expect((await h.log.read({ groupId: 'gd', limit: 10 })).events.map((e) => e.id)).toEqual([event.id, sentinel.id]);
  });

  it('filters by group, phone number, both, and type, and pages with limit and hasMore', async () => {
    const appended: DomainEvent[] = [];
    const types = ['PARTICIPANTS_ADDED', 'SETTINGS_UPDATED', 'MESSAGE_RECEIVED'] as const;
    for (let i = 0; i < 30; i++) {
      appended.push(makeEvent({ groupId: `g${i % 3}`, phoneNumberId: i % 5 === 0 ? null : `p${i % 2}`, type: types[i % 3 === 0 ? (i / 3) % 3 : 0] }));
    }
    // Several deliveries, alternating between instances.
    for (let i = 0; i < appended.length; i += 7) await (i % 2 === 0 ? h.log : h.peer).append(appended.slice(i, i + 7));

    const filters = [
      {},
      { groupId: 'g0' },
      { phoneNumberId: 'p1' },
      { groupId: 'g1', phoneNumberId: 'p1' },
      { types: ['SETTINGS_UPDATED', 'MESSAGE_RECEIVED'] as const },
      { groupId: 'g0', types: ['MESSAGE_RECEIVED'] as const },
      { phoneNumberId: 'p0', types: ['PARTICIPANTS_ADDED'] as const },
      { groupId: 'nope' },
      { types: [] },
    ];
    for (const filter of filters) {
      const expected = appended.filter(
        (e) =>
          (filter.groupId === undefined || e.groupId === filter.groupId) &&
          (filter.phoneNumberId === undefined || e.phoneNumberId === filter.phoneNumberId) &&
          (filter.types === undefined || filter.types.length === 0 || (filter.types as readonly string[]).includes(e.type)),
      );
      const seen: StoredEvent[] = [];
      let after: string | null = null;
      for (let pages = 0; pages < 40; pages++) {
        const page = await h.log.read({ ...filter, after, limit: 4 });
        seen.push(...page.events);
        if (page.hasMore) expect(page.events).toHaveLength(4);
        else expect(page.events.length).toBeLessThanOrEqual(4);
        if (!page.hasMore) break;
        after = page.events[page.events.length - 1].cursor;
      }
      expect({ filter, ids: seen.map((e) => e.id) }).toEqual({ filter, ids: expected.map((e) => e.id) });
    }
  });

  it('resumes from any cursor, under any filter, with no gap and no duplicate', async () => {
    const events = Array.from({ length: 12 }, (_, i) => makeEvent({ groupId: i % 2 === 0 ? 'even' : 'odd' }));
    await h.log.append(events);
    const all = (await h.log.read({ limit: 100 })).events;
    const cursorOfFifth = all[4].cursor;
    const afterFifth = await h.log.read({ after: cursorOfFifth, limit: 100 });
    expect(afterFifth.events.map((e) => e.id)).toEqual(events.slice(5).map((e) => e.id));
    // The fifth event is in "even"; a cursor from the unfiltered read works for the "odd" filter too.
    const oddAfterFifth = await h.log.read({ after: cursorOfFifth, groupId: 'odd', limit: 100 });
    expect(oddAfterFifth.events.map((e) => e.id)).toEqual(events.slice(5).filter((e) => e.groupId === 'odd').map((e) => e.id));
    const last = all[all.length - 1].cursor;
    expect(await h.log.read({ after: last, limit: 10 })).toEqual({ events: [], hasMore: false });
    // Events appended later continue after the last cursor.
    const later = makeEvent({ groupId: 'odd' });
    await h.peer.append([later]);
    expect((await h.log.read({ after: last, limit: 10 })).events.map((e) => e.id)).toEqual([later.id]);
  });

  it('rejects strings that are not its cursors', async () => {
    await h.log.append([makeEvent()]);
    const forged = [
      'garbage!',
      'bm90LWEtY3Vyc29y', // "not-a-cursor"
      Buffer.from('v2:1-0').toString('base64url'),
      Buffer.from('v1:01-0').toString('base64url'),
      Buffer.from('v1:1-0 ').toString('base64url'),
      '',
    ];
    for (const after of forged) await expect(h.log.read({ after, limit: 1 })).rejects.toBeInstanceOf(InvalidCursorError);
  });

  it('expires cursors older than retention and stops returning expired events', async () => {
    const old = makeEvent();
    const [stored] = (await h.log.append([old])).stored;
    h.clock.advance(RETENTION_SECONDS * 1000);
    // Exactly at the boundary the cursor still works.
    expect(await h.log.read({ after: stored.cursor, limit: 10 })).toEqual({ events: [], hasMore: false });
    h.clock.advance(1);
    const error = await h.log.read({ after: stored.cursor, limit: 10 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CursorExpiredError);
    expect((error as CursorExpiredError).cursor).toBe(stored.cursor);
    expect(await h.log.read({ limit: 10 })).toEqual({ events: [], hasMore: false });
    const fresh = makeEvent();
    await h.log.append([fresh]);
    expect((await h.log.read({ limit: 10 })).events.map((e) => e.id)).toEqual([fresh.id]);
    expect((await h.log.read({ groupId: fresh.groupId, limit: 10 })).events.map((e) => e.id)).toEqual([fresh.id]);
  });

  it('publishes a group’s events in log order when two instances append concurrently', async () => {
    const recorder = await observe([h.topics.group('hot')]);
    const batches = Array.from({ length: 40 }, (_, i) => [makeEvent({ groupId: 'hot' }), makeEvent({ groupId: i % 2 === 0 ? 'hot' : 'cold' })]);
    await Promise.all(batches.map((batch, i) => (i % 2 === 0 ? h.log : h.peer).append(batch)));
    const hotCount = batches.flat().filter((e) => e.groupId === 'hot').length;
    const published = (await recorder.waitFor(hotCount)).map((m) => (JSON.parse(m.message) as StoredEvent).cursor);
    const logged = (await h.log.read({ groupId: 'hot', limit: 1000 })).events.map((e) => e.cursor);
    expect(logged).toHaveLength(hotCount);
    expect(published).toEqual(logged);
  });

  it('does not publish events without a phone number on a phone channel', async () => {
    const event = makeEvent({ groupId: 'np', phoneNumberId: null });
    expect(channelsForEvent(h.topics, event)).toEqual([h.topics.group('np'), h.topics.allEvents()]);
    const recorder = await observe([h.topics.allEvents()]);
    await h.log.append([event]);
    await recorder.waitFor(1);
    expect((await h.log.read({ phoneNumberId: 'p1', limit: 10 })).events).toEqual([]);
    expect((await h.log.read({ groupId: 'np', limit: 10 })).events.map((e) => e.id)).toEqual([event.id]);
  });

  it('treats an empty delivery as nothing to do', async () => {
    expect(await h.log.append([])).toEqual({ stored: [], duplicates: [] });
  });

  it('refuses a limit below 1 with the fix', async () => {
    await expect(h.log.read({ limit: 0 })).rejects.toThrow('EventLog.read expects limit to be an integer >= 1, got 0; clamp the page size first.');
  });

  it('answers ping while usable', async () => {
    await expect(h.log.ping()).resolves.toBeUndefined();
  });
});
