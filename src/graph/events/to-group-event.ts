import type { StoredEvent } from '../../events/event-model';
import { UnreachableCaseError } from '../../lib/errors';
import type { AttachedLoaders, GroupEvent } from './group-event.interface';
import type {
  GroupCreatedEvent,
  GroupCreateFailedEvent,
  GroupDeletedEvent,
  GroupDeleteFailedEvent,
  GroupSuspendedEvent,
  GroupSuspensionClearedEvent,
} from './lifecycle-events.type';
import type { MessageReceivedEvent, MessageStatusUpdatedEvent } from './message-events.type';
import type {
  JoinRequestCreatedEvent,
  JoinRequestRevokedEvent,
  ParticipantsAddedEvent,
  ParticipantsDemotedEvent,
  ParticipantsPromotedEvent,
  ParticipantsRemovedEvent,
} from './participant-events.type';
import type { SettingsUpdatedEvent } from './settings-event.type';

/** Any concrete event object. */
export type GroupEventNode =
  | GroupCreatedEvent
  | GroupCreateFailedEvent
  | GroupDeletedEvent
  | GroupDeleteFailedEvent
  | GroupSuspendedEvent
  | GroupSuspensionClearedEvent
  | ParticipantsAddedEvent
  | ParticipantsRemovedEvent
  | ParticipantsPromotedEvent
  | ParticipantsDemotedEvent
  | JoinRequestCreatedEvent
  | JoinRequestRevokedEvent
  | SettingsUpdatedEvent
  | MessageReceivedEvent
  | MessageStatusUpdatedEvent;

/**
 * A stored event as the GraphQL types read it: common fields with Dates, and the details of its kind flattened
 * onto the object (GroupEvent.resolveType picks the concrete type from `type`). `loaders`, for a subscription
 * payload, are the fresh loaders of this one emission.
 */
export function toGroupEvent(event: StoredEvent, loaders?: AttachedLoaders): GroupEventNode {
  const base: GroupEvent = {
    id: event.id,
    cursor: event.cursor,
    type: event.type,
    groupId: event.groupId,
    phoneNumberId: event.phoneNumberId,
    occurredAt: new Date(event.occurredAt),
    receivedAt: new Date(event.receivedAt),
    source: event.source,
    requestId: event.requestId,
    raw: event.raw ?? null,
    ...(loaders === undefined ? {} : { __loaders: loaders }),
  };
  switch (event.type) {
    case 'GROUP_CREATED': {
      const { subject, description, inviteLink, joinApprovalMode } = event.details;
      return { ...base, subject, description, inviteLink, joinApprovalMode } satisfies GroupCreatedEvent;
    }
    case 'GROUP_CREATE_FAILED': {
      const { subject, description, errors } = event.details;
      return { ...base, subject, description, errors } satisfies GroupCreateFailedEvent;
    }
    case 'GROUP_DELETE_FAILED':
      return { ...base, errors: event.details.errors } satisfies GroupDeleteFailedEvent;
    case 'GROUP_DELETED':
    case 'GROUP_SUSPENDED':
    case 'GROUP_SUSPENSION_CLEARED':
      return base;
    case 'PARTICIPANTS_ADDED':
      return { ...base, participants: event.details.participants, reason: event.details.reason } satisfies ParticipantsAddedEvent;
    case 'PARTICIPANTS_REMOVED': {
      const { participants, failedParticipants, initiatedBy, errors } = event.details;
      return { ...base, participants, failedParticipants, initiatedBy, errors } satisfies ParticipantsRemovedEvent;
    }
    case 'PARTICIPANTS_PROMOTED':
    case 'PARTICIPANTS_DEMOTED':
      return { ...base, participants: event.details.participants } satisfies ParticipantsPromotedEvent & ParticipantsDemotedEvent;
    case 'JOIN_REQUEST_CREATED':
    case 'JOIN_REQUEST_REVOKED': {
      const { joinRequestId, participant, reason } = event.details;
      return { ...base, joinRequestId, participant, reason } satisfies JoinRequestCreatedEvent & JoinRequestRevokedEvent;
    }
    case 'SETTINGS_UPDATED': {
      const { subject, description, profilePicture, otherChanges, errors } = event.details;
      return {
        ...base,
        subjectChange: subject,
        descriptionChange: description,
        profilePictureChange:
          profilePicture === null
            ? null
            : { sha256: profilePicture.value, mimeType: profilePicture.mimeType, succeeded: profilePicture.succeeded, errors: profilePicture.errors },
        otherChanges,
        errors,
      } satisfies SettingsUpdatedEvent;
    }
    case 'MESSAGE_RECEIVED': {
      const { messageId, from, messageType, text, content, errors } = event.details;
      return { ...base, messageId, from, messageType, text, content: content ?? null, errors } satisfies MessageReceivedEvent;
    }
    case 'MESSAGE_STATUS_UPDATED': {
      const { messageId, status, participant, pricing, errors } = event.details;
      return { ...base, messageId, status, recipient: participant, pricing, errors } satisfies MessageStatusUpdatedEvent;
    }
    default:
      throw new UnreachableCaseError(event);
  }
}
