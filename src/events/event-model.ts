/**
 * The canonical event model: one shape for every provider (docs/webhooks.md#the-event-model).
 * These are plain JSON DTOs (ISO date strings, no class instances) because they cross Redis.
 */

export const EVENT_SOURCES = ['META', 'WHAPI', 'YCLOUD', 'SANDBOX'] as const;
export type EventSource = (typeof EVENT_SOURCES)[number];

export const GROUP_EVENT_TYPES = [
  'GROUP_CREATED',
  'GROUP_CREATE_FAILED',
  'GROUP_DELETED',
  'GROUP_DELETE_FAILED',
  'PARTICIPANTS_ADDED',
  'PARTICIPANTS_REMOVED',
  'PARTICIPANTS_PROMOTED',
  'PARTICIPANTS_DEMOTED',
  'JOIN_REQUEST_CREATED',
  'JOIN_REQUEST_REVOKED',
  'SETTINGS_UPDATED',
  'GROUP_SUSPENDED',
  'GROUP_SUSPENSION_CLEARED',
  'MESSAGE_RECEIVED',
  'MESSAGE_STATUS_UPDATED',
] as const;
export type GroupEventType = (typeof GROUP_EVENT_TYPES)[number];

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
}

export interface FailedParticipant {
  participant: ParticipantRef;
  errors: EventError[];
}

export type ParticipantChangeInitiator = 'BUSINESS' | 'PARTICIPANT' | 'UNKNOWN';
export type JoinApprovalMode = 'AUTO_APPROVE' | 'APPROVAL_REQUIRED';
export type MessageDeliveryStatus = 'SENT' | 'DELIVERED' | 'READ' | 'PLAYED' | 'FAILED' | 'DELETED' | 'PENDING';

/** One field of a settings change: whether it was applied, and why not. */
export interface SettingChange {
  value: string | null; // new subject/description text; the picture's sha256 for a picture change
  succeeded: boolean;
  errors: EventError[];
}

interface EventDetailsByType {
  GROUP_CREATED: {
    subject: string | null;
    description: string | null;
    inviteLink: string | null;
    joinApprovalMode: JoinApprovalMode | null;
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
    profilePicture: (SettingChange & { mimeType: string | null }) | null;
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
    errors: EventError[];
  };
}

export type EventDetails<T extends GroupEventType = GroupEventType> = EventDetailsByType[T];

interface DomainEventOf<T extends GroupEventType> {
  /** Deterministic: the same upstream event always gets the same id (see event-id.ts). */
  id: string;
  type: T;
  groupId: string;
  phoneNumberId: string | null;
  occurredAt: string; // ISO 8601
  receivedAt: string; // ISO 8601
  source: EventSource;
  /** Upstream request id of the write this event completes (Meta `request_id`), when it carries one. */
  requestId: string | null;
  details: EventDetailsByType[T];
  /** The provider's payload fragment this event came from, for debugging. */
  raw: unknown;
}

/** A normalised event, before it is stored. Discriminated on `type`. */
export type DomainEvent = { [T in GroupEventType]: DomainEventOf<T> }[GroupEventType];

/** An event as the log holds it: `cursor` is its position in the log. */
export type StoredEvent = DomainEvent & { cursor: string };

export function emptyParticipant(overrides: Partial<ParticipantRef> = {}): ParticipantRef {
  return { waId: null, userId: null, parentUserId: null, username: null, name: null, input: null, ...overrides };
}
