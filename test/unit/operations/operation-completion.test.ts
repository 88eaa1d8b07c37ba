import type { DomainEvent, StoredEvent } from '../../../src/events/event-model';
import { createInMemoryEventBus } from '../../../src/events/in-memory-event-bus';
import { createTopics } from '../../../src/events/topics';
import { createSilentLogger } from '../../../src/lib/logger';
import { createInMemoryOperationStore } from '../../../src/operations/in-memory-operation-store';
import type { OperationRecord } from '../../../src/operations/operation';
import { createOperationCompleter } from '../../../src/operations/operation-completion';
import type { OperationStore } from '../../../src/operations/operation-store';
import { createFakeClock } from '../../helpers/clock';
import { makeEvent, removal, T0 } from '../../helpers/events';

const topics = createTopics('test:');
const stored = (events: DomainEvent[]): StoredEvent[] => events.map((event, index) => ({ ...event, cursor: String(index) }));
const created = (inviteLink = 'https://chat.whatsapp.com/new') => ({ subject: 's', description: null, inviteLink, joinApprovalMode: 'AUTO_APPROVE' as const, participants: [], createdBy: null });

function setup(store?: OperationStore) {
  const clock = createFakeClock(T0);
  const operations = store ?? createInMemoryOperationStore({ ttlSeconds: 3600, clock });
  const bus = createInMemoryEventBus();
  const published: OperationRecord[] = [];
  const completer = createOperationCompleter({ operations, bus, topics, logger: createSilentLogger() });
  const listen = async (id: string) => bus.subscribe([topics.operation(id)], (_channel, message) => published.push(JSON.parse(message) as OperationRecord));
  /** Runs the completer as the ingress does: `fresh` events were stored now, the others are duplicates. */
  const deliver = async (events: DomainEvent[], fresh = events) => {
    await completer.afterStore(events, stored(fresh));
    await new Promise<void>((resolve) => queueMicrotask(resolve)); // the in-memory bus delivers on a microtask
  };
  return { clock, operations, bus, published, listen, deliver };
}

describe('createOperationCompleter', () => {
  it('completes a create by request_id and publishes the record on its operation channel', async () => {
    const { operations, published, listen, deliver } = setup();
    await operations.create({ id: 'req-1', kind: 'CREATE_GROUP', phoneNumberId: 'p', groupId: null, input: {} });
    await listen('req-1');
    const event = makeEvent({ type: 'GROUP_CREATED', details: created(), requestId: 'req-1', groupId: 'g-new' });
    await deliver([event]);
    expect(await operations.get('req-1')).toMatchObject({ status: 'SUCCEEDED', groupId: 'g-new', inviteLink: 'https://chat.whatsapp.com/new', completedByEventId: event.id });
    expect(published).toEqual([await operations.get('req-1')]);
  });

  it('keeps a create webhook that beats the create, so the operation is born SUCCEEDED', async () => {
    const { operations, deliver } = setup();
    await deliver([makeEvent({ type: 'GROUP_CREATED', details: created(), requestId: 'req-fast', groupId: 'g-fast' })]);
    expect(await operations.create({ id: 'req-fast', kind: 'CREATE_GROUP', phoneNumberId: 'p', groupId: null, input: {} })).toMatchObject({ status: 'SUCCEEDED', groupId: 'g-fast' });
  });

  it('re-publishes on a redelivery of the completing event, without changing the outcome', async () => {
    const { operations, published, listen, deliver } = setup();
    await operations.create({ id: 'req-2', kind: 'CREATE_GROUP', phoneNumberId: 'p', groupId: null, input: {} });
    await listen('req-2');
    const event = makeEvent({ type: 'GROUP_CREATED', details: created(), requestId: 'req-2', groupId: 'g2' });
    await deliver([event]);
    await deliver([event], []);
    expect(published.map((record) => record.status)).toEqual(['SUCCEEDED', 'SUCCEEDED']);
  });

  it('correlates a settings webhook to the newest pending update of that group created before the event', async () => {
    const { clock, operations, deliver } = setup();
    await operations.create({ id: 'op-old', kind: 'UPDATE_GROUP', phoneNumberId: null, groupId: 'g1', input: {} });
    clock.advance(500);
    await operations.create({ id: 'op-other-group', kind: 'UPDATE_GROUP', phoneNumberId: null, groupId: 'g2', input: {} });
    await operations.create({ id: 'op-delete', kind: 'DELETE_GROUP', phoneNumberId: null, groupId: 'g1', input: {} });
    await operations.create({ id: 'op-new', kind: 'UPDATE_GROUP', phoneNumberId: null, groupId: 'g1', input: {} });
    clock.advance(60_000);
    await operations.create({ id: 'op-later', kind: 'UPDATE_GROUP', phoneNumberId: null, groupId: 'g1', input: {} });

    const subject = { value: 'New', previousValue: null, changedBy: null, succeeded: true, errors: [] };
    await deliver([makeEvent({ type: 'SETTINGS_UPDATED', details: { subject, description: null, profilePicture: null, otherChanges: [], errors: [] }, atMs: T0 + 500 })]);
    const statuses = await Promise.all(['op-old', 'op-other-group', 'op-delete', 'op-new', 'op-later'].map(async (id) => (await operations.get(id))?.status));
    expect(statuses).toEqual(['PENDING', 'PENDING', 'PENDING', 'SUCCEEDED', 'PENDING']);
  });

  it('prefers the operation named by the event request_id over recency', async () => {
    const { operations, deliver } = setup();
    await operations.create({ id: 'rid-1', kind: 'DELETE_GROUP', phoneNumberId: null, groupId: 'g1', input: {} });
    await operations.create({ id: 'op-newer', kind: 'DELETE_GROUP', phoneNumberId: null, groupId: 'g1', input: {} });
    await deliver([makeEvent({ type: 'GROUP_DELETED', details: {}, requestId: 'rid-1' })]);
    expect((await operations.get('rid-1'))?.status).toBe('SUCCEEDED');
    expect((await operations.get('op-newer'))?.status).toBe('PENDING');
  });

  it('does not correlate a redelivered duplicate (it could complete a newer write), nor a leave', async () => {
    const { operations, deliver } = setup();
    await operations.create({ id: 'op-r', kind: 'REMOVE_PARTICIPANTS', phoneNumberId: null, groupId: 'g1', input: {} });
    await deliver([makeEvent({ type: 'PARTICIPANTS_REMOVED', details: removal(['111'], []) })], []);
    await deliver([makeEvent({ type: 'PARTICIPANTS_REMOVED', details: removal(['222'], [], 'PARTICIPANT'), id: 'evt_leave' })]);
    expect((await operations.get('op-r'))?.status).toBe('PENDING');

    await deliver([makeEvent({ type: 'PARTICIPANTS_REMOVED', details: removal(['111'], ['333']), id: 'evt_removal' })]);
    expect(await operations.get('op-r')).toMatchObject({ status: 'SUCCEEDED', completedByEventId: 'evt_removal', result: { removedParticipants: [{ input: '111' }], failedParticipants: [{ participant: { input: '333' } }] } });
  });

  it('logs a store failure per event and never throws (the events are stored already)', async () => {
    const failing = { ...createInMemoryOperationStore({ ttlSeconds: 60 }), complete: () => Promise.reject(new Error('store down')) } as OperationStore;
    const { deliver } = setup(failing);
    await expect(deliver([makeEvent({ type: 'GROUP_CREATED', details: created(), requestId: 'x' })])).resolves.toBeUndefined();
  });
});
