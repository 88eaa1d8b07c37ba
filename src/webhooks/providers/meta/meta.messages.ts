import type { ParticipantRef } from '../../../events/event-model';
import type { ParseCollector } from '../shared/parse-collector';
import { eventErrorsAt } from '../shared/event-errors';
import { unixSecondsToIso } from '../shared/event-time';
import type { JsonObject } from '../shared/json-read';
import { idAt, isJsonObject, objectAt, own, stringAt } from '../shared/json-read';
import type { MetaContacts } from './meta.contacts';
import type { MetaChangeContext } from './meta.group-item';

/**
 * One `value.messages[]` item of the `messages` field. Only messages with a `group_id` are group events;
 * 1:1 messages share the field and are ignored. Unsupported types arrive as `type: "unsupported"` with
 * error 130501 and are kept (the model carries their errors).
 */
export function normaliseMetaMessage(change: MetaChangeContext, message: unknown, contacts: MetaContacts, out: ParseCollector): void {
  if (!isJsonObject(message)) return out.ignore('messages.message', 'messages[] item is not an object');
  const groupId = idAt(message, 'group_id');
  const messageId = idAt(message, 'id');
  if (groupId === null) return out.ignore('messages.message', 'not a group message (no group_id)');
  if (messageId === null) return out.ignore('messages.message', 'group message without an id');
  const messageType = stringAt(message, 'type') ?? 'unknown';
  const details = { messageId, from: sender(message, contacts), messageType, text: messageText(message, messageType), content: message, errors: eventErrorsAt(message) };
  const draft = {
    type: 'MESSAGE_RECEIVED' as const,
    groupId,
    phoneNumberId: change.phoneNumberId,
    occurredAt: unixSecondsToIso(own(message, 'timestamp')),
    requestId: null,
    details,
    raw: { wabaId: change.wabaId, field: change.sentField, metadata: change.metadata, message },
  };
  out.emit(draft, JSON.stringify(['message', messageId]));
}

/** The sender: `from` (omitted for username users), `from_user_id` (BSUID), and its `contacts[]` entry. */
function sender(message: JsonObject, contacts: MetaContacts): ParticipantRef {
  const waId = idAt(message, 'from');
  const userId = idAt(message, 'from_user_id');
  const contact = contacts.find(waId, userId);
  const profile = objectAt(contact, 'profile');
  return {
    waId: waId ?? idAt(contact, 'wa_id'),
    userId: userId ?? idAt(contact, 'user_id'),
    parentUserId: idAt(message, 'from_parent_user_id') ?? idAt(contact, 'parent_user_id'),
    username: idAt(profile, 'username') ?? idAt(contact, 'username'),
    name: stringAt(profile, 'name'),
    input: null,
  };
}

/** The text body, or a media caption (`image.caption`, `video.caption`, `document.caption`). */
function messageText(message: JsonObject, messageType: string): string | null {
  const body = objectAt(message, messageType);
  return messageType === 'text' ? stringAt(body, 'body') : stringAt(body, 'caption');
}
