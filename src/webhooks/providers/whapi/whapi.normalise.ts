import { createHash } from 'node:crypto';
import type { ParticipantRank, ParticipantRef, PictureChange, SettingChange } from '../../../events/event-model';
import { canonicalJson } from '../../../lib/canonical-json';
import { WebhookPayloadError } from '../../webhook-errors';
import type { JsonObject } from '../shared/json';
import { arrayAt, booleanAt, idAt, isJsonObject, objectAt, own, stringAt, toText, unixSecondsToIso } from '../shared/json';
import type { ParseCollector } from '../shared/normalise';
import { participantIdentity } from '../shared/normalise';

// A Whapi delivery → DomainEvents: the envelope, then each item of the payload array its event comes in.

/** A checked Whapi delivery: `{ <array-key>: [...], event: {type, event}, channel_id }`, one payload array per delivery. */
interface WhapiEnvelope {
  /** `<event.type>.<event.event>`, lowercased, e.g. "groups.put". */
  readonly kind: string;
  readonly type: string;
  readonly method: string;
  /** Whapi's channel (one connected number). Whapi has no phone number id, so this stands for it. */
  readonly channelId: string | null;
  readonly document: JsonObject;
}

type ItemHandler = (envelope: WhapiEnvelope, item: unknown, out: ParseCollector) => void;

/** The events we model, with the payload array each one comes in (its key depends on the event). */
const HANDLERS: ReadonlyMap<string, { payloadKey: string; handle: ItemHandler }> = new Map([
  ['groups.post', { payloadKey: 'groups', handle: normaliseGroupJoined }],
  ['groups.put', { payloadKey: 'groups_participants', handle: normaliseParticipants }],
  ['groups.patch', { payloadKey: 'groups_updates', handle: normaliseGroupUpdate }],
  ['messages.post', { payloadKey: 'messages', handle: normaliseMessage }],
]);

/** Checks the envelope, then normalises every item of the delivery; other events (statuses, chats, presences, …) are ignored. */
export function normaliseWhapiDelivery(document: unknown, out: ParseCollector): void {
  const envelope = readEnvelope(document);
  const handler = HANDLERS.get(envelope.kind);
  if (handler === undefined) return out.ignore(envelope.kind, 'Whapi event not modelled by the gateway');
  const items = own(envelope.document, handler.payloadKey);
  if (!Array.isArray(items)) return out.ignore(envelope.kind, `no ${handler.payloadKey}[] array for ${envelope.kind}`);
  for (const item of items) handler.handle(envelope, item, out);
}

/**
 * Checks the envelope: an object with `event.type`, `event.event` (the settings schema calls it `method`,
 * which we accept too) and at least one payload array. Throws WebhookPayloadError otherwise.
 */
function readEnvelope(document: unknown): WhapiEnvelope {
  if (!isJsonObject(document)) throw new WebhookPayloadError('The Whapi webhook body must be a JSON object');
  const event = objectAt(document, 'event');
  const type = idAt(event, 'type');
  const method = idAt(event, 'event') ?? idAt(event, 'method');
  if (event === null || type === null || method === null) {
    throw new WebhookPayloadError('Expected "event": {"type", "event"} in the Whapi webhook body');
  }
  if (!Object.values(document).some((value) => Array.isArray(value))) {
    throw new WebhookPayloadError(`Expected a payload array in the Whapi webhook body (e.g. "groups_participants" for groups.put)`);
  }
  const kind = `${type.toLowerCase()}.${method.toLowerCase()}`;
  return { kind, type, method, channelId: idAt(document, 'channel_id'), document };
}

/**
 * groups.post (`groups[]`): "you have been added to a group, or a group has been created with you". Both
 * mean the group now exists for this channel, so both become GROUP_CREATED with the group's name as subject, its
 * members with their `rank`, and its creator (`created_by`).
 */
