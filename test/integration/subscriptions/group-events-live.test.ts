import { UpdateGroupDocument } from '../../generated/graphql';
import type { TestGateway } from '../../helpers/test-gateway';
import { startTestGateway } from '../../helpers/test-gateway';
import { markerCursor, storedEvents } from '../../helpers/stored-events';
import type { WsClient } from '../../helpers/ws-client';
import { openWsClient, subscribe } from '../../helpers/ws-client';
import { SANDBOX_PHONE_A } from '../../helpers/constants';

jest.setTimeout(20_000);

const LIVE = `
  subscription Live($groupId: ID!, $after: String) {
    groupEvents(groupId: $groupId, after: $after) {
      __typename id cursor type groupId phoneNumberId source
      group { id subject }
      ... on ParticipantsAddedEvent { reason participants { waId username } }
      ... on ParticipantsRemovedEvent { initiatedBy participants { waId } }
      ... on JoinRequestCreatedEvent { joinRequestId participant { waId username } }
      ... on JoinRequestRevokedEvent { joinRequestId participant { waId } }
      ... on MessageReceivedEvent { messageId messageType text from { waId name } }
      ... on SettingsUpdatedEvent { subjectChange { value succeeded } descriptionChange { value } }
    }
  }`;

const OPERATION = 'subscription Op($id: ID!) { operationUpdated(id: $id) { id kind status groupId errors { code } } }';

interface LiveEvent {
  __typename: string;
  id: string;
  cursor: string;
  type: string;
  groupId: string;
  phoneNumberId: string | null;
  source: string;
  group: { id: string; subject: string } | null;
  [detail: string]: unknown;
}

interface OperationUpdate {
  id: string;
  status: string;
}

