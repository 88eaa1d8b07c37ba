import type { JsonObject } from '../shared/json-read';
import { arrayAt, idAt, isJsonObject } from '../shared/json-read';

/** `value.contacts[]` of a messages change, looked up by wa_id or BSUID. */
export interface MetaContacts {
  /**
   * The contact for these identifiers. With no identifier at all (a BSUID-era message may omit `from`), the
   * only contact of the change is the sender's, when there is exactly one.
   */
  find(waId: string | null, userId: string | null): JsonObject | null;
}

/** Indexes the contacts once per change, so a delivery with many messages and contacts stays linear. */
export function indexMetaContacts(value: unknown): MetaContacts {
  const contacts = arrayAt(value, 'contacts').filter(isJsonObject);
  const byWaId = new Map<string, JsonObject>();
  const byUserId = new Map<string, JsonObject>();
  for (const contact of contacts) {
    const waId = idAt(contact, 'wa_id');
    const userId = idAt(contact, 'user_id');
    if (waId !== null && !byWaId.has(waId)) byWaId.set(waId, contact);
    if (userId !== null && !byUserId.has(userId)) byUserId.set(userId, contact);
  }
  return {
    find(waId, userId) {
      if (waId === null && userId === null) return contacts.length === 1 ? (contacts[0] ?? null) : null;
      return (waId === null ? undefined : byWaId.get(waId)) ?? (userId === null ? undefined : byUserId.get(userId)) ?? null;
    },
  };
}
