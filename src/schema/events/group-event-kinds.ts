import { GraphQLJSON } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import type {
  DomainEventOf,
  EventDetails,
  GroupEventType,
  JoinApprovalMode as ModelJoinApprovalMode,
  MessageConversation as ModelMessageConversation,
  MessageDeliveryStatus as ModelMessageDeliveryStatus,
  ParticipantChangeInitiator as ModelInitiator,
  StoredEvent,
} from '../../events/event-model';
import { JoinApprovalMode } from '../group/join-approval-mode.enum';
import { MessageDeliveryStatus, ParticipantChangeInitiator } from './event-enums';
import { EventError } from './event-error.type';
import { EventParticipant, FailedParticipant } from './event-participant.type';
import type { AttachedLoaders } from './group-event.interface';
import { GroupEvent } from './group-event.interface';
import { MessageConversation } from './message-conversation.type';
import { MessagePricing } from './message-pricing.type';
import { ProfilePictureChange, SettingChange } from './setting-change.type';

/**
 * `requestId` is a field of the kinds a business write can cause (REQUEST_ID_EVENT_TYPES), not of the interface: on
 * messages, statuses, join requests, suspensions and admin changes it would always be null.
 */
const REQUEST_ID_FIELD = {
  nullable: true,
  description: 'The upstream request id of the write this event completes (the `operation.id` of the mutation that caused it), when the provider sent one.',
} as const;

// Every kind of group event as GraphQL sees it: one object type per kind implementing GroupEvent, and the table that
// pairs each kind with its type and turns a stored event into it. Adding a kind to the event model makes the
// compiler ask for its class and its row here.


@ObjectType({ implements: GroupEvent, description: 'A group was created: the outcome of createGroup.' })
export class GroupCreatedEvent extends GroupEvent {
  @Field(() => String, REQUEST_ID_FIELD)
  requestId!: string | null;

  @Field(() => String, { nullable: true, description: 'The subject the group was created with.' })
  subject!: string | null;

  @Field(() => String, { nullable: true, description: 'The description the group was created with.' })
  description!: string | null;

  @Field(() => String, { nullable: true, description: 'The invite link of the new group, when the provider sent it.' })
  inviteLink!: string | null;

  @Field(() => JoinApprovalMode, { nullable: true, description: 'The join approval mode of the new group, when the provider sent it.' })
  joinApprovalMode!: ModelJoinApprovalMode | null;

  @Field(() => [EventParticipant], { description: "The group's members with their `rank`, when the provider lists them (Whapi); empty for Meta and YCloud, whose create webhook lists none." })
  participants!: EventParticipant[];

  @Field(() => EventParticipant, { nullable: true, description: 'Who created the group, when the provider names them (Whapi `created_by`); null for Meta and YCloud, where the business did.' })
  createdBy!: EventParticipant | null;
}

@ObjectType({ implements: GroupEvent, description: 'Creating a group failed.' })
export class GroupCreateFailedEvent extends GroupEvent {
  @Field(() => String, REQUEST_ID_FIELD)
  requestId!: string | null;

  @Field(() => String, { nullable: true, description: 'The subject of the group that could not be created.' })
  subject!: string | null;

  @Field(() => String, { nullable: true, description: 'The description of the group that could not be created.' })
  description!: string | null;

  @Field(() => [EventError], { description: 'Why it failed.' })
  errors!: EventError[];
}

@ObjectType({ implements: GroupEvent, description: 'A group was deleted.' })
export class GroupDeletedEvent extends GroupEvent {
  @Field(() => String, REQUEST_ID_FIELD)
  requestId!: string | null;
}

@ObjectType({ implements: GroupEvent, description: 'Deleting a group failed.' })
export class GroupDeleteFailedEvent extends GroupEvent {
  @Field(() => String, REQUEST_ID_FIELD)
  requestId!: string | null;

  @Field(() => [EventError], { description: 'Why it failed.' })
  errors!: EventError[];
}

@ObjectType({ implements: GroupEvent, description: 'WhatsApp suspended the group.' })
export class GroupSuspendedEvent extends GroupEvent {}

@ObjectType({ implements: GroupEvent, description: 'WhatsApp lifted the suspension of the group.' })
export class GroupSuspensionClearedEvent extends GroupEvent {}

@ObjectType({ implements: GroupEvent, description: 'People joined the group.' })
export class ParticipantsAddedEvent extends GroupEvent {
  @Field(() => String, REQUEST_ID_FIELD)
  requestId!: string | null;

  @Field(() => [EventParticipant], { description: 'Who joined.' })
  participants!: EventParticipant[];

  @Field(() => String, { nullable: true, description: 'How they joined, as the provider puts it (e.g. `invite_link`, `join_request_approved`).' })
  reason!: string | null;
}

@ObjectType({
  implements: GroupEvent,
  description: 'Participants were removed by the business or left. A removal that failed for some participants lists them in `failedParticipants`.',
})
export class ParticipantsRemovedEvent extends GroupEvent {
  @Field(() => String, REQUEST_ID_FIELD)
  requestId!: string | null;

