import { DeleteInviteLinkDocument, GroupInviteLinkDocument, SendGroupInviteTemplateDocument } from '../../generated/graphql';
import type { TestGateway } from '../../helpers/test-gateway';
import { startTestGateway } from '../../helpers/test-gateway';
import { SANDBOX_PHONE_A, SANDBOX_PHONE_B } from '../../helpers/constants';
import { upstreamCalls } from './helpers/sandbox-webhooks';

describe('deleteInviteLink and sendGroupInviteTemplate against the sandbox', () => {
  let t: TestGateway;
  let groupId: string;
  let groupOfB: string;

  beforeAll(async () => {
    t = await startTestGateway();
    const groups = t.sandbox.control.state().groups;
    groupId = groups.find((group) => group.phoneNumberId === SANDBOX_PHONE_A && group.joinApprovalMode === 'auto_approve' && group.participants.length === 3)?.id ?? '';
    groupOfB = groups.find((group) => group.phoneNumberId === SANDBOX_PHONE_B)?.id ?? '';
  });
  afterAll(() => t.dispose());
  beforeEach(() => t.sandbox.stats.reset());

  it('deleteInviteLink: DELETE /<GROUP_ID>/invite_link, answered synchronously; the old link stops working', async () => {
    const before = (await t.query(GroupInviteLinkDocument, { id: groupId })).body.data?.group?.inviteLink ?? '';
    expect(before).toMatch(/^https:\/\/chat\.whatsapp\.com\//);
    t.sandbox.stats.reset();

    const response = await t.query(DeleteInviteLinkDocument, { input: { clientMutationId: 'd-1', groupId } });
    expect(response.body.errors).toBeUndefined();
    expect(upstreamCalls(t.sandbox)).toEqual([{ method: 'DELETE', path: `/v23.0/${groupId}/invite_link`, body: { messaging_product: 'whatsapp' } }]);
    // group.phoneNumberId is what the gateway knows of the group's owner (null until it has listed or heard of it).
    expect(response.body.data?.deleteInviteLink).toMatchObject({ clientMutationId: 'd-1', deleted: true, group: { id: groupId } });
    expect(t.sandbox.control.group(groupId)?.inviteLink).toBeNull();
    expect(() => t.sandbox.control.joinByInviteLink({ inviteLink: before, waId: '14155550123' })).toThrow(/not the current link/);
    // No webhook follows a deletion (none is documented).
    await t.sandbox.webhooksIdle();
    expect(t.sandbox.stats.webhooks).toEqual([]);
  });

  it('deleteInviteLink of an unknown group is NOT_FOUND with the upstream code', async () => {
    const response = await t.query(DeleteInviteLinkDocument, { input: { groupId: 'Y2FwaV9ncm91cDpub3BlOm5vcGUZD' } });
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', upstream: { code: 131041 } });
  });

  it.each([
    ['the URL button (the default)', {}, { type: 'button', sub_type: 'url', index: '0' }],
    ['the second URL button', { buttonIndex: 1 }, { type: 'button', sub_type: 'url', index: '1' }],
    ['the body', { groupIdIn: 'BODY' as const }, { type: 'body' }],
  ])('sendGroupInviteTemplate sends the template 1:1 with the group id in %s and answers its wamid', async (_where, slot, component) => {
    const response = await t.query(SendGroupInviteTemplateDocument, {
      input: { clientMutationId: 'inv', groupId, to: '+1 (415) 555-0142', template: { name: 'group_invite_link', languageCode: 'en_US', ...slot } },
    });
    expect(response.body.errors).toBeUndefined();
    expect(upstreamCalls(t.sandbox)).toEqual([
      {
        method: 'POST',
        path: `/v23.0/${SANDBOX_PHONE_A}/messages`,
        body: {
          messaging_product: 'whatsapp',
          recipient_type: 'individual',
          to: '14155550142',
          type: 'template',
          template: { name: 'group_invite_link', language: { code: 'en_US' }, components: [{ ...component, parameters: [{ type: 'group_id', group_id: groupId }] }] },
        },
      },
    ]);
    expect(response.body.data?.sendGroupInviteTemplate).toEqual({
      clientMutationId: 'inv',
      messageId: expect.stringMatching(/^wamid\./),
      to: '14155550142',
      group: { id: groupId, phoneNumberId: SANDBOX_PHONE_A },
    });
  });

  it('sendGroupInviteTemplate to a business-scoped user id, once per idempotencyKey', async () => {
    const input = { groupId, to: 'US.13491208655302741918', template: { name: 'group_invite_link', languageCode: 'en' }, idempotencyKey: 'invite-ada-1' };
    const first = await t.query(SendGroupInviteTemplateDocument, { input });
    const second = await t.query(SendGroupInviteTemplateDocument, { input });
    expect(first.body.errors).toBeUndefined();
    expect(second.body.data?.sendGroupInviteTemplate.messageId).toBe(first.body.data?.sendGroupInviteTemplate.messageId);
    expect(upstreamCalls(t.sandbox)).toHaveLength(1);
    expect(upstreamCalls(t.sandbox)[0]?.body).toMatchObject({ to: 'US.13491208655302741918' });
  });

  it("sendGroupInviteTemplate for another number's group is refused upstream with 131041", async () => {
    const response = await t.query(SendGroupInviteTemplateDocument, { input: { groupId: groupOfB, to: '14155550142', template: { name: 'group_invite_link', languageCode: 'en' } } });
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', upstream: { code: 131041 } });
  });
});
