import type { ExecutionResult } from 'graphql';
import { publishOperation } from '../../../../src/operations/operation-updates';
import { makeEvent } from '../../../helpers/events';
import type { GraphHarness } from '../../../helpers/events-schema-harness';
import { createGraphHarness, isStream, nextResults, RETENTION_SECONDS } from '../../../helpers/events-schema-harness';

const GROUP_EVENTS = `
  subscription Live($groupId: ID, $types: [GroupEventType!], $after: String) {
    groupEvents(groupId: $groupId, types: $types, after: $after) { id cursor __typename }
  }`;

const WITH_GROUP = `subscription { groupEvents(groupId: "g1") { id group { subject } } }`;

const OPERATION = `subscription Op($id: ID!) { operationUpdated(id: $id) { id kind status groupId inviteLink errors { code } } }`;

describe('Subscription.groupEvents', () => {
  let h: GraphHarness;
  const open: AsyncGenerator<ExecutionResult>[] = [];
  beforeEach(async () => {
    h = await createGraphHarness({ queueLimit: 3 });
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((stream) => stream.return(undefined)));
    await h.dispose();
  });

  async function live(source: string, variables: Record<string, unknown> = {}): Promise<AsyncGenerator<ExecutionResult>> {
    const result = await h.subscribe(source, variables);
    if (!isStream(result)) throw new Error(`subscribe failed: ${JSON.stringify(result.errors)}`);
    open.push(result);
    return result;
  }

  it('replays the log after the cursor, then delivers live events, each as its concrete type', async () => {
    const stored = await h.append(makeEvent({ groupId: 'g1' }), makeEvent({ groupId: 'g1', type: 'GROUP_SUSPENDED' }), makeEvent({ groupId: 'g2' }));
    const stream = await live(GROUP_EVENTS, { groupId: 'g1', after: stored[0].cursor });
    const [liveEvent] = await h.append(makeEvent({ groupId: 'g1', type: 'SETTINGS_UPDATED' }));

    const results = await nextResults(stream, 2);

    expect(results).toEqual([
      { data: { groupEvents: { id: stored[1].id, cursor: stored[1].cursor, __typename: 'GroupSuspendedEvent' } } },
      { data: { groupEvents: { id: liveEvent.id, cursor: liveEvent.cursor, __typename: 'SettingsUpdatedEvent' } } },
    ]);
  });

  it('delivers a create refused before a group existed (null groupId) to a phone-filtered subscriber, not a group-filtered one', async () => {
    const byPhone = await live(`subscription { groupEvents(phoneNumberId: "p1") { id groupId requestId group { id } __typename } }`);
    const byGroup = await live(GROUP_EVENTS, { groupId: 'g1' });
    const [refused] = await h.append(makeEvent({ type: 'GROUP_CREATE_FAILED', groupId: null, phoneNumberId: 'p1', requestId: 'req-9' }));
    const [sentinel] = await h.append(makeEvent({ groupId: 'g1', phoneNumberId: 'p1' }));

    expect(await nextResults(byPhone, 1)).toEqual([{ data: { groupEvents: { id: refused.id, groupId: null, requestId: 'req-9', group: null, __typename: 'GroupCreateFailedEvent' } } }]);
    // The group-filtered subscriber's next event is the sentinel: the refused create never reached it.
    expect(await nextResults(byGroup, 1)).toEqual([{ data: { groupEvents: { id: sentinel.id, cursor: sentinel.cursor, __typename: 'ParticipantsAddedEvent' } } }]);
  });

  it('reads each emission\'s group with fresh loaders, made only when the selection needs them', async () => {
    const idsOnly = await live(GROUP_EVENTS, { groupId: 'g1' });
    const withGroup = await live(WITH_GROUP);
    await h.append(makeEvent({ groupId: 'g1' }));
    expect((await nextResults(withGroup, 1))[0].data).toMatchObject({ groupEvents: { group: { subject: 'Team' } } });
    await nextResults(idsOnly, 1);
    expect(h.loaderSetsCreated()).toBe(1);

    h.groups[0].subject = 'Renamed';
    await h.append(makeEvent({ groupId: 'g1' }));

    expect((await nextResults(withGroup, 1))[0].data).toMatchObject({ groupEvents: { group: { subject: 'Renamed' } } });
    expect(h.loaderSetsCreated()).toBe(2);
  });

  it('ends a subscriber that falls behind with one SUBSCRIBER_TOO_SLOW result carrying where to resume', async () => {
    const stream = await live(GROUP_EVENTS, { groupId: 'g1' });
    const [first] = await h.append(makeEvent({ groupId: 'g1' }));
    await nextResults(stream, 1);
    await h.append(...Array.from({ length: 4 }, () => makeEvent({ groupId: 'g1' })));

    const [failure] = await nextResults(stream, 1);

    expect(failure.data).toBeNull();
    expect(failure.errors).toHaveLength(1);
    expect(failure.errors?.[0].extensions).toEqual({ code: 'SUBSCRIBER_TOO_SLOW', resumeAfter: first.cursor, queueLimit: 3 });
    expect(failure.errors?.[0].message).toMatch(/fell more than 3 events behind/);
    expect(await stream.next()).toEqual({ value: undefined, done: true });
  });

  it('refuses at subscribe time an expired cursor (CURSOR_EXPIRED) and a foreign one (BAD_USER_INPUT)', async () => {
    const [old] = await h.append(makeEvent({ groupId: 'g1' }));
    h.clock.advance(RETENTION_SECONDS * 1000 + 1);

    const expired = await h.subscribe(GROUP_EVENTS, { groupId: 'g1', after: old.cursor });
    const foreign = await h.subscribe(GROUP_EVENTS, { after: 'eyJ2IjoxfQ' });

    expect(isStream(expired)).toBe(false);
    expect((expired as ExecutionResult).errors?.[0].extensions).toMatchObject({ code: 'CURSOR_EXPIRED', argumentName: 'after' });
    expect((foreign as ExecutionResult).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'after' });
  });
});

