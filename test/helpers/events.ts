import type { DomainEvent, EventDetails, GroupEventType } from '../../src/events/event-model';
import { emptyParticipant } from '../../src/events/event-model';

/** 2025-01-01T00:00:00Z: when a built event occurred unless `atMs` says otherwise. */
export const T0 = Date.UTC(2025, 0, 1);

export interface EventFields<T extends GroupEventType> {
  /** @default a fresh id per call */
  id?: string;
  /** @default 'PARTICIPANTS_ADDED' */
  type?: T;
  /** @default typical details of the type (see detailsFor) */
  details?: EventDetails<T>;
  /** @default 'g1' (null: a GROUP_CREATE_FAILED that named no group) */
  groupId?: string | null;
  /** @default 'p1' */
  phoneNumberId?: string | null;
  /** @default null */
  requestId?: string | null;
  /** When it occurred; it was received 1 s later. @default T0 */
  atMs?: number;
}

let counter = 0;

/** A valid canonical event, as providers produce it. */
export function makeEvent<T extends GroupEventType = 'PARTICIPANTS_ADDED'>(fields: EventFields<T> = {}): DomainEvent {
  const type = fields.type ?? 'PARTICIPANTS_ADDED';
  const atMs = fields.atMs ?? T0;
  return {
    id: fields.id ?? `evt_test_${++counter}_${Math.random().toString(36).slice(2, 8)}`,
    type,
    groupId: fields.groupId === undefined ? 'g1' : fields.groupId,
    phoneNumberId: fields.phoneNumberId === undefined ? 'p1' : fields.phoneNumberId,
    occurredAt: new Date(atMs).toISOString(),
    receivedAt: new Date(atMs + 1_000).toISOString(),
    source: 'META',
    requestId: fields.requestId ?? null,
    details: fields.details ?? detailsFor(type),
    raw: { note: 'unicode ✓ "quoted" / slash', list: [], nested: { empty: {} } },
  } as DomainEvent;
}

export const error131212 = { code: 131212, title: 'Not a participant', message: 'Participant is not a part of the group', details: null };

/** PARTICIPANTS_REMOVED details: who was removed, who could not be (each with error 131212), and who asked. */
export function removal(removed: string[], failed: string[], initiatedBy: 'BUSINESS' | 'PARTICIPANT' = 'BUSINESS', errors = failed.length > 0 ? [{ code: 131201, title: null, message: 'partial', details: null }] : []): EventDetails<'PARTICIPANTS_REMOVED'> {
  return {
    participants: removed.map((input) => emptyParticipant({ waId: input, input })),
    failedParticipants: failed.map((input) => ({ participant: emptyParticipant({ input }), errors: [error131212] })),
    initiatedBy,
    errors,
  };
}

function detailsFor(type: GroupEventType): DomainEvent['details'] {
  const someone = emptyParticipant({ waId: '15550001111' });
  switch (type) {
    case 'GROUP_CREATED':
      return { subject: 'Team', description: null, inviteLink: 'https://chat.whatsapp.com/abc', joinApprovalMode: 'AUTO_APPROVE', participants: [], createdBy: null };
    case 'GROUP_CREATE_FAILED':
      return { subject: 'Team', description: null, errors: [{ code: 131000, title: 'Failure', message: null, details: null }] };
    case 'GROUP_DELETE_FAILED':
      return { errors: [] };
    case 'GROUP_DELETED':
    case 'GROUP_SUSPENDED':
    case 'GROUP_SUSPENSION_CLEARED':
      return {};
    case 'PARTICIPANTS_ADDED':
      return { participants: [someone], reason: null };
    case 'PARTICIPANTS_REMOVED':
      return { participants: [someone], failedParticipants: [], initiatedBy: 'BUSINESS', errors: [] };
    case 'PARTICIPANTS_PROMOTED':
    case 'PARTICIPANTS_DEMOTED':
      return { participants: [someone] };
    case 'JOIN_REQUEST_CREATED':
    case 'JOIN_REQUEST_REVOKED':
      return { joinRequestId: 'jr1', participant: someone, reason: null };
    case 'SETTINGS_UPDATED':
      return { subject: { value: 'New subject', previousValue: null, changedBy: null, succeeded: true, errors: [] }, description: null, profilePicture: null, otherChanges: [], errors: [] };
    case 'MESSAGE_RECEIVED':
      return { messageId: 'wamid.1', from: someone, messageType: 'text', text: 'hi', content: { body: 'hi' }, errors: [] };
    case 'MESSAGE_STATUS_UPDATED':
      return { messageId: 'wamid.1', status: 'READ', participant: someone, pricing: null, conversation: null, bizOpaqueCallbackData: null, errors: [] };
  }
}
