import type { EventError } from '../../../../../src/events/event-model';
import { webhookFixtures } from '../../../../fixtures/webhooks/webhook-fixtures';
import type { FixtureName } from '../../../../fixtures/webhooks/webhook-fixtures';
import type { ExpectedEvent, ExpectedParse } from '../webhook-test-support';
import { iso, person, RECEIVED_ISO } from '../webhook-test-support';
import { SANDBOX_PHONE_A } from '../../../../helpers/constants';

const G = 'Y2FwaV9ncm91cDoxNzA1NTU1MDEzOToxMjAzNjM0MDQ2OTQyMzM4MjAZD';
const G2 = 'Y2FwaV9ncm91cDoxNzA1NTU1MDEzOToxMjAzNjMzOTQzMjAwOTY0MTUZD';
const BSUID = 'US.13491208655302741918';
const PARENT = 'US.8823419920012';
const S1 = 'wamid.HBgLMTY1MDUwNTUxMjM0FQIAERgSQzQyRjFFQzI3N0JBNkE5QTI1AA==';
const S2 = 'wamid.HBgLMTY1MDUwNTUxMjM0FQIAERgSRDQyRjFFQzI3N0JBNkE5QTI1AA==';
const S3 = 'wamid.HBgLMTY1MDUwNTUxMjM0FQIAERgSRTQyRjFFQzI3N0JBNkE5QTI1AA==';
const S4 = 'wamid.HBgLMTY1MDUwNTUxMjM0FQIAERgSRjQyRjFFQzI3N0JBNkE5QTI1AA==';
const CALLBACK_DATA = 'campaign=spring-sale;batch=7';
const JOIN_REQUEST = 'MTY0NjcwNDM1OTU6MTIwMzYzNDA0Njk0MjMzODIw';
const MARKETING = { model: 'PMP', category: 'group_marketing', type: 'regular', billable: true };

function error(code: number | null, title: string | null, message: string | null, details: string | null = null): EventError {
  return { code, title, message, details };
}

/** The first message of a messages fixture, which MESSAGE_RECEIVED carries verbatim as `content`. */
function firstMessage(name: FixtureName<'meta'>): unknown {
  const fixture = webhookFixtures.meta[name] as { entry: { changes: { value: { messages?: unknown[] } }[] }[] };
  return fixture.entry[0]?.changes[0]?.value.messages?.[0];
}

function group(overrides: Partial<ExpectedEvent> & Pick<ExpectedEvent, 'type' | 'details' | 'occurredAt'>): ExpectedEvent {
  return { groupId: G, phoneNumberId: SANDBOX_PHONE_A, requestId: null, ...overrides } as ExpectedEvent;
}

function status(
  messageId: string,
  deliveryStatus: string,
  at: number,
  rest: Partial<Record<'participant' | 'pricing' | 'conversation' | 'bizOpaqueCallbackData' | 'errors', unknown>> = {},
): ExpectedEvent {
  return {
    type: 'MESSAGE_STATUS_UPDATED',
    groupId: G,
    phoneNumberId: SANDBOX_PHONE_A,
    occurredAt: iso(at),
    requestId: null,
    details: { messageId, status: deliveryStatus, participant: null, pricing: null, conversation: null, bizOpaqueCallbackData: null, errors: [], ...rest },
  } as ExpectedEvent;
}

const REMOVE_ERROR_TITLE = 'Participant is not a part of the group';

