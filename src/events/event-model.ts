/**
 * The canonical event model: one shape for every provider (docs/webhooks.md#the-event-model).
 * These are plain JSON DTOs (ISO date strings, no class instances) because they cross Redis.
 */

export const EVENT_SOURCES = ['META', 'WHAPI', 'YCLOUD', 'SANDBOX'] as const;
export type EventSource = (typeof EVENT_SOURCES)[number];

/** An error reported by the upstream inside a webhook (Meta `{code,title,message,error_data{details}}`). */
export interface EventError {
  code: number | null;
  title: string | null;
  message: string | null;
  details: string | null;
}

/**
 * A person in a group. Any of the identifiers may be missing: Meta omits `wa_id` for username users (BSUID era),
 * Whapi sends only a phone or LID, a business removal echoes only the `input` it was given.
 */
export interface ParticipantRef {
  waId: string | null;
  userId: string | null; // business-scoped user id (BSUID), e.g. "US.13491208655302741918"
  parentUserId: string | null;
  username: string | null;
  name: string | null; // profile name, when the provider sends one
  input: string | null; // what the business sent when it acted on this participant
  /** The person's role in the group, when the provider says (Whapi's `rank` on a group's participants). */
  rank: ParticipantRank | null;
}

export type ParticipantRank = 'ADMIN' | 'CREATOR' | 'MEMBER';

export interface FailedParticipant {
  participant: ParticipantRef;
  errors: EventError[];
}

export type ParticipantChangeInitiator = 'BUSINESS' | 'PARTICIPANT' | 'UNKNOWN';
export type JoinApprovalMode = 'AUTO_APPROVE' | 'APPROVAL_REQUIRED';
export type MessageDeliveryStatus = 'SENT' | 'DELIVERED' | 'READ' | 'PLAYED' | 'FAILED' | 'DELETED' | 'PENDING';

/** One field of a settings change: whether it was applied, and why not. */
export interface SettingChange {
  value: string | null; // new subject/description text
  /** The text before the change, when the provider sends it (Whapi's `before_update`). */
  previousValue: string | null;
  /** Who made the change, when the provider says (Whapi's `name_owner` / `description_owner`). */
  changedBy: ParticipantRef | null;
  succeeded: boolean;
  errors: EventError[];
}

/**
 * A picture change. Providers identify the new picture differently: Meta (and YCloud, which relays Meta) by the
 * sha256 of the uploaded file, Whapi by a URL. Each fills its own field and leaves the other null.
 */
export interface PictureChange {
  sha256: string | null;
  url: string | null;
  /** The URL of the picture before the change (Whapi's `before_update`), when it was one and not a placeholder. */
  previousUrl: string | null;
  /** Who changed it, when the provider says (Whapi: the `group_change_icon` system message's sender). */
  changedBy: ParticipantRef | null;
  mimeType: string | null;
  succeeded: boolean;
  errors: EventError[];
}

/** Each kind of group event, with the details only that kind carries. */
interface EventDetailsByType {
  GROUP_CREATED: {
    subject: string | null;
    description: string | null;
    inviteLink: string | null;
    joinApprovalMode: JoinApprovalMode | null;
    /** The members at creation, with their rank, when the provider lists them (Whapi); empty otherwise. */
    participants: ParticipantRef[];
    /** Who created the group, when the provider says (Whapi `created_by`); null for Meta, where the business did. */
    createdBy: ParticipantRef | null;
  };
  GROUP_CREATE_FAILED: { subject: string | null; description: string | null; errors: EventError[] };
  GROUP_DELETED: Record<string, never>;
  GROUP_DELETE_FAILED: { errors: EventError[] };
  PARTICIPANTS_ADDED: { participants: ParticipantRef[]; reason: string | null };
  PARTICIPANTS_REMOVED: {
    participants: ParticipantRef[];
    failedParticipants: FailedParticipant[];
    initiatedBy: ParticipantChangeInitiator;
    errors: EventError[];
  };
  PARTICIPANTS_PROMOTED: { participants: ParticipantRef[] };
  PARTICIPANTS_DEMOTED: { participants: ParticipantRef[] };
  JOIN_REQUEST_CREATED: { joinRequestId: string | null; participant: ParticipantRef; reason: string | null };
  JOIN_REQUEST_REVOKED: { joinRequestId: string | null; participant: ParticipantRef; reason: string | null };
  SETTINGS_UPDATED: {
    subject: SettingChange | null;
    description: SettingChange | null;
    profilePicture: PictureChange | null;
    /** Other settings a provider reports by name (Whapi `changes[]`, e.g. "announcements"). */
    otherChanges: string[];
    errors: EventError[];
  };
  GROUP_SUSPENDED: Record<string, never>;
  GROUP_SUSPENSION_CLEARED: Record<string, never>;
  MESSAGE_RECEIVED: {
    messageId: string;
    from: ParticipantRef;
    messageType: string; // "text", "image", ..., "unsupported"
    text: string | null; // text body or media caption
    /** The provider's message object, verbatim, for types the model does not flatten. */
    content: unknown;
    errors: EventError[];
  };
  MESSAGE_STATUS_UPDATED: {
    messageId: string;
    status: MessageDeliveryStatus;
    /** Set for per-participant statuses (delivered/read); null for per-group ones (sent/failed). */
    participant: ParticipantRef | null;
    pricing: { model: string | null; category: string | null; type: string | null; billable: boolean | null } | null;
    /** Meta's `conversation`, when sent (since v24.0 only in free-entry-point windows). */
    conversation: MessageConversation | null;
    /** Meta's `biz_opaque_callback_data`: the string the business attached to the send, echoed back. */
    bizOpaqueCallbackData: string | null;
    errors: EventError[];
  };
}