  @Field(() => [EventParticipant], { description: 'Who is no longer in the group.' })
  participants!: EventParticipant[];

  @Field(() => [FailedParticipant], { description: 'Who could not be removed, and why.' })
  failedParticipants!: FailedParticipant[];

  @Field(() => ParticipantChangeInitiator, { description: 'Whether the business removed them or they left.' })
  initiatedBy!: ModelInitiator;

  @Field(() => [EventError], { description: 'Errors of the removal as a whole (a total failure).' })
  errors!: EventError[];
}

@ObjectType({ implements: GroupEvent, description: 'Participants became admins.' })
export class ParticipantsPromotedEvent extends GroupEvent {
  @Field(() => [EventParticipant], { description: 'Who became an admin.' })
  participants!: EventParticipant[];
}

@ObjectType({ implements: GroupEvent, description: 'Participants stopped being admins.' })
export class ParticipantsDemotedEvent extends GroupEvent {
  @Field(() => [EventParticipant], { description: 'Who is no longer an admin.' })
  participants!: EventParticipant[];
}

@ObjectType({ implements: GroupEvent, description: 'Someone asked to join the group (join approval mode APPROVAL_REQUIRED).' })
export class JoinRequestCreatedEvent extends GroupEvent {
  @Field(() => ID, { nullable: true, description: 'The join request id, for approveJoinRequests/rejectJoinRequests, when the provider sent it.' })
  joinRequestId!: string | null;

  @Field(() => EventParticipant, { description: 'Who asked to join.' })
  participant!: EventParticipant;

  @Field(() => String, { nullable: true, description: 'The reason the provider gave, if any.' })
  reason!: string | null;
}

@ObjectType({ implements: GroupEvent, description: 'A pending join request was withdrawn.' })
export class JoinRequestRevokedEvent extends GroupEvent {
  @Field(() => ID, { nullable: true, description: 'The join request id, when the provider sent it.' })
  joinRequestId!: string | null;

  @Field(() => EventParticipant, { description: 'Whose request was withdrawn.' })
  participant!: EventParticipant;

  @Field(() => String, { nullable: true, description: 'The reason the provider gave, if any.' })
  reason!: string | null;
}

/** Field names end in `Change` so they never clash with GroupCreatedEvent's `subject: String` in one selection. */
@ObjectType({
  implements: GroupEvent,
  description: 'Group settings changed, or failed to: each changed setting says whether it was applied. Null means the setting was not part of the change.',
})
export class SettingsUpdatedEvent extends GroupEvent {
  @Field(() => String, REQUEST_ID_FIELD)
  requestId!: string | null;

  @Field(() => SettingChange, { nullable: true, description: 'The subject change, when the subject was changed.' })
  subjectChange!: SettingChange | null;

  @Field(() => SettingChange, { nullable: true, description: 'The description change, when the description was changed.' })
  descriptionChange!: SettingChange | null;

  @Field(() => ProfilePictureChange, { nullable: true, description: 'The picture change, when the picture was changed.' })
  profilePictureChange!: ProfilePictureChange | null;

  @Field(() => [String], { description: 'Other settings the provider reports by name only (e.g. `announcements`).' })
  otherChanges!: string[];

  @Field(() => [EventError], { description: 'Errors of the update as a whole.' })
  errors!: EventError[];
}

@ObjectType({ implements: GroupEvent, description: 'A participant sent a message to the group.' })
export class MessageReceivedEvent extends GroupEvent {
  @Field(() => ID, { description: 'The WhatsApp message id (wamid).' })
  messageId!: string;

  @Field(() => EventParticipant, { description: 'Who sent it.' })
  from!: EventParticipant;

  @Field(() => String, { description: 'The message type as WhatsApp names it: `text`, `image`, ..., `unsupported`.' })
  messageType!: string;

  @Field(() => String, { nullable: true, description: 'The text, or the caption of a media message.' })
  text!: string | null;

  @Field(() => GraphQLJSON, { nullable: true, description: "The provider's message object, verbatim, for types this API does not flatten." })
  content!: unknown;

  @Field(() => [EventError], { description: 'Errors WhatsApp attached (e.g. for unsupported messages).' })
  errors!: EventError[];
}

/** `recipient`, not `participant`: JoinRequest*Event.participant is non-null, and one selection must not mix both. */
@ObjectType({ implements: GroupEvent, description: 'A message the business sent to the group changed status.' })
export class MessageStatusUpdatedEvent extends GroupEvent {
  @Field(() => ID, { description: 'The WhatsApp message id (wamid).' })
  messageId!: string;

  @Field(() => MessageDeliveryStatus, { description: 'The new status.' })
  status!: ModelMessageDeliveryStatus;

  @Field(() => EventParticipant, { nullable: true, description: 'The participant a per-participant status (delivered, read) is about; null for per-group statuses (sent, failed).' })
  recipient!: EventParticipant | null;

