import { parseCreateGroupResult, parseInviteLink, parseSendMessageResult, parseWriteAck } from '../../../src/upstream/answer-parsers';
import { parseJoinRequestPage, parseJoinRequestsResult } from '../../../src/upstream/join-request-parsers';
import { UpstreamError } from '../../../src/upstream/upstream-error';
import { fixture } from './fixture';

describe('write answers', () => {
  it('create: request_id only, as Meta documents it', () => {
    expect(parseCreateGroupResult(fixture('create_group.response'))).toEqual({ requestId: '106540352242922', groupId: null, inviteLink: null });
  });

  it('create: the SDK variant with id and invite_link', () => {
    expect(parseCreateGroupResult(fixture('create_group.sdk_variant.response'))).toEqual({
      requestId: 'Y2FwaV9ncm91cDoxNzA1NTU1MDEzOToxMjAzNjM0MDQ2OTQyMzM4MjAZD',
      groupId: 'Y2FwaV9ncm91cDoxNzA1NTU1MDEzOToxMjAzNjM0MDQ2OTQyMzM4MjAZD',
      inviteLink: 'https://chat.whatsapp.com/AbCdEfGhIjKlMnOpQrStUv',
    });
    expect(parseCreateGroupResult({ request_id: 'r1', id: 'g1', invite_link: 'https://chat.whatsapp.com/x' })).toEqual({ requestId: 'r1', groupId: 'g1', inviteLink: 'https://chat.whatsapp.com/x' });
  });

  it('create: an answer without any id is an UpstreamError', () => {
    expect(() => parseCreateGroupResult({ messaging_product: 'whatsapp' })).toThrow(UpstreamError);
  });

  it('acks: success true, the string "true", an empty body, and an explicit false', () => {
    expect(parseWriteAck(fixture('delete_group.response'))).toEqual({ success: true, requestId: null });
    expect(parseWriteAck(fixture('delete_invite_link.response'))).toEqual({ success: true, requestId: null });
    expect(parseWriteAck(undefined)).toEqual({ success: true, requestId: null });
    expect(parseWriteAck({ success: 'false', request_id: 'r9' })).toEqual({ success: false, requestId: 'r9' });
  });

  it('invite links: get and reset', () => {
    expect(parseInviteLink(fixture('get_invite_link.response'), 'getInviteLink')).toBe('https://chat.whatsapp.com/AbCdEfGhIjKlMnOpQrStUv');
    expect(parseInviteLink(fixture('reset_invite_link.response'), 'resetInviteLink')).toBe('https://chat.whatsapp.com/ZyXwVuTsRqPoNmLkJiHgFe');
    expect(() => parseInviteLink({}, 'getInviteLink')).toThrow(/expected an "invite_link"/);
  });

  it('send: the wamid of messages[0]', () => {
    expect(parseSendMessageResult(fixture('send_group_message.response'))).toEqual({ messageId: 'wamid.HBgLMTY1MDUwNTUxMjM0FQIAERgSQzQyRjFFQzI3N0JBNkE5QTI1AA==' });
    expect(() => parseSendMessageResult({ messages: [] })).toThrow(UpstreamError);
  });
});

describe('join requests', () => {
  it('lists the documented shape with cursors and no next page', () => {
    const page = parseJoinRequestPage(fixture('list_join_requests.response'));
    expect(page.items).toEqual([
      { joinRequestId: 'MTY0NjcwNDM1OTU6MTIwMzYzNDA0Njk0MjMzODIw', waId: '16467043595', userId: null, parentUserId: null, username: null, createdAt: new Date(1755548877 * 1000) },
    ]);
    expect(page.paging.hasNext).toBe(false);
    expect(page.paging.after).toBe('eyJvZAmZAzZAXQiOjAsInZAlcnNpb25JZACI6IjE3NTU1NTM3MDUxNzUwNTQ1MTAifQZDZD');
  });

  it('lists BSUID-era entries without wa_id and with a string timestamp', () => {
    const page = parseJoinRequestPage(fixture('list_join_requests.bsuid.response'));
    expect(page.items[0]).toEqual({
      joinRequestId: 'MTY0NjcwNDM1OTU6MTIwMzYzNDA0Njk0MjMzODIw',
      waId: null,
      userId: 'US.13491208655302741918',
      parentUserId: 'US.ENT.11815799212886844830',
      username: 'tiago',
      createdAt: new Date(1755548877 * 1000),
    });
    expect(page.paging.hasNext).toBe(true);
  });

  it('approve: partial success with per-item and top-level errors', () => {
    const error = { code: 131203, title: 'Unable to add participant to group', message: '(#131203) Recipient has not accepted our new Terms of Service and Privacy Policy.', details: 'Recipient has not accepted our new Terms of Service and Privacy Policy.' };
    expect(parseJoinRequestsResult(fixture('approve_join_requests.partial.response'), 'approveJoinRequests')).toEqual({
      succeeded: ['MTY0NjcwNDM1OTU6MTIwMzYzNDA0Njk0MjMzODIw'],
      failed: [{ joinRequestId: 'MTY1MDU1NTEyMzQ6MTIwMzYzNDA0Njk0MjMzODIw', errors: [error] }],
      errors: [error],
    });
  });

  it('reject: rejected_join_requests, and error codes sent as strings', () => {
    expect(parseJoinRequestsResult(fixture('reject_join_requests.response'), 'rejectJoinRequests')).toEqual({ succeeded: ['MTY0NjcwNDM1OTU6MTIwMzYzNDA0Njk0MjMzODIw'], failed: [], errors: [] });
    const result = parseJoinRequestsResult({ rejected_join_requests: [], failed_join_requests: [{ join_request_id: 'j1', errors: [{ code: '131213', title: 'Gone' }] }] }, 'rejectJoinRequests');
    expect(result.failed).toEqual([{ joinRequestId: 'j1', errors: [{ code: 131213, title: 'Gone', message: null, details: null }] }]);
  });
});
