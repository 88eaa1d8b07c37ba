import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import {
  ApproveJoinRequestsDocument,
  CreateGroupDocument,
  DeleteInviteLinkDocument,
  OperationDocument,
  PinGroupMessageDocument,
  RejectJoinRequestsDocument,
  RemoveParticipantsDocument,
  SendGroupInviteTemplateDocument,
  SendGroupMessageDocument,
  UpdateGroupDocument,
} from '../../generated/graphql';
import type { TestGateway } from '../../helpers/test-gateway';
import { startTestGateway } from '../../helpers/test-gateway';

const G = 'Y2FwaV9ncm91cDoxNTU1NzUyMTc2NDoxMjAzNjMzNzk5MDIwOTEyNTMZD';
const nine = ['16505551001', '16505551002', '16505551003', '16505551004', '16505551005', '16505551006', '16505551007', '16505551008', '16505551009'];

type Case = [rule: string, document: TypedDocumentNode<unknown, never>, variables: Record<string, unknown>, message: string, argumentName: string];

const cases: Case[] = [
  ['subject required: empty', CreateGroupDocument, { input: { subject: '' } }, '`input.subject` must not be empty (it is empty)', 'input.subject'],
  ['subject required: whitespace only', CreateGroupDocument, { input: { subject: ' \t ' } }, '`input.subject` must not be empty (it is only whitespace)', 'input.subject'],
  ['subject at most 128 characters', CreateGroupDocument, { input: { subject: 'x'.repeat(129) } }, '`input.subject` must be at most 128 characters, got 129', 'input.subject'],
  ['subject on update non-empty', UpdateGroupDocument, { input: { groupId: G, subject: '  ' } }, '`input.subject` must not be empty (it is only whitespace)', 'input.subject'],
  ['description at most 2048 characters', CreateGroupDocument, { input: { subject: 'ok', description: 'd'.repeat(2049) } }, '`input.description` must be at most 2048 characters, got 2049', 'input.description'],
  ['description on update at most 2048', UpdateGroupDocument, { input: { groupId: G, description: 'd'.repeat(2049) } }, '`input.description` must be at most 2048 characters, got 2049', 'input.description'],
  ['update changes something', UpdateGroupDocument, { input: { groupId: G } }, '`input` must change at least one of subject, description and profilePicture', 'input'],
  ['group id non-empty', UpdateGroupDocument, { input: { groupId: ' ', subject: 'x' } }, '`input.groupId` must not be empty', 'input.groupId'],
  ['awaitTimeoutSeconds only with awaitCompletion', CreateGroupDocument, { input: { subject: 'ok', awaitTimeoutSeconds: 5 } }, '`input.awaitTimeoutSeconds` applies only with `awaitCompletion: true`', 'input.awaitTimeoutSeconds'],
  ['awaitTimeoutSeconds at most 30', CreateGroupDocument, { input: { subject: 'ok', awaitCompletion: true, awaitTimeoutSeconds: 31 } }, '`input.awaitTimeoutSeconds` must be a whole number of seconds from 1 to 30, got 31', 'input.awaitTimeoutSeconds'],
  ['idempotencyKey non-empty', CreateGroupDocument, { input: { subject: 'ok', idempotencyKey: '' } }, '`input.idempotencyKey` must not be empty', 'input.idempotencyKey'],
  ['idempotencyKey at most 128 characters', CreateGroupDocument, { input: { subject: 'ok', idempotencyKey: 'k'.repeat(129) } }, '`input.idempotencyKey` must be at most 128 characters, got 129', 'input.idempotencyKey'],
  [
    'idempotencyKey of A-Z a-z 0-9 . _ : -',
    SendGroupMessageDocument,
    { input: { groupId: G, text: { body: 'hi' }, idempotencyKey: 'order 1' } },
    '`input.idempotencyKey` may hold only A-Z, a-z, 0-9 and . _ : - (got " " at position 5)',
    'input.idempotencyKey',
  ],
  ['participants at least 1', RemoveParticipantsDocument, { input: { groupId: G, participants: [] } }, '`input.participants` must hold 1 to 8 participants, got 0', 'input.participants'],
  ['participants at most 8', RemoveParticipantsDocument, { input: { groupId: G, participants: nine } }, '`input.participants` must hold 1 to 8 participants, got 9', 'input.participants'],
  [
    'participants are phone numbers, WhatsApp ids or BSUIDs',
    RemoveParticipantsDocument,
    { input: { groupId: G, participants: ['16505551234', 'bob@example.com'] } },
    '`input.participants[1]` must be a phone number in international format, a WhatsApp id or a business-scoped user id (e.g. US.13491208655302741918), got "bob@example.com"',
    'input.participants',
  ],
  [
    'participants without duplicates (after normalising)',
    RemoveParticipantsDocument,
    { input: { groupId: G, participants: ['US.13491208655302741918', '+1 650-555-1234', '16505551234'] } },
    '`input.participants[2]` repeats `input.participants[1]` (16505551234); list each participant once',
    'input.participants',
  ],
  ['join request ids at least one', ApproveJoinRequestsDocument, { input: { groupId: G, joinRequestIds: [] } }, '`input.joinRequestIds` must hold at least one join request id', 'input.joinRequestIds'],
  ['join request ids non-empty', RejectJoinRequestsDocument, { input: { groupId: G, joinRequestIds: ['a', ' '] } }, '`input.joinRequestIds[1]` must not be empty', 'input.joinRequestIds'],
  ['join request ids unique', ApproveJoinRequestsDocument, { input: { groupId: G, joinRequestIds: ['a', 'b', 'a'] } }, '`input.joinRequestIds[2]` repeats `input.joinRequestIds[0]` (a); list each join request once', 'input.joinRequestIds'],
  ['pin expiry at least 1 day', PinGroupMessageDocument, { input: { groupId: G, messageId: 'wamid.x', expirationDays: 0 } }, '`input.expirationDays` must be a whole number of days from 1 to 30, got 0', 'input.expirationDays'],
  ['pin expiry at most 30 days', PinGroupMessageDocument, { input: { groupId: G, messageId: 'wamid.x', expirationDays: 31 } }, '`input.expirationDays` must be a whole number of days from 1 to 30, got 31', 'input.expirationDays'],
  ['text body non-empty', SendGroupMessageDocument, { input: { groupId: G, text: { body: '  ' } } }, '`input.text.body` must not be empty', 'input.text.body'],
  ['text body at most 4096 characters', SendGroupMessageDocument, { input: { groupId: G, text: { body: 'b'.repeat(4097) } } }, '`input.text.body` must be at most 4096 characters, got 4097', 'input.text.body'],
  ['caption at most 1024 characters', SendGroupMessageDocument, { input: { groupId: G, image: { mediaId: '1', caption: 'c'.repeat(1025) } } }, '`input.image.caption` must be at most 1024 characters, got 1025', 'input.image.caption'],
  ['exactly one content kind', SendGroupMessageDocument, { input: { groupId: G, text: { body: 'a' }, image: { mediaId: '1' } } }, '`input` must have exactly one of text, image, video, audio, document, sticker, template; got text and image', 'input'],
  ['some content', SendGroupMessageDocument, { input: { groupId: G } }, '`input` must have exactly one of text, image, video, audio, document, sticker, template; got none', 'input'],
  ['media by id or link, not both', SendGroupMessageDocument, { input: { groupId: G, video: { mediaId: '1', link: 'https://x.test/v.mp4' } } }, '`input.video` must have exactly one of mediaId and link; got both', 'input.video'],
  ['media link is an http(s) URL', SendGroupMessageDocument, { input: { groupId: G, document: { link: 'ftp://x.test/a.pdf' } } }, '`input.document.link` must be an http(s) URL, got the ftp: scheme', 'input.document.link'],
  ['template language code', SendGroupMessageDocument, { input: { groupId: G, template: { name: 't', languageCode: 'English' } } }, '`input.template.languageCode` must be a template language code like en or pt_BR, got "English"', 'input.template.languageCode'],
  [
    'template TEXT parameter has text',
    SendGroupMessageDocument,
    { input: { groupId: G, template: { name: 't', languageCode: 'en', components: [{ type: 'BODY', parameters: [{ type: 'TEXT' }] }] } } },
    '`input.template.components[0].parameters[0].text` is required for a TEXT parameter',
    'input.template.components[0].parameters[0].text',
  ],
  ['sticker by id or link, not both', SendGroupMessageDocument, { input: { groupId: G, sticker: { mediaId: '1', link: 'https://x.test/s.webp' } } }, '`input.sticker` must have exactly one of mediaId and link; got both', 'input.sticker'],
  ['sticker by id or link, not neither', SendGroupMessageDocument, { input: { groupId: G, sticker: {} } }, '`input.sticker` must have exactly one of mediaId and link; got neither', 'input.sticker'],
  ['sticker and text together', SendGroupMessageDocument, { input: { groupId: G, text: { body: 'a' }, sticker: { mediaId: '1' } } }, '`input` must have exactly one of text, image, video, audio, document, sticker, template; got text and sticker', 'input'],
  ['bizOpaqueCallbackData at most 512 characters', SendGroupMessageDocument, { input: { groupId: G, text: { body: 'a' }, bizOpaqueCallbackData: 'o'.repeat(513) } }, '`input.bizOpaqueCallbackData` must be at most 512 characters, got 513', 'input.bizOpaqueCallbackData'],
  ['bizOpaqueCallbackData not empty', SendGroupMessageDocument, { input: { groupId: G, text: { body: 'a' }, bizOpaqueCallbackData: ' ' } }, '`input.bizOpaqueCallbackData` must not be empty', 'input.bizOpaqueCallbackData'],
  ['deleteInviteLink group id non-empty', DeleteInviteLinkDocument, { input: { groupId: '' } }, '`input.groupId` must not be empty', 'input.groupId'],
  ['invite template group id non-empty', SendGroupInviteTemplateDocument, { input: { groupId: ' ', to: '14155550142', template: { name: 'group_invite', languageCode: 'en' } } }, '`input.groupId` must not be empty', 'input.groupId'],
  [
    'invite template recipient is a user',
    SendGroupInviteTemplateDocument,
    { input: { groupId: G, to: 'ada@example.com', template: { name: 'group_invite', languageCode: 'en' } } },
    '`input.to` must be a phone number in international format, a WhatsApp id or a business-scoped user id (e.g. US.13491208655302741918), got "ada@example.com"',
    'input.to',
  ],
  [
    'invite template name as approved',
    SendGroupInviteTemplateDocument,
    { input: { groupId: G, to: '14155550142', template: { name: 'Group Invite', languageCode: 'en' } } },
    '`input.template.name` must be an approved template name (lowercase letters, digits and underscores, at most 512), got "Group Invite"',
    'input.template.name',
  ],
  [
    'invite template language code',
    SendGroupInviteTemplateDocument,
    { input: { groupId: G, to: '14155550142', template: { name: 'group_invite', languageCode: 'english' } } },
    '`input.template.languageCode` must be a template language code like en or pt_BR, got "english"',
    'input.template.languageCode',
  ],
  [
    'invite template button index only for the URL button',
    SendGroupInviteTemplateDocument,
    { input: { groupId: G, to: '14155550142', template: { name: 'group_invite', languageCode: 'en', groupIdIn: 'BODY', buttonIndex: 0 } } },
    '`input.template.buttonIndex` applies only with `groupIdIn: URL_BUTTON`',
    'input.template.buttonIndex',
  ],
  [
    'invite template button index 0 to 9',
    SendGroupInviteTemplateDocument,
    { input: { groupId: G, to: '14155550142', template: { name: 'group_invite', languageCode: 'en', buttonIndex: 10 } } },
    '`input.template.buttonIndex` must be a button position from 0 to 9, got 10',
    'input.template.buttonIndex',
  ],
  [
    'invite template idempotencyKey characters',
    SendGroupInviteTemplateDocument,
    { input: { groupId: G, to: '14155550142', template: { name: 'group_invite', languageCode: 'en' }, idempotencyKey: 'a/b' } },
    '`input.idempotencyKey` may hold only A-Z, a-z, 0-9 and . _ : - (got "/" at position 1)',
    'input.idempotencyKey',
  ],
];

describe('mutation input validation: BAD_USER_INPUT naming the field, before any upstream call', () => {
  let t: TestGateway;

  beforeAll(async () => {
    t = await startTestGateway();
  });
  afterAll(() => t.dispose());
  beforeEach(() => t.sandbox.stats.reset());

  it.each(cases)('%s', async (_rule, document, variables, message, argumentName) => {
    const response = await t.query(document, variables as never);
    expect(response.body.data).toBeNull();
    expect(response.body.errors).toEqual([expect.objectContaining({ message, extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', argumentName }) })]);
    expect(t.sandbox.stats.requests).toHaveLength(0);
  });

  it('answers null for an unknown operation id, and refuses an empty one', async () => {
    expect((await t.query(OperationDocument, { id: 'op_unknown' })).body).toEqual({ data: { operation: null } });
    expect((await t.query(OperationDocument, { id: '' })).body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(t.sandbox.stats.requests).toHaveLength(0);
  });
});