/** The conversation a status's message was counted in (Meta `conversation {id, origin.type, expiration_timestamp}`). */
export interface MessageConversation {
  id: string | null;
  /** `origin.type`: the conversation category, e.g. "marketing", "service", "referral_conversion". */
  originType: string | null;
  /** When the conversation window ends (ISO 8601); Meta sends it only on the status that opens the conversation. */
  expiresAt: string | null;
}

/** The kinds of group event: one per entry of EventDetailsByType. */
export type GroupEventType = keyof EventDetailsByType;

/**
 * Every kind of group event, with what it means: the one list of kinds at run time. The GraphQL enum, the stored-event
 * decoder and the GraphQL object types are built from it; `satisfies` makes it name exactly the kinds above.
 */
export const GROUP_EVENT_KINDS = {
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
} as const satisfies Readonly<Record<GroupEventType, string>>;

/** The kinds, in the table's order. */
export const GROUP_EVENT_TYPES = Object.keys(GROUP_EVENT_KINDS) as readonly GroupEventType[];

export type EventDetails<T extends GroupEventType = GroupEventType> = EventDetailsByType[T];

/**
 * The kinds an upstream write can cause, and so the only ones whose item carries the request id of that write (Meta
 * `request_id`, YCloud `requestId`): create and delete with their failures, the participants added by an approved
 * join request, removals, settings changes. Messages and statuses, join requests, suspensions and Whapi's admin
 * changes are never the outcome of a write: their requestId is always null.
 */
export const REQUEST_ID_EVENT_TYPES = [
  'GROUP_CREATED',
  'GROUP_CREATE_FAILED',
  'GROUP_DELETED',
  'GROUP_DELETE_FAILED',
  'PARTICIPANTS_ADDED',
  'PARTICIPANTS_REMOVED',
  'SETTINGS_UPDATED',
] as const satisfies readonly GroupEventType[];

export type RequestIdEventType = (typeof REQUEST_ID_EVENT_TYPES)[number];

/** An event of one kind. */
export interface DomainEventOf<T extends GroupEventType> {
  /** Deterministic: the same upstream event always gets the same id (see event-id.ts). */
  id: string;
  type: T;
  /**
   * The group the event belongs to. Null only for GROUP_CREATE_FAILED when the upstream refused the create before a
   * group existed (Meta sends no group_id then): such an event is found by phone number, never by group.
   */
  groupId: T extends 'GROUP_CREATE_FAILED' ? string | null : string;
  phoneNumberId: string | null;
  occurredAt: string; // ISO 8601
  receivedAt: string; // ISO 8601
  source: EventSource;
  /**
   * Upstream request id of the write this event completes (Meta `request_id`), when it carries one; always null for
   * the kinds no write causes (see REQUEST_ID_EVENT_TYPES).
   */
  requestId: T extends RequestIdEventType ? string | null : null;
  details: EventDetailsByType[T];
  /** The provider's payload fragment this event came from, for debugging. */
  raw: unknown;
}

/** A normalised event, before it is stored. Discriminated on `type`. */
export type DomainEvent = { [T in GroupEventType]: DomainEventOf<T> }[GroupEventType];

/** An event as the log holds it: `cursor` is its position in the log. */
export type StoredEvent = DomainEvent & { cursor: string };

export function emptyParticipant(overrides: Partial<ParticipantRef> = {}): ParticipantRef {
  return { waId: null, userId: null, parentUserId: null, username: null, name: null, input: null, rank: null, ...overrides };
}