  @Field(() => MessagePricing, { nullable: true, description: 'Pricing information, when WhatsApp sent it.' })
  pricing!: MessagePricing | null;

  @Field(() => MessageConversation, { nullable: true, description: 'The conversation the message was counted in, when WhatsApp sent it (Meta only; since v24.0 only in free-entry-point windows).' })
  conversation!: MessageConversation | null;

  @Field(() => String, {
    nullable: true,
    description: "The business's own tracking string, echoed from the send (Meta's `biz_opaque_callback_data`), when the message was sent with one.",
  })
  bizOpaqueCallbackData!: string | null;

  @Field(() => [EventError], { description: 'Why the message failed, for FAILED.' })
  errors!: EventError[];
}

/** The GraphQL object type of one kind of event, and how that kind's details become its fields. */
interface GroupEventObjectType<T extends GroupEventType, C extends GroupEvent = GroupEvent> {
  readonly type: new () => C;
  readonly fields: (details: EventDetails<T>, event: DomainEventOf<T>) => Omit<C, keyof GroupEvent>;
}

/** Pairs a class with its mapping, so the compiler checks the mapping produces exactly that class's fields. */
function objectType<T extends GroupEventType, C extends GroupEvent>(
  type: new () => C,
  fields: (details: EventDetails<T>, event: DomainEventOf<T>) => Omit<C, keyof GroupEvent>,
): GroupEventObjectType<T, C> {
  return { type, fields };
}

const noFields = (): Record<never, never> => ({});

/**
 * Each kind of event's GraphQL object type: the one table of them. Naming a class here is also what puts it in the
 * schema (type-graphql adds every decorated class that is loaded); `satisfies` makes the table cover every kind.
 */
export const GROUP_EVENT_OBJECT_TYPES = {
  GROUP_CREATED: objectType(GroupCreatedEvent, ({ subject, description, inviteLink, joinApprovalMode, participants, createdBy }, { requestId }) => ({
    subject,
    description,
    inviteLink,
    joinApprovalMode,
    // Events stored before creates kept their members and creator have neither.
    participants: participants ?? [],
    createdBy: createdBy ?? null,
    requestId,
  })),
  GROUP_CREATE_FAILED: objectType(GroupCreateFailedEvent, ({ subject, description, errors }, { requestId }) => ({ subject, description, errors, requestId })),
  GROUP_DELETED: objectType(GroupDeletedEvent, (_details, { requestId }) => ({ requestId })),
  GROUP_DELETE_FAILED: objectType(GroupDeleteFailedEvent, ({ errors }, { requestId }) => ({ errors, requestId })),
  PARTICIPANTS_ADDED: objectType(ParticipantsAddedEvent, ({ participants, reason }, { requestId }) => ({ participants, reason, requestId })),
  PARTICIPANTS_REMOVED: objectType(ParticipantsRemovedEvent, ({ participants, failedParticipants, initiatedBy, errors }, { requestId }) => ({
    participants,
    failedParticipants,
    initiatedBy,
    errors,
    requestId,
  })),
  PARTICIPANTS_PROMOTED: objectType(ParticipantsPromotedEvent, ({ participants }) => ({ participants })),
  PARTICIPANTS_DEMOTED: objectType(ParticipantsDemotedEvent, ({ participants }) => ({ participants })),
  JOIN_REQUEST_CREATED: objectType(JoinRequestCreatedEvent, ({ joinRequestId, participant, reason }) => ({ joinRequestId, participant, reason })),
  JOIN_REQUEST_REVOKED: objectType(JoinRequestRevokedEvent, ({ joinRequestId, participant, reason }) => ({ joinRequestId, participant, reason })),
  SETTINGS_UPDATED: objectType(SettingsUpdatedEvent, ({ subject, description, profilePicture, otherChanges, errors }, { requestId }) => ({
    subjectChange: subject,
    descriptionChange: description,
    profilePictureChange: profilePicture,
    otherChanges,
    errors,
    requestId,
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
  MESSAGE_STATUS_UPDATED: objectType(MessageStatusUpdatedEvent, ({ messageId, status, participant, pricing, conversation, bizOpaqueCallbackData, errors }) => ({
    messageId,
    status,
    recipient: participant,
    pricing,
    // Events stored before these fields existed have neither.
    conversation: toConversation(conversation ?? null),
    bizOpaqueCallbackData: bizOpaqueCallbackData ?? null,
    errors,
  })),
} satisfies { readonly [T in GroupEventType]: GroupEventObjectType<T, GroupEvent> };

function toConversation(conversation: ModelMessageConversation | null): MessageConversation | null {
  if (conversation === null) return null;
  return { id: conversation.id, originType: conversation.originType, expiresAt: conversation.expiresAt === null ? null : new Date(conversation.expiresAt) };
}

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
    raw: event.raw ?? null,
    ...(loaders === undefined ? {} : { __loaders: loaders }),
  };
  return Object.assign(new type(), base, fields(event.details, event)) as GroupEventNode;
}