function normaliseGroupJoined(envelope: WhapiEnvelope, item: unknown, out: ParseCollector): void {
  const groupId = idAt(item, 'id');
  const chatType = stringAt(item, 'type');
  if (!isJsonObject(item) || groupId === null || (chatType !== null && chatType !== 'group')) {
    out.ignore(envelope.kind, 'groups[] item is not a group with an id');
    return;
  }
  const inviteCode = idAt(item, 'invite_code');
  const details = {
    subject: stringAt(item, 'name'),
    description: stringAt(item, 'description'),
    inviteLink: inviteCode === null ? null : `https://chat.whatsapp.com/${inviteCode}`,
    joinApprovalMode: null,
    participants: rankedParticipants(arrayAt(item, 'participants')),
    createdBy: actorOf(idAt(item, 'created_by')),
  };
  const draft = {
    type: 'GROUP_CREATED' as const,
    groupId,
    phoneNumberId: envelope.channelId,
    // `timestamp` is when the chat appeared for this channel (the join); `created_at` is the group's birth.
    occurredAt: unixSecondsToIso(own(item, 'timestamp')) ?? unixSecondsToIso(own(item, 'created_at')),
    requestId: null,
    details,
    raw: rawOf(envelope, 'groups', item),
  };
  out.emit(draft, groupIdentity(envelope, itemDigest(item)));
}

/**
 * groups.put (`groups_participants[]`): `{group_id, participants: string[], action}`. Whapi names no actor and
 * does not tell a leave from a removal (so initiatedBy is UNKNOWN), nor a link join from an add. It has no
 * time either: occurredAt is the receive time. `request` (a join request) names one or more requesters, and
 * each becomes its own JOIN_REQUEST_CREATED, without a join request id (Whapi has none).
 */
function normaliseParticipants(envelope: WhapiEnvelope, item: unknown, out: ParseCollector): void {
  const groupId = idAt(item, 'group_id');
  const action = stringAt(item, 'action')?.toLowerCase() ?? '';
  const ids = participantIds(arrayAt(item, 'participants'));
  if (groupId === null || ids.length === 0) {
    out.ignore(envelope.kind, 'groups_participants[] item without group_id or participants');
    return;
  }
  const participants = ids.map((id) => participantOf(id));
  const digest = itemDigest(item);
  const key = groupIdentity(envelope, digest);
  const base = { groupId, phoneNumberId: envelope.channelId, occurredAt: null, requestId: null, raw: rawOf(envelope, 'groups_participants', item) };
  switch (action) {
    case 'add':
      out.emit({ ...base, type: 'PARTICIPANTS_ADDED', details: { participants, reason: null } }, key);
      return;
    case 'remove':
      out.emit({ ...base, type: 'PARTICIPANTS_REMOVED', details: { participants, failedParticipants: [], initiatedBy: 'UNKNOWN', errors: [] } }, key);
      return;
    case 'promote':
      out.emit({ ...base, type: 'PARTICIPANTS_PROMOTED', details: { participants } }, key);
      return;
    case 'demote':
      out.emit({ ...base, type: 'PARTICIPANTS_DEMOTED', details: { participants } }, key);
      return;
    case 'request':
      participants.forEach((participant, index) => {
        // Each requester's raw fragment names only that requester, as sent: the whole item on each of its
        // events would grow with the square of the item's length.
        const raw = rawOf(envelope, 'groups_participants', { group_id: groupId, participants: [ids[index]], action: 'request' });
        const details = { joinRequestId: null, participant, reason: null };
        out.emit({ ...base, raw, type: 'JOIN_REQUEST_CREATED', details }, groupIdentity(envelope, digest, participantIdentity(participant)));
      });
      return;
    default:
      out.ignore(envelope.kind, `unknown groups.put action "${action}"`);
  }
}

/** Group fields that belong to a setting we model; everything else named in `changes[]` is an "other change". */
const SUBJECT_FIELDS = new Set(['name', 'name_at', 'name_owner']);
const DESCRIPTION_FIELDS = new Set(['description', 'description_id', 'description_owner']);
const PICTURE_FIELDS = new Set(['chat_pic', 'chat_pic_full']);

/** Whapi's placeholder for "the picture changed, URL unknown" (seed 000). */
const PICTURE_CHANGED = 'changed';

/**
 * groups.patch (`groups_updates[]`): full `before_update`/`after_update` snapshots plus `changes[]`, the names
 * of the changed fields. A setting counts as changed when `changes[]` names it or the snapshots differ
 * (`changes[]` is a free list of field names, so the snapshots are diffed too). A picture change carries the new URL
 * (`chat_pic_full`, the full-size picture, else the `chat_pic` thumbnail), or null when Whapi only says "changed";
 * Whapi never sends a sha256. Each change keeps its before-value from `before_update` and its author where Whapi
 * names one (`name_owner`, `description_owner`; for the picture, the sender of the `group_change_icon` system message
 * in `last_message`). Whapi has no failure path here: every change succeeded.
 */