describe('Subscription.groupEvents over graphql-ws, driven through the sandbox', () => {
  let t: TestGateway;
  let ws: WsClient;

  beforeAll(async () => {
    t = await startTestGateway();
    ws = openWsClient({ url: t.graphqlUrl });
  });
  afterAll(async () => {
    await ws.dispose();
    await t.dispose();
  });

  it('delivers a join by link, a join request, a message and a subject change to the subscribers of their groups, in order and with their details, and nothing to another group', async () => {
    const groups = t.sandbox.control.state().groups.filter((group) => group.phoneNumberId === SANDBOX_PHONE_A);
    const x = groups.find((group) => group.subject === 'Watch Enthusiasts')!;
    const approvalX = groups.find((group) => group.joinApprovalMode === 'approval_required')!;
    const y = groups.find((group) => group.subject === 'New Purchase Inquiry')!;
    const [newcomer, requester, yMember] = ['15550001111', '15550002222', y.participants[0].waId];

    // Subscriptions start "now"; `after` = the cursor of a marker event in each group makes the start race-free:
    // whatever the three groups get from here on is delivered, live or by the replay that precedes live.
    const [now, nowApprovalX, nowY] = [await markerCursor(t, x.id), await markerCursor(t, approvalX.id), await markerCursor(t, y.id)];
    const onX = subscribe<LiveEvent>(ws, { query: LIVE, variables: { groupId: x.id, after: now }, field: 'groupEvents' });
    const onApprovalX = subscribe<LiveEvent>(ws, { query: LIVE, variables: { groupId: approvalX.id, after: nowApprovalX }, field: 'groupEvents' });
    const onY = subscribe<LiveEvent>(ws, { query: LIVE, variables: { groupId: y.id, after: nowY }, field: 'groupEvents' });

    // What WhatsApp users and the business do, each sending the webhook Meta would, in this order.
    expect(t.sandbox.control.joinByInviteLink({ inviteLink: x.inviteLink!, waId: newcomer, username: 'newbie' })).toEqual({ status: 'joined', groupId: x.id });
    const { joinRequestId } = t.sandbox.control.requestToJoin({ groupId: approvalX.id, waId: requester, username: 'asking' });
    const { messageId } = t.sandbox.control.sendText({ groupId: x.id, waId: newcomer, text: 'Hello, watch people!' });
    const update = await t.query(UpdateGroupDocument, { input: { groupId: x.id, subject: 'Watch Lovers' } });
    expect(update.body.errors).toBeUndefined();
    const operationId = update.body.data!.updateGroup.operation.id;
    const onOperation = subscribe<OperationUpdate>(ws, { query: OPERATION, variables: { id: operationId }, field: 'operationUpdated' });

    const xEvents = await onX.take(3);
    expect(xEvents.map((event) => event.type)).toEqual(['PARTICIPANTS_ADDED', 'MESSAGE_RECEIVED', 'SETTINGS_UPDATED']);
    const common = { groupId: x.id, phoneNumberId: SANDBOX_PHONE_A, source: 'SANDBOX' };
    expect(xEvents[0]).toMatchObject({ ...common, __typename: 'ParticipantsAddedEvent', reason: 'invite_link', participants: [{ waId: newcomer, username: 'newbie' }] });
    expect(xEvents[1]).toMatchObject({ ...common, __typename: 'MessageReceivedEvent', messageId, messageType: 'text', text: 'Hello, watch people!', from: { waId: newcomer } });
    // Each emission reads the group with fresh loaders: the settings event sees the subject it announces.
    expect(xEvents[2]).toMatchObject({
      ...common,
      __typename: 'SettingsUpdatedEvent',
      subjectChange: { value: 'Watch Lovers', succeeded: true },
      descriptionChange: null,
      group: { id: x.id, subject: 'Watch Lovers' },
    });
    expect(await onApprovalX.take(1)).toEqual([
      expect.objectContaining({ __typename: 'JoinRequestCreatedEvent', groupId: approvalX.id, joinRequestId, participant: { waId: requester, username: 'asking' } }),
    ]);

    // Every cursor resumes right after its event: the history query answers the same ids in the same order.
    expect((await storedEvents(t.graphqlUrl, x.id, now)).map((event) => event.id)).toEqual(xEvents.map((event) => event.id));

    // "Nothing else": one more event per group, sent after everything above; each subscriber's next item is it.
    t.sandbox.control.sendText({ groupId: y.id, waId: yMember, text: 'Only for Y' });
    t.sandbox.control.leaveGroup({ groupId: x.id, waId: newcomer });
    t.sandbox.control.cancelJoinRequest({ groupId: approvalX.id, joinRequestId });
    await t.sandbox.webhooksIdle();
    expect(await onY.take(1)).toEqual([expect.objectContaining({ type: 'MESSAGE_RECEIVED', groupId: y.id, text: 'Only for Y', from: { waId: yMember, name: expect.any(String) } })]);
    expect((await onX.take(4))[3]).toMatchObject({ type: 'PARTICIPANTS_REMOVED', initiatedBy: 'PARTICIPANT', participants: [{ waId: newcomer }] });
    expect((await onApprovalX.take(2))[1]).toMatchObject({ type: 'JOIN_REQUEST_REVOKED', joinRequestId, participant: { waId: requester } });
    expect([onX.items.length, onApprovalX.items.length, onY.items.length]).toEqual([4, 2, 1]);
    expect([...onX.results, ...onApprovalX.results, ...onY.results].filter((result) => result.errors !== undefined)).toEqual([]);

    // operationUpdated sends the state it finds, then every change, and completes at the final status.
    expect(await onOperation.ended).toEqual({ kind: 'complete' });
    expect(onOperation.items.at(-1)).toEqual({ id: operationId, kind: 'UPDATE_GROUP', status: 'SUCCEEDED', groupId: x.id, errors: [] });
    expect(onOperation.items.slice(0, -1).every((item) => item.status === 'PENDING')).toBe(true);

    for (const recording of [onX, onApprovalX, onY]) recording.stop();
    await Promise.all([onX.ended, onApprovalX.ended, onY.ended]);
  });
});
