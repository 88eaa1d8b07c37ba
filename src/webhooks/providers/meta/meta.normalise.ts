import type { EventDetails, MessageConversation, MessageDeliveryStatus, ParticipantRef } from '../../../events/event-model';
import { WebhookPayloadError } from '../../webhook-errors';
import type { JsonObject } from '../shared/json';
import { arrayAt, booleanAt, idAt, isJsonObject, objectAt, own, stringAt, unixSecondsToIso } from '../shared/json';
import type { ParseCollector } from '../shared/normalise';
import { eventErrorsAt, participantIdentity } from '../shared/normalise';
import type { MetaChangeContext } from './meta.group-fields';
import {
  forEachMetaGroupItem,
  metaRaw,
  normaliseMetaGroupStatus,
  normaliseMetaLifecycle,
  normaliseMetaParticipants,
  normaliseMetaSettings,
} from './meta.group-fields';

// A Meta delivery → DomainEvents: the envelope, then every entry × change, dispatched on the change's `field`.
// The four group_* fields are read in meta.group-fields.ts; group messages and statuses (`messages`) here.

const META_ENVELOPE_OBJECT = 'whatsapp_business_account';

type ChangeHandler = (context: MetaChangeContext, value: JsonObject, out: ParseCollector) => void;

/** The webhook fields the gateway models; any other field is ignored. */
const FIELDS: ReadonlyMap<string, ChangeHandler> = new Map([
  ['group_lifecycle_update', forEachMetaGroupItem(normaliseMetaLifecycle)],
  ['group_participants_update', forEachMetaGroupItem(normaliseMetaParticipants)],
  ['group_settings_update', forEachMetaGroupItem(normaliseMetaSettings)],
  ['group_status_update', forEachMetaGroupItem(normaliseMetaGroupStatus)],
  ['messages', normaliseMessages],
]);

/** Meta's OpenAPI spec spells the participants field in the singular; the prose docs are canonical. */
const FIELD_ALIASES: ReadonlyMap<string, string> = new Map([['group_participant_update', 'group_participants_update']]);

const STATUSES: ReadonlyMap<string, MessageDeliveryStatus> = new Map([
  ['sent', 'SENT'],
  ['delivered', 'DELIVERED'],
  ['read', 'READ'],
  ['played', 'PLAYED'],
  ['failed', 'FAILED'],
  ['deleted', 'DELETED'],
  ['pending', 'PENDING'],
]);

/**
 * Checks Meta's envelope (`{object: "whatsapp_business_account", entry: [...]}`), then normalises every entry ×
 * change × item. A body that is not that envelope throws WebhookPayloadError: it is something else, not an event we
 * do not model. Past the envelope nothing throws for content: a malformed entry, an unknown field or an item without
 * a group goes to `ignored`.
 */
export function normaliseMetaDelivery(document: unknown, out: ParseCollector): void {
  for (const entry of readMetaEntries(document)) {
    const changes = own(entry, 'changes');
    if (!Array.isArray(changes)) {
      out.ignore('entry', 'entry[] item without a changes[] array');
      continue;
    }
    const wabaId = idAt(entry, 'id');
    for (const change of changes) normaliseChange(wabaId, change, out);
  }
}

