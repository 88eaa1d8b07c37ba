import type { GroupEventType as ModelGroupEventType } from '../../events/event-model';
import { registerStringEnum } from './string-enum';

/** GraphQL enum `GroupEventType` (docs/webhooks.md#the-event-model). Values are the event model's `type`s. */
export const GroupEventType = registerStringEnum<ModelGroupEventType>('GroupEventType', 'The kind of a group event.', {
  GROUP_CREATED: 'A group was created (the outcome of createGroup).',
  GROUP_CREATE_FAILED: 'Creating a group failed; `errors` says why.',
  GROUP_DELETED: 'A group was deleted.',
  GROUP_DELETE_FAILED: 'Deleting a group failed; `errors` says why.',
  PARTICIPANTS_ADDED: 'People joined the group (through the invite link or an approved join request).',
  PARTICIPANTS_REMOVED: 'Participants were removed by the business or left, including failed removals with their errors.',
  PARTICIPANTS_PROMOTED: 'Participants became admins.',
  PARTICIPANTS_DEMOTED: 'Participants stopped being admins.',
  JOIN_REQUEST_CREATED: 'Someone asked to join a group whose join approval mode is APPROVAL_REQUIRED.',
  JOIN_REQUEST_REVOKED: 'A pending join request was withdrawn.',
  SETTINGS_UPDATED: 'Group settings (subject, description, picture, ...) changed, or failed to change.',
  GROUP_SUSPENDED: 'WhatsApp suspended the group.',
  GROUP_SUSPENSION_CLEARED: 'WhatsApp lifted the suspension of the group.',
  MESSAGE_RECEIVED: 'A message was sent to the group by a participant.',
  MESSAGE_STATUS_UPDATED: 'A message the business sent to the group changed status (sent, delivered, read, failed, ...).',
});

/** The GraphQL object type of each kind of event: what GroupEvent.resolveType answers. */
export const GROUP_EVENT_TYPE_NAMES: Readonly<Record<ModelGroupEventType, string>> = {
  GROUP_CREATED: 'GroupCreatedEvent',
  GROUP_CREATE_FAILED: 'GroupCreateFailedEvent',
  GROUP_DELETED: 'GroupDeletedEvent',
  GROUP_DELETE_FAILED: 'GroupDeleteFailedEvent',
  PARTICIPANTS_ADDED: 'ParticipantsAddedEvent',
  PARTICIPANTS_REMOVED: 'ParticipantsRemovedEvent',
  PARTICIPANTS_PROMOTED: 'ParticipantsPromotedEvent',
  PARTICIPANTS_DEMOTED: 'ParticipantsDemotedEvent',
  JOIN_REQUEST_CREATED: 'JoinRequestCreatedEvent',
  JOIN_REQUEST_REVOKED: 'JoinRequestRevokedEvent',
  SETTINGS_UPDATED: 'SettingsUpdatedEvent',
  GROUP_SUSPENDED: 'GroupSuspendedEvent',
  GROUP_SUSPENSION_CLEARED: 'GroupSuspensionClearedEvent',
  MESSAGE_RECEIVED: 'MessageReceivedEvent',
  MESSAGE_STATUS_UPDATED: 'MessageStatusUpdatedEvent',
};
