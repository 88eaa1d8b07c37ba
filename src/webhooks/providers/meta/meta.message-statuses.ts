import type { EventDetails, MessageDeliveryStatus, ParticipantRef } from '../../../events/event-model';
import type { ParseCollector } from '../shared/parse-collector';
import { eventErrorsAt } from '../shared/event-errors';
import { unixSecondsToIso } from '../shared/event-time';
import type { JsonObject } from '../shared/json-read';
import { booleanAt, idAt, isJsonObject, objectAt, own, stringAt } from '../shared/json-read';
import { participantIdentity } from '../shared/participant-identity';
import type { MetaContacts } from './meta.contacts';
import type { MetaChangeContext } from './meta.group-item';

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
 * One `value.statuses[]` item. A group send is recognised by `recipient_type: "group"` (recipient_id is then
 * the group) or by the OpenAPI spec's `group_id`; statuses of 1:1 messages are ignored. `sent`/`failed` are
 * per group (no participant); `delivered`/`read` are per participant. Aggregated webhooks simply hold several
 * statuses, and each becomes its own event.
 */
export function normaliseMetaStatus(change: MetaChangeContext, status: unknown, contacts: MetaContacts, out: ParseCollector): void {
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
    errors: eventErrorsAt(status),
  };
  const draft = {
    type: 'MESSAGE_STATUS_UPDATED' as const,
    groupId,
    phoneNumberId: change.phoneNumberId,
    occurredAt: unixSecondsToIso(own(status, 'timestamp')),
    requestId: null,
    details,
    raw: { wabaId: change.wabaId, field: change.sentField, metadata: change.metadata, status },
  };
  const participantKey = participant === null ? '' : participantIdentity(participant);
  out.emit(draft, JSON.stringify(['status', messageId, sentStatus, participantKey]));
}

/**
 * The participant of a per-participant status: `recipient_participant_id` (phone; Meta's webhook examples spell it
 * `participant_recipient_id`), or, since the BSUID rollout, `recipient_participant_user_id`. The matching
 * `contacts[]` entry adds the name, username and whichever id the status left out.
 */
function statusParticipant(status: JsonObject, contacts: MetaContacts): ParticipantRef | null {
  const waId = idAt(status, 'recipient_participant_id') ?? idAt(status, 'participant_recipient_id');
  const userId = idAt(status, 'recipient_participant_user_id');
  const parentUserId = idAt(status, 'recipient_participant_parent_user_id');
  if (waId === null && userId === null && parentUserId === null) return null;
  const contact = contacts.find(waId, userId);
  const profile = objectAt(contact, 'profile');
  return {
    waId: waId ?? idAt(contact, 'wa_id'),
    userId: userId ?? idAt(contact, 'user_id'),
    parentUserId: parentUserId ?? idAt(contact, 'parent_user_id'),
    username: idAt(profile, 'username') ?? idAt(contact, 'username'),
    name: stringAt(profile, 'name') ?? stringAt(contact, 'name'),
    input: null,
  };
}

/** `pricing` is a sibling of `conversation` everywhere except Meta's aggregated webhook examples, which nest it inside. */
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