function normaliseGroupUpdate(envelope: WhapiEnvelope, item: unknown, out: ParseCollector): void {
  const before = objectAt(item, 'before_update');
  const after = objectAt(item, 'after_update');
  const groupId = idAt(after, 'id') ?? idAt(before, 'id');
  if (groupId === null || after === null) {
    out.ignore(envelope.kind, 'groups_updates[] item without after_update.id');
    return;
  }
  const changes = new Set(arrayAt(item, 'changes').map(toText).filter((name): name is string => name !== null));
  const changed = (fields: ReadonlySet<string>, field: string): boolean =>
    [...fields].some((name) => changes.has(name)) || (before !== null && stringAt(before, field) !== stringAt(after, field));
  const textChange = (field: string, ownerField: string): SettingChange =>
    succeeded(stringAt(after, field), before === null ? null : stringAt(before, field), actorOf(idAt(after, ownerField)));
  const details = {
    subject: changed(SUBJECT_FIELDS, 'name') ? textChange('name', 'name_owner') : null,
    description: changed(DESCRIPTION_FIELDS, 'description') ? textChange('description', 'description_owner') : null,
    profilePicture: changed(PICTURE_FIELDS, 'chat_pic') ? pictureChange(before, after) : null,
    otherChanges: [...changes].filter((name) => !SUBJECT_FIELDS.has(name) && !DESCRIPTION_FIELDS.has(name) && !PICTURE_FIELDS.has(name)),
    errors: [],
  };
  if (details.subject === null && details.description === null && details.profilePicture === null && details.otherChanges.length === 0) {
    out.ignore(envelope.kind, 'groups_updates[] item names no change');
    return;
  }
  const draft = {
    type: 'SETTINGS_UPDATED' as const,
    groupId,
    phoneNumberId: envelope.channelId,
    occurredAt: null, // Whapi gives no time for the change itself (name_at is not reliably updated, seed 000)
    requestId: null,
    details,
    raw: rawOf(envelope, 'groups_updates', item),
  };
  out.emit(draft, groupIdentity(envelope, itemDigest(item)));
}

function succeeded(value: string | null, previousValue: string | null, changedBy: ParticipantRef | null): SettingChange {
  return { value, previousValue, changedBy, succeeded: true, errors: [] };
}

/** A picture URL of a snapshot: the full-size one first; the placeholder "changed" is no URL. */
function pictureUrlOf(snapshot: JsonObject | null): string | null {
  return [stringAt(snapshot, 'chat_pic_full'), stringAt(snapshot, 'chat_pic')].find((url) => url !== null && url !== PICTURE_CHANGED) ?? null;
}

/** The system message Whapi puts in `last_message` when someone changes the group's picture. */
const PICTURE_CHANGE_SUBTYPE = 'group_change_icon';

function pictureChange(before: JsonObject | null, after: JsonObject): PictureChange {
  const lastMessage = objectAt(after, 'last_message');
  const isPictureChangeMessage = stringAt(lastMessage, 'type') === 'system' && stringAt(lastMessage, 'subtype') === PICTURE_CHANGE_SUBTYPE;
  return {
    sha256: null,
    url: pictureUrlOf(after),
    previousUrl: pictureUrlOf(before),
    changedBy: isPictureChangeMessage ? actorOf(idAt(lastMessage, 'from')) : null,
    mimeType: null,
    succeeded: true,
    errors: [],
  };
}

/** Whapi's ranks (`participants[].rank` of a group); anything else is no rank we know. */
const RANKS: ReadonlyMap<string, ParticipantRank> = new Map([
  ['admin', 'ADMIN'],
  ['creator', 'CREATOR'],
  ['member', 'MEMBER'],
]);

/** A group's `participants[]`: `{id, rank}` objects (bare id strings are accepted, without a rank). */
function rankedParticipants(values: readonly unknown[]): ParticipantRef[] {
  const participants: ParticipantRef[] = [];
  for (const value of values) {
    const id = toText(value) ?? idAt(value, 'id');
    if (id === null || id.trim() === '') continue;
    const rank = RANKS.get(stringAt(value, 'rank')?.toLowerCase() ?? '') ?? null;
    participants.push({ ...participantOf(id), rank });
  }
  return participants;
}

/** Who did something, from an id field Whapi may leave out. */
function actorOf(id: string | null): ParticipantRef | null {
  return id === null || id.trim() === '' ? null : participantOf(id);
}

const GROUP_CHAT_SUFFIX = '@g.us';

