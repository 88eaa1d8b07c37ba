import type { ParticipantRef } from '../../../events/event-model';
import { idAt, toText } from '../shared/json-read';

const PHONE_JID = /^(\d+)@(?:s\.whatsapp\.net|c\.us)$/;

/**
 * Whapi identifies people by bare phone digits, sometimes a JID, and since 2025 sometimes a LID (`…@lid`),
 * in the same fields (docs/webhooks.md#whapi-events). Phone JIDs are reduced to their digits; anything else (a LID) is
 * kept verbatim in `waId`, suffix included, so it stays recognisable and is never mistaken for a phone.
 */
export function whapiParticipant(id: string | null, name: string | null = null): ParticipantRef {
  const phone = id === null ? null : PHONE_JID.exec(id);
  return { waId: phone ? (phone[1] ?? id) : id, userId: null, parentUserId: null, username: null, name, input: null };
}

/** `participants[]` of groups.put: id strings (objects with an `id` are accepted too, as newer APIs send). */
export function whapiParticipantIds(values: readonly unknown[]): string[] {
  const ids: string[] = [];
  for (const value of values) {
    const id = toText(value) ?? idAt(value, 'id');
    if (id !== null && id.trim() !== '') ids.push(id);
  }
  return ids;
}
