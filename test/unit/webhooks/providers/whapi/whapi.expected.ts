import { webhookFixtures } from '../../../../fixtures/webhooks/webhook-fixtures';
import type { FixtureName } from '../../../../fixtures/webhooks/webhook-fixtures';
import type { ExpectedEvent, ExpectedParse } from '../webhook-test-support';
import { iso, person, RECEIVED_ISO } from '../webhook-test-support';

const CHANNEL = 'MANTIS-M72HC';
const GROUP = '120363271212442249@g.us';
const TRIP = '120363498775936551@g.us';
/** chat_pic_full: Whapi's full-size picture, preferred over the chat_pic thumbnail. */
const PICTURE_FULL =
  'https://pps.whatsapp.net/v/t62.24694-24/491878509_1329198295045131_8243456031832458554_n.jpg?ccb=11-4&oh=01_Q5Aa1gEq-WZYAgjAZMZd6UEZFN30lEsxoha3JZH0bs07_p7F7Q&oe=683838BA&_nc_sid=5e03e0&_nc_cat=111';

/** The thumbnail URL the picture_unknown fixture's before_update holds: the picture before the change. */
const PICTURE_BEFORE =
  'https://pps.whatsapp.net/v/t62.24694-24/491878509_1329198295045131_8243456031832458554_n.jpg?stp=dst-jpg_s96x96_tt6&ccb=11-4&oh=01_Q5Aa1gEq-WZYAgjAZMZd6UEZFN30lEsxoha3JZH0bs07_p7F7Q&oe=683838BA&_nc_sid=5e03e0&_nc_cat=111';
/** The fixtures' creator: `created_by`, rank `creator`, and the sender of the picture-change system message. */
const CREATOR = '919984351847';
const MEMBER = '61371989950';

/** groups.put has no time: occurredAt is the receive time. */
function put(overrides: Partial<ExpectedEvent> & Pick<ExpectedEvent, 'type' | 'details'>): ExpectedEvent {
  return { groupId: GROUP, phoneNumberId: CHANNEL, occurredAt: RECEIVED_ISO, requestId: null, ...overrides } as ExpectedEvent;
}

function message(name: FixtureName<'whapi'>, index: number): unknown {
  return (webhookFixtures.whapi[name] as { messages: unknown[] }).messages[index];
}

function settings(details: Partial<Extract<ExpectedEvent, { type: 'SETTINGS_UPDATED' }>['details']>): ExpectedEvent {
  return put({
    type: 'SETTINGS_UPDATED',
    groupId: TRIP,
    details: { subject: null, description: null, profilePicture: null, otherChanges: [], errors: [], ...details },
  });
}

