import type { GroupEventType as ModelGroupEventType } from '../../events/event-model';
import type { GroupEvent } from './group-event.interface';
import {
  GroupCreatedEvent,
  GroupCreateFailedEvent,
  GroupDeletedEvent,
  GroupDeleteFailedEvent,
  GroupSuspendedEvent,
  GroupSuspensionClearedEvent,
} from './lifecycle-events.type';
import { MessageReceivedEvent, MessageStatusUpdatedEvent } from './message-events.type';
import {
  JoinRequestCreatedEvent,
  JoinRequestRevokedEvent,
  ParticipantsAddedEvent,
  ParticipantsDemotedEvent,
  ParticipantsPromotedEvent,
  ParticipantsRemovedEvent,
} from './participant-events.type';
import { SettingsUpdatedEvent } from './settings-event.type';

/**
 * The concrete GraphQL type class of each kind of event. Importing this module registers them all with
 * type-graphql, which adds them to the schema as implementations of GroupEvent.
 */
export const GROUP_EVENT_CLASSES: Readonly<Record<ModelGroupEventType, new () => GroupEvent>> = {
  GROUP_CREATED: GroupCreatedEvent,
  GROUP_CREATE_FAILED: GroupCreateFailedEvent,
  GROUP_DELETED: GroupDeletedEvent,
  GROUP_DELETE_FAILED: GroupDeleteFailedEvent,
  PARTICIPANTS_ADDED: ParticipantsAddedEvent,
  PARTICIPANTS_REMOVED: ParticipantsRemovedEvent,
  PARTICIPANTS_PROMOTED: ParticipantsPromotedEvent,
  PARTICIPANTS_DEMOTED: ParticipantsDemotedEvent,
  JOIN_REQUEST_CREATED: JoinRequestCreatedEvent,
  JOIN_REQUEST_REVOKED: JoinRequestRevokedEvent,
  SETTINGS_UPDATED: SettingsUpdatedEvent,
  GROUP_SUSPENDED: GroupSuspendedEvent,
  GROUP_SUSPENSION_CLEARED: GroupSuspensionClearedEvent,
  MESSAGE_RECEIVED: MessageReceivedEvent,
  MESSAGE_STATUS_UPDATED: MessageStatusUpdatedEvent,
};