/** Every Meta fixture and the canonical events it must become. */
export const META_EXPECTED: Record<FixtureName<'meta'>, ExpectedParse> = {
  'group_lifecycle_update.create': {
    events: [
      group({
        type: 'GROUP_CREATED',
        occurredAt: iso(1755548877),
        requestId: '4a3f0c1e-request-id-example',
        details: { subject: 'New Purchase Inquiry', description: null, inviteLink: 'https://chat.whatsapp.com/AbCdEfGhIjKlMnOpQrStUv', joinApprovalMode: 'AUTO_APPROVE', participants: [], createdBy: null },
      }),
    ],
  },
  'group_lifecycle_update.create_approval_required': {
    events: [
      group({
        type: 'GROUP_CREATED',
        groupId: G2,
        occurredAt: iso(1755548877),
        requestId: '7b1e2f90-request-id-example',
        details: {
          subject: 'Spring Product Launch',
          description: 'Early access for our VIP customers.',
          inviteLink: 'https://chat.whatsapp.com/ZyXwVuTsRqPoNmLkJiHgFe',
          joinApprovalMode: 'APPROVAL_REQUIRED',
          participants: [],
          createdBy: null,
        },
      }),
    ],
  },
  'group_lifecycle_update.create_failed': {
    events: [
      group({
        type: 'GROUP_CREATE_FAILED',
        occurredAt: iso(1755548877),
        requestId: '4a3f0c1e-request-id-example',
        details: {
          subject: 'New Purchase Inquiry',
          description: 'Jim would like to learn about new car purchase options.',
          errors: [
            error(
              131211,
              'Group create limit reached',
              'Group create limit reached',
              'Reached the limit for the maximum number of groups that can be created for this number.',
            ),
          ],
        },
      }),
    ],
  },
  'group_lifecycle_update.create_failed.doc_placeholders': {
    events: [
      group({
        type: 'GROUP_CREATE_FAILED',
        occurredAt: RECEIVED_ISO, // "TIMESTAMP" is no time: the receive time stands in
        requestId: '4a3f0c1e-request-id-placeholder',
        details: { subject: 'New Purchase Inquiry', description: null, errors: [error(null, 'ERROR_TITLE', 'ERROR_MESSAGE', 'ERROR_DETAILS')] },
      }),
    ],
  },
  // A create refused before the group existed: no group_id, so the event has none; request_id completes the operation.
  'group_lifecycle_update.create_failed.no_group_id': {
    events: [
      group({
        type: 'GROUP_CREATE_FAILED',
        groupId: null,
        occurredAt: iso(1755548877),
        requestId: '0bad0bad-request-id-example',
        details: {
          subject: 'Too Many Groups',
          description: null,
          errors: [
            error(
              131211,
              'Group create limit reached',
              'Group create limit reached',
              'Reached the limit for the maximum number of groups that can be created for this number.',
            ),
          ],
        },
      }),
    ],
  },
  'group_lifecycle_update.delete': {
    events: [group({ type: 'GROUP_DELETED', occurredAt: iso(1755552477), requestId: '9d1b2c3d-request-id-example', details: {} })],
  },
  'group_lifecycle_update.delete_failed': {
    events: [
      group({
        type: 'GROUP_DELETE_FAILED',
        occurredAt: iso(1755552477),
        requestId: '9d1b2c3d-request-id-failed',
        details: { errors: [error(131207, 'Group suspended', 'Group suspended', 'The group is suspended; no operation can be performed on it.')] },
      }),
    ],
  },
  'group_participants_update.invite_link_join': {
    events: [group({ type: 'PARTICIPANTS_ADDED', occurredAt: iso(1755549000), details: { participants: [person({ waId: '16505551234' })], reason: 'invite_link' } })],
  },
  'group_participants_update.join_request_approved': {
    events: [
      group({
        type: 'PARTICIPANTS_ADDED',
        occurredAt: iso(1755549500),
        details: {
          participants: [
            person({ input: JOIN_REQUEST, waId: '16467043595' }),
            person({ input: 'MTY1MDU1NTEyMzQ6MTIwMzYzNDA0Njk0MjMzODIw', waId: '16505551234' }),
          ],
          reason: 'invite_link',
        },
      }),
    ],
  },
  'group_participants_update.bsuid': {
    events: [
      group({
        type: 'PARTICIPANTS_ADDED',
        occurredAt: iso(1775000000),
        details: {
          participants: [
            person({ userId: BSUID, parentUserId: PARENT, username: '@maria.shop' }),
            person({ waId: '16505551234', userId: 'US.99887766554433221100' }),
          ],
          reason: 'invite_link',
        },
      }),
    ],
  },
  'group_participants_update.join_request_created': {
    events: [
      group({
        type: 'JOIN_REQUEST_CREATED',
        occurredAt: iso(1755548877),
        details: { joinRequestId: JOIN_REQUEST, participant: person({ waId: '16467043595' }), reason: 'REASON_FOR_REQUEST_OUTCOME' },
      }),
    ],
  },
  'group_participants_update.join_request_created.bsuid': {
    events: [
      group({
        type: 'JOIN_REQUEST_CREATED',
        occurredAt: iso(1775000100),
        details: {
          joinRequestId: 'VVMuMTM0OTEyMDg2NTUzMDI3NDE5MTg6MTIwMzYzNDA0Njk0MjMzODIw',
          participant: person({ userId: BSUID, username: '@maria.shop' }),
          reason: 'invite_link',
        },
      }),
    ],
  },
  'group_participants_update.join_request_revoked': {
    events: [
      group({
        type: 'JOIN_REQUEST_REVOKED',
        occurredAt: iso(1755549100),
        details: { joinRequestId: JOIN_REQUEST, participant: person({ waId: '16467043595' }), reason: 'REASON_FOR_REQUEST_OUTCOME' },
      }),
    ],
  },
  'group_participants_update.participant_left': {
    events: [
      group({
        type: 'PARTICIPANTS_REMOVED',
        occurredAt: iso(1755551000),
        details: { participants: [person({ waId: '16505551234' })], failedParticipants: [], initiatedBy: 'PARTICIPANT', errors: [] },
      }),
    ],
  },
  'group_participants_update.participant_left.bsuid': {
    events: [
      group({
        type: 'PARTICIPANTS_REMOVED',
        occurredAt: iso(1775000200),
        requestId: 'e1e2e3e4-request-id-example',
        details: {
          participants: [person({ userId: BSUID, parentUserId: PARENT, username: '@maria.shop' })],
          failedParticipants: [],
          initiatedBy: 'PARTICIPANT',
          errors: [],
        },
      }),
    ],
  },
  'group_participants_update.remove': {
    events: [
      group({
        type: 'PARTICIPANTS_REMOVED',
        occurredAt: iso(1755550000),
        requestId: 'c0ffee00-request-id-example',
        details: {
          participants: [person({ input: '+16505551234' }), person({ input: '16467043595' })],
          failedParticipants: [],
          initiatedBy: 'BUSINESS',
          errors: [],
        },
      }),
    ],
  },
  'group_participants_update.remove_partial_failure': {
    events: [
      group({
        type: 'PARTICIPANTS_REMOVED',
        occurredAt: iso(1755550100),
        requestId: 'c0ffee01-request-id-example',
        details: {
          participants: [person({ input: '16505551234' })],
          failedParticipants: [
            {
              participant: person({ input: '16467043595' }),
              errors: [error(131212, REMOVE_ERROR_TITLE, REMOVE_ERROR_TITLE, 'The user 16467043595 is not a participant of this group.')],
            },
          ],
          initiatedBy: 'BUSINESS',
          errors: [
            error(131201, 'Not All Participants Remove Succeeded', 'Failed to remove some participants from the group', '1 of 2 participants could not be removed.'),
          ],
        },
      }),
    ],
  },
  'group_participants_update.remove_failed': {
    events: [
      group({
        type: 'PARTICIPANTS_REMOVED',
        occurredAt: iso(1755550200),
        requestId: 'c0ffee02-request-id-example',
        details: {
          participants: [],
          failedParticipants: [
            { participant: person({ input: '+15551234567' }), errors: [error(131212, REMOVE_ERROR_TITLE, REMOVE_ERROR_TITLE)] },
            { participant: person({ input: BSUID }), errors: [error(131212, REMOVE_ERROR_TITLE, REMOVE_ERROR_TITLE)] },
          ],
          initiatedBy: 'BUSINESS',
          errors: [error(131212, 'No Participant Removed', 'Failed to remove participants from the group')],
        },
      }),
    ],
  },
  'group_participant_update.openapi_spelling': {
    events: [
      group({ type: 'PARTICIPANTS_ADDED', occurredAt: iso(1755549600), details: { participants: [person({ waId: '16505550001' })], reason: 'invite_link' } }),
      group({
        type: 'PARTICIPANTS_REMOVED',
        occurredAt: iso(1755549700),
        requestId: 'c0ffee03-request-id-example',
        details: { participants: [person({ input: '16505550001' })], failedParticipants: [], initiatedBy: 'BUSINESS', errors: [] },
      }),
    ],
  },
  'group_settings_update.success': {
    events: [
      group({
        type: 'SETTINGS_UPDATED',
        occurredAt: iso(1755553000),
        requestId: '5e77ab12-request-id-example',
        details: {
          subject: { value: 'Watch Enthusiasts', previousValue: null, changedBy: null, succeeded: true, errors: [] },
          description: { value: 'Discuss the latest timepieces.', previousValue: null, changedBy: null, succeeded: true, errors: [] },
          profilePicture: { url: null, previousUrl: null, changedBy: null, sha256: '81d3bd8a8db4868c9520ed47186e8b7c5789e61ff79f7f834be6950b808a90d3', succeeded: true, errors: [], mimeType: 'image/jpeg' },
          otherChanges: [],
          errors: [],
        },
      }),
    ],
  },
  'group_settings_update.partial_failure': {
    events: [
      group({
        type: 'SETTINGS_UPDATED',
        occurredAt: iso(1755553100),
        requestId: '5e77ab13-request-id-example',
        details: {
          subject: { value: 'Watch Collectors', previousValue: null, changedBy: null, succeeded: true, errors: [] },
          description: null,
          profilePicture: {
            url: null,
            previousUrl: null,
            changedBy: null,
            sha256: '3b9d1c0e5f2a4b6c8d7e9f0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e',
            succeeded: false,
            errors: [error(131209, 'Invalid group profile picture aspect ratio', 'Invalid group profile picture aspect ratio', 'The image must be square.')],
            mimeType: 'image/jpeg',
          },
          otherChanges: [],
          errors: [error(131201, 'Request partially succeeded', 'Failed to update some group settings')],
        },
      }),
    ],
  },
  'group_settings_update.total_failure': {
    events: [
      group({
        type: 'SETTINGS_UPDATED',
        occurredAt: iso(1755553200),
        requestId: '5e77ab14-request-id-example',
        details: {
          subject: { value: '', previousValue: null, changedBy: null, succeeded: false, errors: [error(100, 'Invalid parameter', 'Invalid parameter', 'Subject must not be empty.')] },
          description: {
            value: 'Too long description',
            previousValue: null,
            changedBy: null,
            succeeded: false,
            errors: [error(100, 'Invalid parameter', 'Invalid parameter', 'Description exceeds 2048 characters.')],
          },
          profilePicture: null,
          otherChanges: [],
          errors: [error(131207, 'No Setting Updated', 'Failed to update group settings')],
        },
      }),
    ],
  },
  'group_settings_update.description_only': {
    events: [
      group({
        type: 'SETTINGS_UPDATED',
        occurredAt: iso(1755553300),
        requestId: '5e77ab15-request-id-example',
        details: {
          subject: null,
          description: { value: 'Weekly drops every Friday.', previousValue: null, changedBy: null, succeeded: true, errors: [] },
          profilePicture: null,
          otherChanges: [],
          errors: [],
        },
      }),
    ],
  },
  'group_status_update.suspend': { events: [group({ type: 'GROUP_SUSPENDED', occurredAt: iso(1755560000), details: {} })] },
  'group_status_update.suspend_cleared': { events: [group({ type: 'GROUP_SUSPENSION_CLEARED', occurredAt: iso(1755570000), details: {} })] },
  'messages.group_inbound_text': {
    events: [
      group({
        type: 'MESSAGE_RECEIVED',
        occurredAt: iso(1744344496),
        details: {
          messageId: 'wamid.HBgLMTY1MDUwNTUxMjM0FQIAEhggQUJDREVGMDEyMzQ1Njc4OUFCQ0RFRjAxMjM0NTY3AA==',
          from: person({ waId: '16505551234', name: 'Tiago Mingo' }),
          messageType: 'text',
          text: 'What does everyone think about this?',
          content: firstMessage('messages.group_inbound_text'),
          errors: [],
        },
      }),
    ],
  },
  'messages.group_inbound_image': {
    events: [
      group({
        type: 'MESSAGE_RECEIVED',
        occurredAt: iso(1744344600),
        details: {
          messageId: 'wamid.HBgLMTY1MDUwNTUxMjM0FQIAEhggQkJDREVGMDEyMzQ1Njc4OUFCQ0RFRjAxMjM0NTY3AA==',
          from: person({ waId: '16505551234', name: 'Tiago Mingo' }),
          messageType: 'image',
          text: 'Our new showroom',
          content: firstMessage('messages.group_inbound_image'),
          errors: [],
        },
      }),
    ],
  },
  'messages.group_inbound_unsupported': {
    events: [
      group({
        type: 'MESSAGE_RECEIVED',
        occurredAt: iso(1744344700),
        details: {
          messageId: 'wamid.HBgLMTY1MDUwNTUxMjM0FQIAEhggQ0NDREVGMDEyMzQ1Njc4OUFCQ0RFRjAxMjM0NTY3AA==',
          from: person({ waId: '16505551234', name: 'Tiago Mingo' }),
          messageType: 'unsupported',
          text: null,
          content: firstMessage('messages.group_inbound_unsupported'),
          errors: [error(130501, 'Unsupported message type', 'Message type is not currently supported', 'Message type is not currently supported')],
        },
      }),
    ],
  },
  'messages.group_inbound_text.bsuid': {
    events: [
      group({
        type: 'MESSAGE_RECEIVED',
        occurredAt: iso(1775000300),
        details: {
          messageId: 'wamid.HBgLMTY1MDUwNTUxMjM0FQIAEhggRERDREVGMDEyMzQ1Njc4OUFCQ0RFRjAxMjM0NTY3AA==',
          from: person({ userId: BSUID, parentUserId: PARENT, username: '@maria.shop', name: 'Maria' }),
          messageType: 'text',
          text: 'Is the blue one still available?',
          content: firstMessage('messages.group_inbound_text.bsuid'),
          errors: [],
        },
      }),
    ],
  },
  'messages.inbound_1to1_text': { events: [], ignored: [{ kind: 'messages.message', reason: 'not a group message (no group_id)' }] },
  'messages.group_status_sent': { events: [status(S1, 'SENT', 1755554000)] },
  'messages.group_status_failed': {
    events: [status(S2, 'FAILED', 1755554100, { errors: [error(131020, 'Bad Group', '(#131020) Bad Group', 'Cannot send to a group with a single member.')] })],
  },
  'messages.group_status_delivered': {
    events: [
      status(S1, 'DELIVERED', 1755554010, {
        participant: person({ waId: '16505551234' }),
        pricing: MARKETING,
        conversation: { id: 'f8a2c0e9b4d7', originType: 'marketing', expiresAt: null },
      }),
    ],
  },
  'messages.group_status_sent.conversation_and_callback_data': {
    events: [
      status(S4, 'SENT', 1755554060, {
        pricing: MARKETING,
        conversation: { id: 'c0ffee00b1a5', originType: 'marketing', expiresAt: iso(1755640460) },
        bizOpaqueCallbackData: CALLBACK_DATA,
      }),
    ],
  },
  'messages.group_status_delivered.callback_data_only': {
    events: [status(S4, 'DELIVERED', 1755554070, { participant: person({ waId: '16505551234' }), pricing: MARKETING, bizOpaqueCallbackData: CALLBACK_DATA })],
  },
  'messages.group_status_delivered.doc_variant_participant_recipient_id': {
    events: [status(S1, 'DELIVERED', 1755554011, { participant: person({ waId: '16467043595' }), pricing: MARKETING })],
  },
  'messages.group_status_delivered.aggregated_participants': {
    events: [
      status(S1, 'DELIVERED', 1755554020, { participant: person({ waId: '16505551234', userId: 'US.99887766554433221100', name: 'Tiago Mingo' }), pricing: MARKETING }),
      status(S1, 'DELIVERED', 1755554021, { participant: person({ userId: BSUID, parentUserId: PARENT, username: '@maria.shop', name: 'Maria' }), pricing: MARKETING }),
      status(S1, 'DELIVERED', 1755554022, { participant: person({ waId: '16467043595' }), pricing: MARKETING }),
    ],
  },
  'messages.group_status_read.aggregated_messages': {
    events: [
      status(S1, 'READ', 1755554030, { participant: person({ waId: '16505551234' }) }),
      status(S2, 'READ', 1755554031, { participant: person({ waId: '16505551234' }) }),
      status(S3, 'READ', 1755554032, { participant: person({ waId: '16505551234' }) }),
    ],
  },
  'messages.group_status_delivered.doc_variant_pricing_nested': {
    events: [
      status(S3, 'DELIVERED', 1755554040, {
        participant: person({ waId: '16467043595' }),
        pricing: { model: 'PMP', category: 'group_service', type: 'free_group_customer_service', billable: false },
        conversation: { id: 'a1b2c3d4e5f6', originType: 'service', expiresAt: null },
      }),
    ],
  },
  'messages.group_status_sent.group_id_alias': {
    events: [status(S3, 'SENT', 1755554050, { pricing: { model: 'PMP', category: 'group_utility', type: 'regular', billable: true } })],
  },
  'messages.status_1to1_delivered': { events: [], ignored: [{ kind: 'messages.status', reason: 'status of a 1:1 message (not a group event)' }] },
  'multi.entries_and_changes': {
    events: [
      group({ type: 'PARTICIPANTS_ADDED', occurredAt: iso(1755549000), details: { participants: [person({ waId: '16505552001' })], reason: 'invite_link' } }),
      group({ type: 'PARTICIPANTS_ADDED', groupId: G2, occurredAt: iso(1755549001), details: { participants: [person({ waId: '16505552002' })], reason: 'invite_link' } }),
      group({ type: 'GROUP_SUSPENDED', groupId: G2, occurredAt: iso(1755560000), details: {} }),
    ],
    ignored: [
      { kind: 'group_status_update.group_rename_requested', reason: 'unknown group_status_update type' },
      { kind: 'account_update', reason: 'webhook field not modelled by the gateway' },
      {
        kind: 'group_lifecycle_update.group_create',
        reason: 'groups[] item has no group_id (request_id 0bad0bad-request-id-2); every event belongs to a group',
      },
    ],
  },
};
