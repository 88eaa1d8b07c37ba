import { CursorExpiredError, InvalidCursorError } from '../../../src/events/event-log';
import type { DomainEvent, StoredEvent } from '../../../src/events/event-model';
import { channelsForEvent } from '../../../src/events/topics';
import { createMessageRecorder } from './bus-recorder';
import { makeEvent } from '../../helpers/events';
import type { LogHarness } from './event-log-harness';
import { DEDUPE_TTL_SECONDS, logImplementations, RETENTION_SECONDS } from './event-log-harness';

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

  it('stores, returns and publishes events in log order, each channel with the cursors of its own stream', async () => {
    const e1 = makeEvent({ groupId: 'g1', phoneNumberId: 'p1' });
    const e2 = makeEvent({ groupId: 'g1', phoneNumberId: 'p1', type: 'SETTINGS_UPDATED' });
    const recorder = await observe(channelsForEvent(h.topics, e1));

    const result = await h.log.append([e1, e2]);

    expect(result.duplicates).toEqual([]);
    expect(result.stored.map(withoutCursor)).toEqual([e1, e2]);
    expect(new Set(result.stored.map((e) => e.cursor)).size).toBe(2);
    // The append returns the cursors of the group's stream.
    expect(await h.log.read({ groupId: 'g1', limit: 10 })).toEqual({ events: result.stored, hasMore: false });
    const byPhone = await h.log.read({ phoneNumberId: 'p1', limit: 10 });
    const all = await h.log.read({ limit: 10 });
    for (const page of [byPhone, all]) expect(page.events.map(withoutCursor)).toEqual([e1, e2]);

    await recorder.waitFor(6);
    const pages = [result.stored, byPhone.events, all.events];
    channelsForEvent(h.topics, e1).forEach((channel, i) => {
      // The payload is the stored event, cursor included: the cursor a read of that channel's stream returns.
      expect(recorder.on(channel).map((m) => JSON.parse(m) as StoredEvent)).toEqual(pages[i]);
    });
    expect(new Set([...byPhone.events, ...all.events, ...result.stored].map((e) => e.cursor)).size).toBe(6);
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
    const byPhone = await h.log.read({ phoneNumberId: 'p9', limit: 10 });
    const all = await h.log.read({ limit: 10 });
    for (const page of [byPhone, all]) {
      // All three; the group's two in their order (the refused create has its own home: its place between them is free).
      expect(ids(page).sort()).toEqual([before.id, refused.id, after.id].sort());
      expect(ids(page).filter((id) => id !== refused.id)).toEqual([before.id, after.id]);
    }
    expect(ids(await h.log.read({ groupId: 'gx', limit: 10 }))).toEqual([before.id, after.id]);
    expect(ids(await h.log.read({ phoneNumberId: 'p9', after: byPhone.events[0]?.cursor, limit: 1 }))).toEqual(ids(byPhone).slice(1, 2));
    expect(ids(await h.log.read({ phoneNumberId: 'p9', after: byPhone.events[1]?.cursor, limit: 10 }))).toEqual(ids(byPhone).slice(2));
    await recorder.waitFor(6);
    expect(recorder.on(h.topics.phoneNumber('p9')).map((m) => (JSON.parse(m) as StoredEvent).id)).toEqual(ids(byPhone));
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

  it('drops a redelivery for the whole dedupe TTL, across midnight, and stores it again once the TTL has passed', async () => {
    // Just before midnight UTC: the Redis log keeps its dedupe fields in one hash per day.
    h.clock.set(Date.UTC(2025, 0, 2) - 1_000);
    const event = makeEvent({ groupId: 'gt', phoneNumberId: 'pt' });
    expect((await h.log.append([event])).stored.map((e) => e.id)).toEqual([event.id]);

    h.clock.advance(DEDUPE_TTL_SECONDS * 1000 - 1);
    expect(await h.peer.append([event])).toEqual({ stored: [], duplicates: [event] });
    h.clock.advance(1);
    const again = await h.log.append([event]);

    expect(again.stored.map((e) => e.id)).toEqual([event.id]);
    expect(await h.peer.append([event])).toEqual({ stored: [], duplicates: [event] });
    expect((await h.log.read({ groupId: 'gt', limit: 10 })).events.map((e) => e.id)).toEqual([event.id, event.id]);
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
      // Every match once; each group's events in the order they arrived (the order between groups is the stream's own).
      expect({ filter, ids: seen.map((e) => e.id).sort() }).toEqual({ filter, ids: expected.map((e) => e.id).sort() });
      for (const groupId of ['g0', 'g1', 'g2']) {
        const ofGroup = (events: readonly DomainEvent[]) => events.filter((e) => e.groupId === groupId).map((e) => e.id);
        expect({ filter, groupId, ids: ofGroup(seen) }).toEqual({ filter, groupId, ids: ofGroup(expected) });
      }
    }
  });

  it('resumes from any cursor of the stream its filter reads, with no gap and no duplicate', async () => {
    const events = Array.from({ length: 12 }, (_, i) => makeEvent({ groupId: i % 2 === 0 ? 'even' : 'odd' }));
    await h.log.append(events);
    const all = (await h.log.read({ limit: 100 })).events;
    const cursorOfFifth = all[4].cursor;
    const afterFifth = await h.log.read({ after: cursorOfFifth, limit: 100 });
    expect(afterFifth.events.map((e) => e.id)).toEqual(all.slice(5).map((e) => e.id));
    const odd = (await h.log.read({ groupId: 'odd', limit: 100 })).events;
    const oddAfterSecond = await h.log.read({ after: odd[1].cursor, groupId: 'odd', limit: 100 });
    expect(oddAfterSecond.events.map((e) => e.id)).toEqual(events.filter((e) => e.groupId === 'odd').slice(2).map((e) => e.id));
    const last = all[all.length - 1].cursor;
    expect(await h.log.read({ after: last, limit: 10 })).toEqual({ events: [], hasMore: false });
    // Events appended later continue after the last cursor.
    const later = makeEvent({ groupId: 'odd' });
    await h.peer.append([later]);
    expect((await h.log.read({ after: last, limit: 10 })).events.map((e) => e.id)).toEqual([later.id]);
  });

  it('refuses a cursor of another stream than the filter reads, saying which filter it belongs to', async () => {
    await h.log.append([makeEvent({ groupId: 'g1', phoneNumberId: 'p1' })]);
    const [fromAll] = (await h.log.read({ limit: 1 })).events;
    const [fromGroup] = (await h.log.read({ groupId: 'g1', limit: 1 })).events;
    const [fromPhone] = (await h.log.read({ phoneNumberId: 'p1', limit: 1 })).events;
    const attempts = [
      { after: fromAll.cursor, groupId: 'g1' },
      { after: fromGroup.cursor, phoneNumberId: 'p1' },
      { after: fromGroup.cursor, groupId: 'g2' },
      { after: fromPhone.cursor },
    ];
    for (const attempt of attempts) {
      const error = await h.log.read({ ...attempt, limit: 1 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidCursorError);
      expect((error as InvalidCursorError).reason).toMatch(/^it continues .+, but this read follows .+; pass a cursor that a read or subscription with the same groupId\/phoneNumberId filter returned$/);
    }
    // A group + phone filter reads the group's stream.
    expect((await h.log.read({ after: fromGroup.cursor, groupId: 'g1', phoneNumberId: 'p1', limit: 1 })).events).toEqual([]);
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
    const group = { groupId: old.groupId };
    h.clock.advance(RETENTION_SECONDS * 1000);
    // Exactly at the boundary the cursor still works.
    expect(await h.log.read({ ...group, after: stored.cursor, limit: 10 })).toEqual({ events: [], hasMore: false });
    h.clock.advance(1);
    const error = await h.log.read({ ...group, after: stored.cursor, limit: 10 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CursorExpiredError);
    expect((error as CursorExpiredError).cursor).toBe(stored.cursor);
    expect(await h.log.read({ limit: 10 })).toEqual({ events: [], hasMore: false });
    const fresh = makeEvent();
    await h.log.append([fresh]);
    expect((await h.log.read({ limit: 10 })).events.map((e) => e.id)).toEqual([fresh.id]);
    expect((await h.log.read({ groupId: fresh.groupId, limit: 10 })).events.map((e) => e.id)).toEqual([fresh.id]);
  });

  it('keeps a group’s order in its own, its phone number’s and the all-events stream when two instances append concurrently', async () => {
    const recorder = await observe([h.topics.group('hot'), h.topics.phoneNumber('p1'), h.topics.allEvents()]);
    const batches = Array.from({ length: 40 }, (_, i) => [makeEvent({ groupId: 'hot' }), makeEvent({ groupId: i % 2 === 0 ? 'hot' : 'cold' })]);
    await Promise.all(batches.map((batch, i) => (i % 2 === 0 ? h.log : h.peer).append(batch)));
    const hotCount = batches.flat().filter((e) => e.groupId === 'hot').length;
    await recorder.waitFor(hotCount + 80 + 80);
    const published = (channel: string) => recorder.on(channel).map((m) => JSON.parse(m) as StoredEvent);
    const logged = (await h.log.read({ groupId: 'hot', limit: 1000 })).events;
    expect(logged).toHaveLength(hotCount);
    expect(published(h.topics.group('hot')).map((e) => e.cursor)).toEqual(logged.map((e) => e.cursor));
    const hotIds = logged.map((e) => e.id);
    for (const [channel, read] of [
      [h.topics.phoneNumber('p1'), await h.log.read({ phoneNumberId: 'p1', limit: 1000 })],
      [h.topics.allEvents(), await h.log.read({ limit: 1000 })],
    ] as const) {
      expect(read.events).toHaveLength(80);
      expect(published(channel).map((e) => e.cursor)).toEqual(read.events.map((e) => e.cursor));
      expect(read.events.filter((e) => e.groupId === 'hot').map((e) => e.id)).toEqual(hotIds);
    }
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

  it('stores an event once when a delivery holds the very same object twice', async () => {
    const event = makeEvent({ groupId: 'twice' });
    const result = await h.log.append([event, event]);
    expect(result.stored.map(withoutCursor)).toEqual([event]);
    expect(result.duplicates).toEqual([event]);
    expect((await h.log.read({ groupId: 'twice', limit: 10 })).events.map((e) => e.id)).toEqual([event.id]);
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