/**
 * messages.post (`messages[]`). Only messages in a group chat (`chat_id` ending in @g.us) are group events.
 * Messages with `from_me: true` are ignored: they are this channel's own sends (from the API or the phone),
 * and MESSAGE_RECEIVED means a participant wrote, as with Meta, where the business's own group sends surface
 * only as statuses. `system` messages are ignored too: they are the chat-log echo of group changes that
 * groups.* webhooks already report.
 */
function normaliseMessage(envelope: WhapiEnvelope, message: unknown, out: ParseCollector): void {
  if (!isJsonObject(message)) return out.ignore(envelope.kind, 'messages[] item is not an object');
  const chatId = idAt(message, 'chat_id');
  const messageId = idAt(message, 'id');
  const messageType = stringAt(message, 'type') ?? 'unknown';
  if (chatId === null || !chatId.endsWith(GROUP_CHAT_SUFFIX)) return out.ignore(envelope.kind, 'not a group chat (chat_id does not end in @g.us)');
  if (booleanAt(message, 'from_me') === true) return out.ignore(envelope.kind, "the channel's own message (from_me)");
  if (messageType === 'system') return out.ignore(envelope.kind, 'system message (group changes arrive as groups.* events)');
  if (messageId === null) return out.ignore(envelope.kind, 'group message without an id');
  const body = objectAt(message, messageType);
  const details = {
    messageId,
    from: participantOf(idAt(message, 'from'), stringAt(message, 'from_name')),
    messageType,
    text: messageType === 'text' ? stringAt(body, 'body') : stringAt(body, 'caption'),
    content: message,
    errors: [],
  };
  const draft = {
    type: 'MESSAGE_RECEIVED' as const,
    groupId: chatId,
    phoneNumberId: envelope.channelId,
    occurredAt: unixSecondsToIso(own(message, 'timestamp')),
    requestId: null,
    details,
    raw: rawOf(envelope, 'messages', message),
  };
  // The channel is part of the key: two of our channels in one group each receive the message.
  out.emit(draft, JSON.stringify(['message', envelope.channelId ?? '', messageId]));
}

const PHONE_JID = /^(\d+)@(?:s\.whatsapp\.net|c\.us)$/;

/**
 * Whapi identifies people by bare phone digits, sometimes a JID, and since 2025 sometimes a LID (`…@lid`),
 * in the same fields, with no separate LID field. Phone JIDs are reduced to their digits; anything else (a LID) is
 * kept verbatim in `waId`, suffix included, so it stays recognisable and is never mistaken for a phone.
 */
function participantOf(id: string | null, name: string | null = null): ParticipantRef {
  const phone = id === null ? null : PHONE_JID.exec(id);
  return { waId: phone ? (phone[1] ?? id) : id, userId: null, parentUserId: null, username: null, name, input: null, rank: null };
}

/** `participants[]` of groups.put: id strings (objects with an `id` are accepted too, as newer APIs send). */
function participantIds(values: readonly unknown[]): string[] {
  const ids: string[] = [];
  for (const value of values) {
    const id = toText(value) ?? idAt(value, 'id');
    if (id !== null && id.trim() !== '') ids.push(id);
  }
  return ids;
}

/**
 * The fragment an event came from: the payload item with the envelope's event and channel. Only the event's
 * type and method are copied, not the whole `event` object: it is shared by every item of the delivery.
 */
function rawOf(envelope: WhapiEnvelope, payloadKey: string, item: unknown): unknown {
  return { event: { type: envelope.type, event: envelope.method }, channel_id: envelope.channelId, [payloadKey]: item };
}

/**
 * Identity of a groups.* item. Whapi sends no event id, and groups.put carries no timestamp either, so a hash
 * of the item's canonical JSON (keys sorted) is the identity: a redelivery dedupes, but so does a genuinely
 * repeated identical action (the same person added, removed and added again) within the dedupe window: the
 * second add is dropped as a duplicate. The channel is part of the key because two of our numbers in one
 * group each receive the same item, and each must get its event.
 */
function groupIdentity(envelope: WhapiEnvelope, digest: string, discriminator = ''): string {
  return JSON.stringify([envelope.kind, envelope.channelId ?? '', digest, discriminator]);
}

/** Hashed once per item, so an item that yields many events (join requests) is serialised once. */
function itemDigest(item: unknown): string {
  return createHash('sha256').update(canonicalJson(item)).digest('base64url');
}
