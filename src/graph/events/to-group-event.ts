import type { DomainEventOf, EventDetails, GroupEventType, StoredEvent } from '../../events/event-model';
import type { AttachedLoaders, GroupEvent } from './group-event.interface';
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

/** The GraphQL object type of one kind of event, and how that kind's details become its fields. */
interface GroupEventObjectType<T extends GroupEventType, C extends GroupEvent = GroupEvent> {
  readonly type: new () => C;
  readonly fields: (details: EventDetails<T>) => Omit<C, keyof GroupEvent>;
}

/** Pairs a class with its mapping, so the compiler checks the mapping produces exactly that class's fields. */
function objectType<T extends GroupEventType, C extends GroupEvent>(type: new () => C, fields: (details: EventDetails<T>) => Omit<C, keyof GroupEvent>): GroupEventObjectType<T, C> {
  return { type, fields };
}

const noFields = (): Record<never, never> => ({});

/**
 * Each kind of event's GraphQL object type: the one table of them. Naming a class here is also what puts it in the
 * schema (type-graphql adds every decorated class that is loaded); `satisfies` makes the table cover every kind.
 */
export const GROUP_EVENT_OBJECT_TYPES = {
  GROUP_CREATED: objectType(GroupCreatedEvent, ({ subject, description, inviteLink, joinApprovalMode }) => ({ subject, description, inviteLink, joinApprovalMode })),
  GROUP_CREATE_FAILED: objectType(GroupCreateFailedEvent, ({ subject, description, errors }) => ({ subject, description, errors })),
  GROUP_DELETED: objectType(GroupDeletedEvent, noFields),
  GROUP_DELETE_FAILED: objectType(GroupDeleteFailedEvent, ({ errors }) => ({ errors })),
  PARTICIPANTS_ADDED: objectType(ParticipantsAddedEvent, ({ participants, reason }) => ({ participants, reason })),
  PARTICIPANTS_REMOVED: objectType(ParticipantsRemovedEvent, ({ participants, failedParticipants, initiatedBy, errors }) => ({
    participants,
    failedParticipants,
    initiatedBy,
    errors,
  })),
  PARTICIPANTS_PROMOTED: objectType(ParticipantsPromotedEvent, ({ participants }) => ({ participants })),
  PARTICIPANTS_DEMOTED: objectType(ParticipantsDemotedEvent, ({ participants }) => ({ participants })),
  JOIN_REQUEST_CREATED: objectType(JoinRequestCreatedEvent, ({ joinRequestId, participant, reason }) => ({ joinRequestId, participant, reason })),
  JOIN_REQUEST_REVOKED: objectType(JoinRequestRevokedEvent, ({ joinRequestId, participant, reason }) => ({ joinRequestId, participant, reason })),
  SETTINGS_UPDATED: objectType(SettingsUpdatedEvent, ({ subject, description, profilePicture, otherChanges, errors }) => ({
    subjectChange: subject,
    descriptionChange: description,
    profilePictureChange:
      profilePicture === null
        ? null
        : { sha256: profilePicture.value, mimeType: profilePicture.mimeType, succeeded: profilePicture.succeeded, errors: profilePicture.errors },
    otherChanges,
    errors,
  })),
  GROUP_SUSPENDED: objectType(GroupSuspendedEvent, noFields),
  GROUP_SUSPENSION_CLEARED: objectType(GroupSuspensionClearedEvent, noFields),
  MESSAGE_RECEIVED: objectType(MessageReceivedEvent, ({ messageId, from, messageType, text, content, errors }) => ({
    messageId,
    from,
    messageType,
    text,
    content: content ?? null,
    errors,
  })),
  MESSAGE_STATUS_UPDATED: objectType(MessageStatusUpdatedEvent, ({ messageId, status, participant, pricing, errors }) => ({
    messageId,
    status,
    recipient: participant,
    pricing,
    errors,
  })),
} satisfies { readonly [T in GroupEventType]: GroupEventObjectType<T, GroupEvent> };

/** Any concrete event object. */
export type GroupEventNode = InstanceType<(typeof GROUP_EVENT_OBJECT_TYPES)[GroupEventType]['type']>;

/**
 * A stored event as the GraphQL types read it: an instance of its kind's class (which is how GroupEvent resolves its
 * concrete type), with the common fields as Dates and the details of its kind flattened onto it. `loaders`, for a
 * subscription payload, are the fresh loaders of this one emission.
 */
export function toGroupEvent(event: StoredEvent, loaders?: AttachedLoaders): GroupEventNode {
  return toNode(event, loaders);
}

function toNode<T extends GroupEventType>(event: DomainEventOf<T> & { cursor: string }, loaders: AttachedLoaders | undefined): GroupEventNode {
  const objectTypeOf: { readonly [K in GroupEventType]: GroupEventObjectType<K> } = GROUP_EVENT_OBJECT_TYPES;
  const { type, fields } = objectTypeOf[event.type];
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
  return Object.assign(new type(), base, fields(event.details)) as GroupEventNode;
}