describe('Subscription.operationUpdated', () => {
  let h: GraphHarness;
  beforeEach(async () => {
    h = await createGraphHarness();
  });
  afterEach(() => h.dispose());

  async function live(id: string): Promise<AsyncGenerator<ExecutionResult>> {
    const result = await h.subscribe(OPERATION, { id });
    if (!isStream(result)) throw new Error(`subscribe failed: ${JSON.stringify(result.errors)}`);
    return result;
  }

  it('sends the current state, then the completion, then completes', async () => {
    await h.operations.create({ id: 'req-1', kind: 'CREATE_GROUP', phoneNumberId: 'p1', groupId: null, input: { subject: 'Team' } });
    const stream = await live('req-1');
    const [current] = await nextResults(stream, 1);
    h.clock.advance(1000);
    const { record } = await h.operations.complete('req-1', { status: 'SUCCEEDED', groupId: 'g9', inviteLink: 'https://chat.whatsapp.com/x' });
    if (record === null) throw new Error('operation vanished');
    await publishOperation(h.bus, h.topics, record);
    await publishOperation(h.bus, h.topics, record); // a repeated publication is not a change

    const [completed] = await nextResults(stream, 1);

    expect(current.data).toEqual({ operationUpdated: { id: 'req-1', kind: 'CREATE_GROUP', status: 'PENDING', groupId: null, inviteLink: null, errors: [] } });
    expect(completed.data).toEqual({
      operationUpdated: { id: 'req-1', kind: 'CREATE_GROUP', status: 'SUCCEEDED', groupId: 'g9', inviteLink: 'https://chat.whatsapp.com/x', errors: [] },
    });
    expect(await stream.next()).toEqual({ value: undefined, done: true });
  });

  it('sends an already finished operation once and completes', async () => {
    await h.operations.create({ id: 'req-2', kind: 'DELETE_GROUP', phoneNumberId: 'p1', groupId: 'g1', input: null });
    await h.operations.complete('req-2', { status: 'FAILED', errors: [{ code: 131000, title: 'x', message: null, details: null }] });
    const stream = await live('req-2');

    const [only] = await nextResults(stream, 1);

    expect(only.data).toMatchObject({ operationUpdated: { status: 'FAILED', errors: [{ code: 131000 }] } });
    expect(await stream.next()).toEqual({ value: undefined, done: true });
  });

  it('waits for an operation it does not know yet, ignoring other operations\' records', async () => {
    const stream = await live('req-3');
    const pending = stream.next();
    const other = await h.operations.create({ id: 'req-other', kind: 'DELETE_GROUP', phoneNumberId: 'p1', groupId: 'g1', input: null });
    await h.bus.publish(h.topics.operation('req-3'), JSON.stringify(other));
    const created = await h.operations.create({ id: 'req-3', kind: 'DELETE_GROUP', phoneNumberId: 'p1', groupId: 'g1', input: null });
    await publishOperation(h.bus, h.topics, created);

    expect((await pending).value).toMatchObject({ data: { operationUpdated: { id: 'req-3', status: 'PENDING' } } });
    await stream.return(undefined);
  });
});
