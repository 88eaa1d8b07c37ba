import type { DomainEvent, GroupEventType } from '../../../src/events/event-model';
import { emptyParticipant } from '../../../src/events/event-model';

let counter = 0;

/** A valid event of a few common kinds; every call gets a fresh id unless one is given. */
export function makeEvent(fields: { id?: string; type?: GroupEventType; groupId?: string | null; phoneNumberId?: string | null; requestId?: string | null } = {}): DomainEvent {
  const type = fields.type ?? 'PARTICIPANTS_ADDED';
  const base = {
    id: fields.id ?? `evt_test_${++counter}_${Math.random().toString(36).slice(2, 8)}`,
    type,
    groupId: fields.groupId === undefined ? 'g1' : fields.groupId,
    phoneNumberId: fields.phoneNumberId === undefined ? 'p1' : fields.phoneNumberId,
    occurredAt: '2025-01-01T00:00:00.000Z',
    receivedAt: '2025-01-01T00:00:01.000Z',
    source: 'META' as const,
    requestId: fields.requestId ?? null,
    raw: { note: 'unicode ✓ "quoted" / slash', list: [], nested: { empty: {} } },
  };
  return { ...base, details: detailsFor(type) } as DomainEvent;
}

function detailsFor(type: GroupEventType): DomainEvent['details'] {
  const someone = emptyParticipant({ waId: '15550001111' });
  switch (type) {
    case 'GROUP_CREATED':
      return { subject: 'Team', description: null, inviteLink: 'https://chat.whatsapp.com/abc', joinApprovalMode: 'AUTO_APPROVE' };
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
      return { subject: { value: 'New subject', succeeded: true, errors: [] }, description: null, profilePicture: null, otherChanges: [], errors: [] };
    case 'MESSAGE_RECEIVED':
      return { messageId: 'wamid.1', from: someone, messageType: 'text', text: 'hi', content: { body: 'hi' }, errors: [] };
    case 'MESSAGE_STATUS_UPDATED':
      return { messageId: 'wamid.1', status: 'READ', participant: someone, pricing: null, errors: [] };
  }
}