function readMetaEntries(document: unknown): readonly unknown[] {
  if (!isJsonObject(document)) throw new WebhookPayloadError('The Meta webhook body must be a JSON object');
  const object = own(document, 'object');
  if (object !== META_ENVELOPE_OBJECT) {
    throw new WebhookPayloadError(`Expected "object": "${META_ENVELOPE_OBJECT}" in the Meta webhook body, got ${describe(object)}`);
  }
  const entries = own(document, 'entry');
  if (!Array.isArray(entries)) throw new WebhookPayloadError(`Expected "entry" to be an array in the Meta webhook body, got ${describe(entries)}`);
  return entries;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value.slice(0, 64));
  return Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`;
}

function normaliseChange(wabaId: string | null, change: unknown, out: ParseCollector): void {
  const sentField = stringAt(change, 'field') ?? '';
  const field = FIELD_ALIASES.get(sentField) ?? sentField;
  const value = objectAt(change, 'value');
  if (value === null) {
    out.ignore(field || 'change', 'change without a value object');
    return;
  }
  const metadata = objectAt(value, 'metadata');
  const phoneNumberId = idAt(metadata, 'phone_number_id');
  // Only the documented metadata goes into each event's raw fragment: the object is shared by every item of
  // the change, so an oversized one copied onto thousands of events would multiply the delivery's size.
  const rawMetadata = metadata === null ? null : { display_phone_number: stringAt(metadata, 'display_phone_number'), phone_number_id: phoneNumberId };
  const context: MetaChangeContext = { wabaId, field, sentField, metadata: rawMetadata, phoneNumberId };
  const handler = FIELDS.get(field);
  if (handler === undefined) return out.ignore(field || 'change', 'webhook field not modelled by the gateway');
  handler(context, value, out);
}

function normaliseMessages(context: MetaChangeContext, value: JsonObject, out: ParseCollector): void {
  const messages = own(value, 'messages');
  const statuses = own(value, 'statuses');
  const contacts = indexContacts(value);
  if (Array.isArray(messages)) for (const message of messages) normaliseMessage(context, message, contacts, out);
  if (Array.isArray(statuses)) for (const status of statuses) normaliseStatus(context, status, contacts, out);
  if (Array.isArray(own(value, 'errors'))) out.ignore('messages.errors', 'system-level errors, not tied to a group');
  else if (!Array.isArray(messages) && !Array.isArray(statuses)) out.ignore('messages', 'value without messages[] or statuses[]');
}

/**
 * One `value.messages[]` item of the `messages` field. Only messages with a `group_id` are group events;
 * 1:1 messages share the field and are ignored. Unsupported types arrive as `type: "unsupported"` with
 * error 130501 and are kept (the model carries their errors).
 */
function normaliseMessage(change: MetaChangeContext, message: unknown, contacts: Contacts, out: ParseCollector): void {
  if (!isJsonObject(message)) return out.ignore('messages.message', 'messages[] item is not an object');
  const groupId = idAt(message, 'group_id');
  const messageId = idAt(message, 'id');
  if (groupId === null) return out.ignore('messages.message', 'not a group message (no group_id)');
  if (messageId === null) return out.ignore('messages.message', 'group message without an id');
  const messageType = stringAt(message, 'type') ?? 'unknown';
  const details = { messageId, from: sender(message, contacts), messageType, text: messageText(message, messageType), content: message, errors: eventErrorsAt(message) };
  out.emit({ type: 'MESSAGE_RECEIVED', ...messagesDraftBase(change, groupId, 'message', message), details }, JSON.stringify(['message', messageId]));
}

/**
 * One `value.statuses[]` item. A group send is recognised by `recipient_type: "group"` (recipient_id is then
 * the group) or by the OpenAPI spec's `group_id`; statuses of 1:1 messages are ignored. `sent`/`failed` are
 * per group (no participant); `delivered`/`read` are per participant. Aggregated webhooks simply hold several
 * statuses, and each becomes its own event.
 */
function normaliseStatus(change: MetaChangeContext, status: unknown, contacts: Contacts, out: ParseCollector): void {
  if (!isJsonObject(status)) return out.ignore('messages.status', 'statuses[] item is not an object');
  const isGroupSend = stringAt(status, 'recipient_type')?.toLowerCase() === 'group';
  const groupId = idAt(status, 'group_id') ?? (isGroupSend ? idAt(status, 'recipient_id') : null);
  const messageId = idAt(status, 'id');
  const sentStatus = stringAt(status, 'status')?.toLowerCase() ?? '';
  const deliveryStatus = STATUSES.get(sentStatus);
  if (groupId === null) {
    return out.ignore('messages.status', isGroupSend ? 'group status without recipient_id' : 'status of a 1:1 message (not a group event)');
  }
  if (messageId === null) return out.ignore('messages.status', 'group status without an id');
  if (deliveryStatus === undefined) return out.ignore('messages.status', `unknown status "${sentStatus}"`);
  const participant = statusParticipant(status, contacts);
  const details: EventDetails<'MESSAGE_STATUS_UPDATED'> = {
    messageId,
    status: deliveryStatus,
    participant,
    pricing: statusPricing(status),
    conversation: statusConversation(status),
    bizOpaqueCallbackData: stringAt(status, 'biz_opaque_callback_data'),
    errors: eventErrorsAt(status),
  };
  const participantKey = participant === null ? '' : participantIdentity(participant);
  out.emit({ type: 'MESSAGE_STATUS_UPDATED', ...messagesDraftBase(change, groupId, 'status', status), details }, JSON.stringify(['status', messageId, sentStatus, participantKey]));
}

/** The fields of a message's or status's draft that come from the item and its change. */
function messagesDraftBase(change: MetaChangeContext, groupId: string, itemKey: 'message' | 'status', item: JsonObject) {
  return { groupId, phoneNumberId: change.phoneNumberId, occurredAt: unixSecondsToIso(own(item, 'timestamp')), requestId: null, raw: metaRaw(change, itemKey, item) };
}

/** The sender: `from` (omitted for username users), `from_user_id` (BSUID), and its `contacts[]` entry. */
function sender(message: JsonObject, contacts: Contacts): ParticipantRef {
  const { participant } = withContact(contacts, idAt(message, 'from'), idAt(message, 'from_user_id'), idAt(message, 'from_parent_user_id'));
  return participant;
}

/**
 * The participant of a per-participant status: `recipient_participant_id` (phone; Meta's webhook examples spell it
 * `participant_recipient_id`), or, since the BSUID rollout, `recipient_participant_user_id`. The matching
 * `contacts[]` entry adds the name, username and whichever id the status left out.
 */
function statusParticipant(status: JsonObject, contacts: Contacts): ParticipantRef | null {
  const waId = idAt(status, 'recipient_participant_id') ?? idAt(status, 'participant_recipient_id');
  const userId = idAt(status, 'recipient_participant_user_id');
  const parentUserId = idAt(status, 'recipient_participant_parent_user_id');
  if (waId === null && userId === null && parentUserId === null) return null;
  const { participant, contact } = withContact(contacts, waId, userId, parentUserId);
  return { ...participant, name: participant.name ?? stringAt(contact, 'name') };
}

/** A person a message or status names, completed from their `contacts[]` entry (profile name, username, missing ids). */
function withContact(contacts: Contacts, waId: string | null, userId: string | null, parentUserId: string | null): { participant: ParticipantRef; contact: JsonObject | null } {
  const contact = contacts.find(waId, userId);
  const profile = objectAt(contact, 'profile');
  const participant = {
    waId: waId ?? idAt(contact, 'wa_id'),
    userId: userId ?? idAt(contact, 'user_id'),
    parentUserId: parentUserId ?? idAt(contact, 'parent_user_id'),
    username: idAt(profile, 'username') ?? idAt(contact, 'username'),
    name: stringAt(profile, 'name'),
    input: null,
    rank: null,
  };
  return { participant, contact };
}

/** The text body, or a media caption (`image.caption`, `video.caption`, `document.caption`). */
function messageText(message: JsonObject, messageType: string): string | null {
  const body = objectAt(message, messageType);
  return messageType === 'text' ? stringAt(body, 'body') : stringAt(body, 'caption');
}

/** `pricing` is a sibling of `conversation` everywhere except Meta's aggregated-webhook examples, which nest it inside. */
function statusPricing(status: JsonObject): EventDetails<'MESSAGE_STATUS_UPDATED'>['pricing'] {
  const pricing = objectAt(status, 'pricing') ?? objectAt(objectAt(status, 'conversation'), 'pricing');
  if (pricing === null) return null;
  return {
    model: stringAt(pricing, 'pricing_model'),
    category: stringAt(pricing, 'category'),
    type: stringAt(pricing, 'type'),
    billable: booleanAt(pricing, 'billable'),
  };
}

/**
 * `conversation {id, origin: {type}, expiration_timestamp}`: Meta omits it since v24.0 except in free-entry-point
 * windows, and sends `expiration_timestamp` only on the status that opened the conversation. An object with none of
 * the three (e.g. one that only nests `pricing`, as Meta's aggregated examples print it) is no conversation.
 */
function statusConversation(status: JsonObject): MessageConversation | null {
  const conversation = objectAt(status, 'conversation');
  if (conversation === null) return null;
  const id = idAt(conversation, 'id');
  const originType = stringAt(objectAt(conversation, 'origin'), 'type');
  const expiresAt = unixSecondsToIso(own(conversation, 'expiration_timestamp'));
  if (id === null && originType === null && expiresAt === null) return null;
  return { id, originType, expiresAt };
}

/** `value.contacts[]` of a messages change, looked up by wa_id or BSUID. */
interface Contacts {
  /**
   * The contact for these identifiers. With no identifier at all (a BSUID-era message may omit `from`), the
   * only contact of the change is the sender's, when there is exactly one.
   */
  find(waId: string | null, userId: string | null): JsonObject | null;
}

/** Indexes the contacts once per change, so a delivery with many messages and contacts stays linear. */
function indexContacts(value: unknown): Contacts {
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
