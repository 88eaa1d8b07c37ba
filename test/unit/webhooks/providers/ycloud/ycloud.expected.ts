import type { FixtureName } from '../../../../fixtures/webhooks/webhook-fixtures';
import type { ExpectedEvent, ExpectedParse } from '../webhook-test-support';
import { person } from '../webhook-test-support';

const GROUP = '120363000000000000@g.us';
const PHONE = '1234567890123456';
const JOHN = { name: 'John Doe', username: 'john_doe' };

function event(overrides: Partial<ExpectedEvent> & Pick<ExpectedEvent, 'type' | 'details' | 'occurredAt'>): ExpectedEvent {
  return { groupId: GROUP, phoneNumberId: PHONE, requestId: null, ...overrides } as ExpectedEvent;
}

/** Every YCloud fixture and the canonical events it must become. occurredAt is `webhookTime`. */
export const YCLOUD_EXPECTED: Record<FixtureName<'ycloud'>, ExpectedParse> = {
  'lifecycle.created': {
    events: [
      event({
        type: 'GROUP_CREATED',
        occurredAt: '2026-05-13T00:00:00.000Z',
        requestId: 'REQ_1',
        details: {
          subject: 'New Purchase Inquiry',
          description: 'Group for purchase inquiries.',
          inviteLink: 'https://chat.whatsapp.com/AbCdEfGhIjK',
          joinApprovalMode: 'AUTO_APPROVE',
          participants: [],
          createdBy: null,
        },
      }),
    ],
  },
  // Refused before a group existed: no groupId; requestId completes the operation.
  'lifecycle.create_failed.no_group_id': {
    events: [
      event({
        type: 'GROUP_CREATE_FAILED',
        groupId: null,
        occurredAt: '2026-05-13T02:00:00.000Z',
        requestId: 'REQ_4',
        details: {
          subject: 'Too Many Groups',
          description: null,
          errors: [
            {
              code: 131211,
              title: 'Group create limit reached',
              message: 'Group create limit reached',
              details: 'Reached the limit for the maximum number of groups that can be created for this number.',
            },
          ],
        },
      }),
    ],
  },
  'lifecycle.create_failed': {
    events: [
      event({
        type: 'GROUP_CREATE_FAILED',
        occurredAt: '2026-05-13T02:00:00.000Z',
        requestId: 'REQ_3',
        details: {
          subject: 'Too Many Groups',
          description: null,
          errors: [
            {
              code: 131211,
              title: 'Group create limit reached',
              message: 'Group create limit reached',
              details: 'Reached the limit for the maximum number of groups that can be created for this number.',
            },
          ],
        },
      }),
    ],
  },
  'lifecycle.deleted': { events: [event({ type: 'GROUP_DELETED', occurredAt: '2026-05-13T01:00:00.000Z', requestId: 'REQ_DEL_1', details: {} })] },
  'lifecycle.delete_failed': {
    events: [
      event({
        type: 'GROUP_DELETE_FAILED',
        occurredAt: '2026-05-13T03:00:00.000Z',
        requestId: 'REQ_DEL_2',
        details: { errors: [{ code: 131207, title: 'Group suspended', message: null, details: null }] },
      }),
    ],
  },
  'participants.add': {
    events: [
      event({
        type: 'PARTICIPANTS_ADDED',
        phoneNumberId: null, // the sample payload carries no phoneNumberId
        occurredAt: '2026-05-13T00:00:00.000Z',
        details: {
          participants: [person({ input: 'US.abc123', waId: '16315551111', userId: 'US.abc123', parentUserId: 'US.parent123', ...JOHN })],
          reason: 'invite_link',
        },
      }),
    ],
  },
  'participants.join_request_created': {
    events: [
      event({
        type: 'JOIN_REQUEST_CREATED',
        phoneNumberId: null,
        occurredAt: '2026-05-13T00:00:00.000Z',
        details: {
          joinRequestId: 'join-request-id',
          participant: person({ waId: '16315551111', userId: 'US.abc123', parentUserId: 'US.parent123', ...JOHN }),
          reason: 'admin_approval',
        },
      }),
    ],
  },
  'participants.join_request_revoked': {
    events: [
      event({
        type: 'JOIN_REQUEST_REVOKED',
        occurredAt: '2026-05-13T00:10:00.000Z',
        details: { joinRequestId: 'join-request-id', participant: person({ userId: 'US.abc123', ...JOHN }), reason: 'cancelled_by_user' },
      }),
    ],
  },
  'participants.removed': {
    events: [
      event({
        type: 'PARTICIPANTS_REMOVED',
        occurredAt: '2026-05-13T00:30:00.000Z',
        requestId: 'REQ_REMOVE_3',
        details: {
          participants: [
            person({ input: '16315551111', waId: '16315551111', userId: 'US.abc123' }),
            person({ input: 'US.def456', userId: 'US.def456', parentUserId: 'US.parent456' }),
          ],
          failedParticipants: [],
          initiatedBy: 'BUSINESS',
          errors: [],
        },
      }),
    ],
  },
  'participants.left': {
    events: [
      event({
        type: 'PARTICIPANTS_REMOVED',
        occurredAt: '2026-05-13T00:40:00.000Z',
        details: {
          participants: [person({ waId: '16315551111', userId: 'US.abc123', ...JOHN })],
          failedParticipants: [],
          initiatedBy: 'PARTICIPANT',
          errors: [],
        },
      }),
    ],
  },
  'participants.remove_failed': {
    events: [
      event({
        type: 'PARTICIPANTS_REMOVED',
        phoneNumberId: null,
        occurredAt: '2026-05-13T00:00:00.000Z',
        requestId: 'REQ_REMOVE',
        details: {
          participants: [person({ input: '16315551111' })],
          failedParticipants: [{ participant: person({ input: '16315552222' }), errors: [{ code: 131212, title: 'Participant cannot be removed', message: null, details: null }] }],
          initiatedBy: 'BUSINESS',
          errors: [{ code: null, title: 'Not all participants were removed', message: null, details: null }],
        },
      }),
    ],
  },
  'participants.remove_total_failure': {
    events: [
      event({
        type: 'PARTICIPANTS_REMOVED',
        occurredAt: '2026-05-13T00:20:00.000Z',
        requestId: 'REQ_REMOVE_2',
        details: {
          participants: [],
          failedParticipants: [
            {
              participant: person({ input: 'US.nobody1', userId: 'US.nobody1' }),
              errors: [{ code: 131212, title: 'Participant is not a part of the group', message: null, details: null }],
            },
          ],
          initiatedBy: 'BUSINESS',
          errors: [{ code: 131212, title: 'No participant was removed', message: null, details: null }],
        },
      }),
    ],
  },
  'settings.updated': {
    events: [
      event({
        type: 'SETTINGS_UPDATED',
        phoneNumberId: null,
        occurredAt: '2026-05-13T00:00:00.000Z',
        requestId: 'REQ_2',
        details: {
          subject: { value: 'Updated Purchase Inquiry', previousValue: null, changedBy: null, succeeded: true, errors: [] },
          description: { value: 'Updated group description.', previousValue: null, changedBy: null, succeeded: true, errors: [] },
          profilePicture: null,
          otherChanges: [],
          errors: [],
        },
      }),
    ],
  },
  'settings.partial_failure': {
    events: [
      event({
        type: 'SETTINGS_UPDATED',
        occurredAt: '2026-05-13T00:50:00.000Z',
        requestId: 'REQ_4',
        details: {
          subject: { value: '', previousValue: null, changedBy: null, succeeded: false, errors: [{ code: 131201, title: 'Invalid group subject', message: null, details: null }] },
          description: { value: 'Still works', previousValue: null, changedBy: null, succeeded: true, errors: [] },
          profilePicture: null,
          otherChanges: [],
          errors: [{ code: null, title: 'Not all settings were updated', message: null, details: null }],
        },
      }),
    ],
  },
  'status.suspended': { events: [event({ type: 'GROUP_SUSPENDED', occurredAt: '2026-05-13T05:00:00.000Z', details: {} })] },
  'status.suspend_cleared': { events: [event({ type: 'GROUP_SUSPENSION_CLEARED', occurredAt: '2026-05-14T05:00:00.000Z', details: {} })] },
  'inbound_message.received': {
    events: [],
    ignored: [{ kind: 'whatsapp.inbound_message.received', reason: 'YCloud event type not modelled by the gateway' }],
  },
};
