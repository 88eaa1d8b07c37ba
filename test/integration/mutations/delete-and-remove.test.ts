import { DeleteGroupDocument, GroupDocument, OperationDocument, RemoveParticipantsDocument } from '../../generated/graphql';
import type { TestGateway } from '../../helpers/test-gateway';
import { startTestGateway } from '../../helpers/test-gateway';
import { groupItems, upstreamCalls } from './helpers/sandbox-webhooks';

describe('deleteGroup and removeParticipants: writes answered without a request_id, correlated to their webhooks', () => {
  let t: TestGateway;

  beforeAll(async () => {
    t = await startTestGateway();
  });
  afterAll(() => t.dispose());
  beforeEach(() => t.sandbox.stats.reset());

  const groupWith = (count: number): string => t.sandbox.control.state().groups.find((group) => group.participants.length === count)?.id ?? '';

  it('deleteGroup sends DELETE /<group>; the webhook completes the operation and the group is gone', async () => {
    const groupId = groupWith(2);
    const response = await t.query(DeleteGroupDocument, { input: { clientMutationId: 'd-1', groupId } });
    expect(response.body.errors).toBeUndefined();
    expect(upstreamCalls(t.sandbox)).toEqual([{ method: 'DELETE', path: `/v23.0/${groupId}`, body: undefined }]);
    expect(response.body.data?.deleteGroup).toMatchObject({ clientMutationId: 'd-1', deletedGroupId: groupId, operation: { kind: 'DELETE_GROUP', groupId } });

    await t.sandbox.webhooksIdle();
    expect(groupItems(t.sandbox, 'group_lifecycle_update').map((item) => item.type)).toEqual(['group_delete']);
    const operation = await t.query(OperationDocument, { id: response.body.data?.deleteGroup.operation.id ?? '' });
    expect(operation.body.data?.operation).toMatchObject({ status: 'SUCCEEDED', errors: [], group: { id: groupId } });
    expect((await t.query(GroupDocument, { id: groupId })).body.data?.group).toBeNull();
  });

  it('deleteGroup whose webhook reports a failure: FAILED with the code, and the group stays', async () => {
    const groupId = groupWith(1);
    t.sandbox.failNext({ operation: 'deleteGroup', code: 131207, async: true });
    const response = await t.query(DeleteGroupDocument, { input: { groupId } });
    await t.sandbox.webhooksIdle();
    const operation = await t.query(OperationDocument, { id: response.body.data?.deleteGroup.operation.id ?? '' });
    expect(operation.body.data?.operation).toMatchObject({ status: 'FAILED', errors: [{ code: 131207 }] });
    expect(t.sandbox.control.group(groupId)).not.toBeNull();
  });

  it('removeParticipants sends the users, and a partial failure arrives as data: who was removed, who was not', async () => {
    const groupId = groupWith(3);
    const [member] = t.sandbox.control.group(groupId)?.participants ?? [];
    const response = await t.query(RemoveParticipantsDocument, { input: { clientMutationId: 'r-1', groupId, participants: [`+${member?.waId ?? ''}`, '1 (999) 555-0100'] } });
    expect(response.body.errors).toBeUndefined();
    expect(upstreamCalls(t.sandbox)[0]).toEqual({
      method: 'DELETE',
      path: `/v23.0/${groupId}/participants`,
      body: { messaging_product: 'whatsapp', participants: [{ user: member?.waId }, { user: '19995550100' }] },
    });
    expect(response.body.data?.removeParticipants).toMatchObject({ clientMutationId: 'r-1', group: { id: groupId }, operation: { kind: 'REMOVE_PARTICIPANTS' } });

    await t.sandbox.webhooksIdle();
    const operation = await t.query(OperationDocument, { id: response.body.data?.removeParticipants.operation.id ?? '' });
    expect(operation.body.data?.operation).toMatchObject({
      status: 'SUCCEEDED',
      removedParticipants: [{ waId: member?.waId, input: member?.waId }],
      failedParticipants: [{ participant: { input: '19995550100' }, errors: [{ code: 131212 }] }],
      errors: [{ code: 131201 }],
    });
    const group = await t.query(GroupDocument, { id: groupId });
    expect(group.body.data?.group?.participants.map((participant) => participant.waId)).not.toContain(member?.waId);
    expect(group.body.data?.group?.totalParticipantCount).toBe(2);
  });

  it('removeParticipants whose webhook reports a total failure is FAILED, listing everyone as not removed', async () => {
    const groupId = groupWith(5);
    const members = (t.sandbox.control.group(groupId)?.participants ?? []).slice(0, 2).map((participant) => participant.waId);
    t.sandbox.failNext({ operation: 'removeParticipants', code: 131207, async: true });
    const response = await t.query(RemoveParticipantsDocument, { input: { groupId, participants: members } });
    await t.sandbox.webhooksIdle();
    const operation = await t.query(OperationDocument, { id: response.body.data?.removeParticipants.operation.id ?? '' });
    expect(operation.body.data?.operation).toMatchObject({ status: 'FAILED', removedParticipants: [], errors: [{ code: 131207 }] });
    expect(operation.body.data?.operation?.failedParticipants.map((failed) => failed.participant.input)).toEqual(members);
    expect(t.sandbox.control.group(groupId)?.participants).toHaveLength(5);
  });

  it('a participant leaving completes no pending removal', async () => {
    const groupId = groupWith(5);
    const [leaver, removed] = t.sandbox.control.group(groupId)?.participants ?? [];
    // Hold the removal's webhook back (recorded, not delivered), so its operation is still PENDING when the leave arrives.
    t.sandbox.setWebhookUrl(null);
    const response = await t.query(RemoveParticipantsDocument, { input: { groupId, participants: [removed?.waId ?? ''] } });
    await t.sandbox.webhooksIdle();
    t.sandbox.setWebhookUrl(`${t.url}/webhooks/meta`);
    t.sandbox.control.leaveGroup({ groupId, waId: leaver?.waId ?? '' });
    await t.sandbox.webhooksIdle();
    const id = response.body.data?.removeParticipants.operation.id ?? '';
    expect((await t.query(OperationDocument, { id })).body.data?.operation).toMatchObject({ status: 'PENDING', removedParticipants: [] });
  });
});
