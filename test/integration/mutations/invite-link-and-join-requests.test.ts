import { ApproveJoinRequestsDocument, GroupDocument, GroupInviteLinkDocument, GroupJoinRequestsDocument, RejectJoinRequestsDocument, ResetInviteLinkDocument } from '../../generated/graphql';
import type { TestGateway } from '../../helpers/test-gateway';
import { startTestGateway } from '../../helpers/test-gateway';
import { groupItems, upstreamCalls } from './helpers/sandbox-webhooks';

describe('resetInviteLink, approveJoinRequests, rejectJoinRequests', () => {
  let t: TestGateway;
  let groupId: string;
  let approvalGroupId: string;

  beforeAll(async () => {
    t = await startTestGateway();
    const groups = t.sandbox.control.state().groups;
    groupId = groups.find((group) => group.joinApprovalMode === 'auto_approve' && group.participants.length === 3)?.id ?? '';
    approvalGroupId = groups.find((group) => group.joinApprovalMode === 'approval_required')?.id ?? '';
  });
  afterAll(() => t.dispose());
  beforeEach(() => t.sandbox.stats.reset());

  const pendingRequests = (): string[] => (t.sandbox.control.group(approvalGroupId)?.joinRequests ?? []).map((request) => request.joinRequestId);

  it('resetInviteLink answers the new link; the old one stops working and queries show the new one', async () => {
    const before = (await t.query(GroupInviteLinkDocument, { id: groupId })).body.data?.group?.inviteLink;
    t.sandbox.stats.reset();
    const response = await t.query(ResetInviteLinkDocument, { input: { clientMutationId: 'i-1', groupId } });
    expect(response.body.errors).toBeUndefined();
    expect(upstreamCalls(t.sandbox)).toEqual([{ method: 'POST', path: `/v23.0/${groupId}/invite_link`, body: { messaging_product: 'whatsapp' } }]);
    const current = t.sandbox.control.group(groupId)?.inviteLink;
    expect(response.body.data?.resetInviteLink).toEqual({ clientMutationId: 'i-1', inviteLink: current, group: { id: groupId, inviteLink: current } });
    expect(current).not.toBe(before);
    expect(() => t.sandbox.control.joinByInviteLink({ inviteLink: before ?? '', waId: '14155550111' })).toThrow(/not the current link/);
    expect((await t.query(GroupInviteLinkDocument, { id: groupId })).body.data?.group?.inviteLink).toBe(current);
  });

  it('approveJoinRequests reports succeeded and failed ids as data; the approved user becomes a participant and the request is gone', async () => {
    const [approved] = pendingRequests();
    const requester = t.sandbox.control.group(approvalGroupId)?.joinRequests[0]?.waId;
    const response = await t.query(ApproveJoinRequestsDocument, { input: { clientMutationId: 'a-1', groupId: approvalGroupId, joinRequestIds: [approved ?? '', 'no-such-request'] } });
    expect(response.body.errors).toBeUndefined();
    expect(upstreamCalls(t.sandbox)[0]).toEqual({
      method: 'POST',
      path: `/v23.0/${approvalGroupId}/join_requests`,
      body: { messaging_product: 'whatsapp', join_requests: [approved, 'no-such-request'] },
    });
    expect(response.body.data?.approveJoinRequests).toMatchObject({
      clientMutationId: 'a-1',
      group: { id: approvalGroupId },
      succeededJoinRequestIds: [approved],
      failedJoinRequests: [{ joinRequestId: 'no-such-request', errors: [{ code: 131213 }] }],
      errors: [{ code: 131213 }],
    });

    await t.sandbox.webhooksIdle();
    expect(groupItems(t.sandbox, 'group_participants_update').map((item) => item.type)).toEqual(['group_participants_add']);
    const group = await t.query(GroupDocument, { id: approvalGroupId });
    expect(group.body.data?.group?.participants.map((participant) => participant.waId)).toContain(requester);
    const requests = await t.query(GroupJoinRequestsDocument, { id: approvalGroupId, first: 10 });
    expect(requests.body.data?.group?.joinRequests.edges.map((edge) => edge.node.id)).not.toContain(approved);
  });

  it('rejectJoinRequests removes the request; the user does not join', async () => {
    const [rejected] = pendingRequests();
    const requester = t.sandbox.control.group(approvalGroupId)?.joinRequests[0]?.waId;
    const response = await t.query(RejectJoinRequestsDocument, { input: { groupId: approvalGroupId, joinRequestIds: [rejected ?? ''] } });
    expect(response.body.errors).toBeUndefined();
    expect(upstreamCalls(t.sandbox)[0]).toEqual({ method: 'DELETE', path: `/v23.0/${approvalGroupId}/join_requests`, body: { messaging_product: 'whatsapp', join_requests: [rejected] } });
    expect(response.body.data?.rejectJoinRequests).toMatchObject({ succeededJoinRequestIds: [rejected], failedJoinRequests: [], errors: [] });
    const requests = await t.query(GroupJoinRequestsDocument, { id: approvalGroupId, first: 10 });
    expect(requests.body.data?.group?.joinRequests.edges).toEqual([]);
    expect(t.sandbox.control.group(approvalGroupId)?.participants.map((participant) => participant.waId)).not.toContain(requester);
  });
});