/** Every Whapi fixture and the canonical events it must become. */
export const WHAPI_EXPECTED: Record<FixtureName<'whapi'>, ExpectedParse> = {
  'groups.post': {
    events: [
      put({
        type: 'GROUP_CREATED',
        occurredAt: iso(1713791253),
        details: {
          subject: 'Group name! 😃',
          description: null,
          inviteLink: null,
          joinApprovalMode: null,
          participants: [person({ waId: MEMBER, rank: 'MEMBER' }), person({ waId: CREATOR, rank: 'CREATOR' })],
          createdBy: person({ waId: CREATOR }),
        },
      }),
    ],
  },
  'groups.post.created_with_invite': {
    events: [
      put({
        type: 'GROUP_CREATED',
        groupId: '120363311200990011@g.us',
        occurredAt: iso(1747000000),
        details: {
          subject: 'Support — Store 12',
          description: 'Questions about orders from Store 12',
          inviteLink: 'https://chat.whatsapp.com/HfJ3kLmN0pQ9rS7tU5vW1x',
          joinApprovalMode: null,
          participants: [person({ waId: CREATOR, rank: 'CREATOR' }), person({ waId: MEMBER, rank: 'ADMIN' })],
          createdBy: person({ waId: CREATOR }),
        },
      }),
    ],
  },
  'groups.put.add': { events: [put({ type: 'PARTICIPANTS_ADDED', details: { participants: [person({ waId: '61280155346' })], reason: null } })] },
  'groups.put.add_several.method_spelling': {
    events: [
      put({
        type: 'PARTICIPANTS_ADDED',
        details: { participants: [person({ waId: '61280155346' }), person({ waId: '91998435184' }), person({ waId: '176542998311002@lid' })], reason: null },
      }),
    ],
    ignored: [{ kind: 'groups.put', reason: 'unknown groups.put action "leave_community"' }],
  },
  'groups.put.remove': {
    events: [
      put({
        type: 'PARTICIPANTS_REMOVED',
        details: { participants: [person({ waId: '61280155346' })], failedParticipants: [], initiatedBy: 'UNKNOWN', errors: [] },
      }),
    ],
  },
  'groups.put.promote': { events: [put({ type: 'PARTICIPANTS_PROMOTED', details: { participants: [person({ waId: '61371989950' })] } })] },
  'groups.put.demote': { events: [put({ type: 'PARTICIPANTS_DEMOTED', details: { participants: [person({ waId: '61371989950' })] } })] },
  'groups.put.request': {
    events: [
      put({ type: 'JOIN_REQUEST_CREATED', groupId: '120363471232412449@g.us', details: { joinRequestId: null, participant: person({ waId: '61371989850' }), reason: null } }),
      put({
        type: 'JOIN_REQUEST_CREATED',
        groupId: '120363471232412449@g.us',
        details: { joinRequestId: null, participant: person({ waId: '203985553021@lid' }), reason: null },
      }),
    ],
  },
  'groups.patch.name': { events: [settings({ subject: { value: 'Good trip ⛰️🏖️', previousValue: 'Our journey ⛰️', changedBy: null, succeeded: true, errors: [] } })] },
  'groups.patch.name_by_admin': {
    events: [
      settings({
        subject: { value: 'Trip 2026: the Alps', previousValue: 'Good trip ⛰️🏖️', changedBy: person({ waId: MEMBER }), succeeded: true, errors: [] },
      }),
    ],
  },
  'groups.patch.unlisted_name_diff': {
    events: [settings({ subject: { value: 'Our journey 2026', previousValue: 'Our journey ⛰️', changedBy: null, succeeded: true, errors: [] } })],
  },
  'groups.patch.chat_pic': {
    // before_update holds only the placeholder "changed": no previous URL.
    events: [settings({ profilePicture: { sha256: null, url: PICTURE_FULL, previousUrl: null, changedBy: person({ waId: CREATOR }), succeeded: true, errors: [], mimeType: null } })],
  },
  'groups.patch.picture_unknown': {
    events: [settings({ profilePicture: { sha256: null, url: null, previousUrl: PICTURE_BEFORE, changedBy: person({ waId: CREATOR }), succeeded: true, errors: [], mimeType: null } })],
  },
  'groups.patch.description_and_settings': {
    events: [
      settings({
        description: { value: 'Trip planning — bring passports', previousValue: 'Trip planning', changedBy: person({ waId: CREATOR }), succeeded: true, errors: [] },
        otherChanges: ['announcements'],
      }),
    ],
  },
  'messages.post.group_text': {
    events: [
      put({
        type: 'MESSAGE_RECEIVED',
        occurredAt: iso(1713791337),
        details: {
          messageId: '.juaBlBX6cgpT8UKLNnVEw-kh8Bq53B6TdEoQ-E8JdK1c',
          from: person({ waId: '919984351847', name: 'Gerald' }),
          messageType: 'text',
          text: "Hey, what's up",
          content: message('messages.post.group_text', 0),
          errors: [],
        },
      }),
    ],
  },
  'messages.post.group_image': {
    events: [
      put({
        type: 'MESSAGE_RECEIVED',
        occurredAt: iso(1713791400),
        details: {
          messageId: 'Kp9sD2lq0Xk7-gBq53B6TdEoQ-E8JdK1c',
          from: person({ waId: '61371989950', name: 'Ana' }),
          messageType: 'image',
          text: 'Look at this view',
          content: message('messages.post.group_image', 0),
          errors: [],
        },
      }),
    ],
  },
  'messages.post.mixed_chats': {
    events: [
      put({
        type: 'MESSAGE_RECEIVED',
        occurredAt: iso(1713791503),
        details: {
          messageId: 'Lq1dV4-lid-sender',
          from: person({ waId: '176542998311002@lid', name: 'Ravi' }),
          messageType: 'text',
          text: 'Joined late, hi!',
          content: message('messages.post.mixed_chats', 3),
          errors: [],
        },
      }),
    ],
    ignored: [
      { kind: 'messages.post', reason: 'not a group chat (chat_id does not end in @g.us)' },
      { kind: 'messages.post', reason: "the channel's own message (from_me)" },
      { kind: 'messages.post', reason: 'system message (group changes arrive as groups.* events)' },
    ],
  },
  'statuses.post': { events: [], ignored: [{ kind: 'statuses.post', reason: 'Whapi event not modelled by the gateway' }] },
};
