import type { DomainEvent, EventDetails, GroupEventType } from '../../../src/events/event-model';
import { emptyParticipant } from '../../../src/events/event-model';

export const T0 = Date.UTC(2025, 0, 1);

/** A canonical event as providers produce it, stamped `atMs` (occurredAt) and received 1 s later. */
export function domainEvent<T extends GroupEventType>(type: T, details: EventDetails<T>, overrides: { id?: string; groupId?: string; requestId?: string | null; atMs?: number } = {}): DomainEvent {
  const atMs = overrides.atMs ?? T0;
  return {
    id: overrides.id ?? `evt_${type}_${atMs}`,
    type,
    groupId: overrides.groupId ?? 'g1',
    phoneNumberId: '106540352242922',
    occurredAt: new Date(atMs).toISOString(),
    receivedAt: new Date(atMs + 1_000).toISOString(),
    source: 'META',
    requestId: overrides.requestId ?? null,
    details,
    raw: {},
  } as DomainEvent;
}

export const error131212 = { code: 131212, title: 'Not a participant', message: 'Participant is not a part of the group', details: null };

export function removal(removed: string[], failed: string[], initiatedBy: 'BUSINESS' | 'PARTICIPANT' = 'BUSINESS', errors = failed.length > 0 ? [{ code: 131201, title: null, message: 'partial', details: null }] : []) {
  return {
    participants: removed.map((input) => emptyParticipant({ waId: input, input })),
    failedParticipants: failed.map((input) => ({ participant: emptyParticipant({ input }), errors: [error131212] })),
    initiatedBy,
    errors,
  };
}
