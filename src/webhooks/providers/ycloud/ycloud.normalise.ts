import type { EventDetails, FailedParticipant, ParticipantChangeInitiator, ParticipantRef, PictureChange, SettingChange } from '../../../events/event-model';
import { WebhookPayloadError } from '../../webhook-errors';
import type { JsonObject } from '../shared/json';
import { arrayAt, booleanAt, idAt, isJsonObject, isoTimeToIso, objectAt, own, stringAt } from '../shared/json';
import type { EventDraft, ParseCollector } from '../shared/normalise';
import { eventErrorsAt, hasIdentifier, toInitiator, toJoinApprovalMode } from '../shared/normalise';

// A YCloud delivery → DomainEvents: YCloud re-envelopes Meta's four group webhook fields as `whatsapp.group.*`
// events, one group item per envelope.

/** A checked YCloud delivery: `{id, type, apiVersion, createTime, <payload object>}`, the envelope of every YCloud event type. */
interface YCloudEnvelope {
  /** YCloud's event id: unique per event and repeated on redelivery, so it is the identity. */
  readonly id: string;
  readonly type: string;
  readonly createTime: string;
  readonly document: JsonObject;
}

/** A `whatsappGroup` payload with what every event built from it shares. */
interface YCloudGroup {
  readonly item: JsonObject;
  /** Meta's group event type, kept by YCloud (`group_create`, `group_participants_remove`, …). */
  readonly type: string;
  /** YCloud's normalised outcome (`created`, `failed`, `left`, …), lowercased; '' when absent. */
  readonly status: string;
  readonly base: {
    groupId: string;
    phoneNumberId: string | null;
    occurredAt: string | null;
    requestId: string | null;
    raw: unknown;
  };
}

/** What one payload becomes: its events, or why it is ignored. */
type Outcome = EventDraft[] | { ignored: string };

const HANDLERS: ReadonlyMap<string, (group: YCloudGroup) => Outcome> = new Map([
  ['whatsapp.group.lifecycle_update', normaliseLifecycle],
  ['whatsapp.group.participants_update', normaliseParticipants],
  ['whatsapp.group.settings_update', normaliseSettings],
  ['whatsapp.group.status_update', normaliseGroupStatus],
]);

/**
 * Checks the envelope, then normalises the delivery: one event per envelope for every type we model, identified by
 * YCloud's event id (with the index appended if a payload ever yields several). Other YCloud event types
 * (47 in all: messages, templates, …) are ignored.
 */
export function normaliseYCloudDelivery(document: unknown, out: ParseCollector): void {
  const envelope = readEnvelope(document);
  const handle = HANDLERS.get(envelope.type);
  if (handle === undefined) return out.ignore(envelope.type, 'YCloud event type not modelled by the gateway');
  const payload = objectAt(envelope.document, 'whatsappGroup');
  if (payload === null) return out.ignore(envelope.type, 'no whatsappGroup object');
  const refused = createFailedWithoutGroup(envelope, payload);
  if (refused !== null) return out.emit(refused, envelope.id);
  const group = readGroup(envelope, payload);
  if (group === null) return out.ignore(envelope.type, 'whatsappGroup without groupId');
  const outcome = handle(group);
  if (!Array.isArray(outcome)) return out.ignore(`${envelope.type}.${group.type}`, outcome.ignored);
  outcome.forEach((draft, index) => out.emit(draft, outcome.length === 1 ? envelope.id : `${envelope.id}#${index}`));
}

/** Checks the envelope (id, type, createTime and a payload object). Throws WebhookPayloadError otherwise. */
function readEnvelope(document: unknown): YCloudEnvelope {
  if (!isJsonObject(document)) throw new WebhookPayloadError('The YCloud webhook body must be a JSON object');
  const id = idAt(document, 'id');
  const type = idAt(document, 'type');
  const createTime = stringAt(document, 'createTime');
  if (id === null || type === null || createTime === null) {
    throw new WebhookPayloadError('Expected "id", "type" and "createTime" in the YCloud webhook body');
  }
  if (!Object.values(document).some(isJsonObject)) {
    throw new WebhookPayloadError(`Expected a payload object (e.g. "whatsappGroup") in the YCloud webhook body of type ${JSON.stringify(type.slice(0, 64))}`);
  }
  return { id, type, createTime, document };
}

/** Reads the shared fields; null when the payload names no group (such an event cannot be routed). */
function readGroup(envelope: YCloudEnvelope, item: JsonObject): YCloudGroup | null {
  const groupId = idAt(item, 'groupId');
  if (groupId === null) return null;
  return {
    item,
    type: stringAt(item, 'type') ?? '',
    status: stringAt(item, 'status')?.toLowerCase() ?? '',
    base: { ...baseFields(envelope, item), groupId },
  };
}

function baseFields(envelope: YCloudEnvelope, item: JsonObject) {
  return {
    phoneNumberId: idAt(item, 'phoneNumberId'),
    // webhookTime is "when WhatsApp triggered this webhook"; createTime is when YCloud rendered the event.
    occurredAt: isoTimeToIso(own(item, 'webhookTime')) ?? isoTimeToIso(envelope.createTime),
    requestId: idAt(item, 'requestId'),
    raw: envelope.document,
  };
}

/**
 * A lifecycle group_create failure without a groupId: the create was refused before a group existed. It becomes
 * GROUP_CREATE_FAILED with no group; its requestId ties it to the createGroup operation. Null for anything else.
 */
function createFailedWithoutGroup(envelope: YCloudEnvelope, item: JsonObject): EventDraft | null {
  if (envelope.type !== 'whatsapp.group.lifecycle_update' || idAt(item, 'groupId') !== null || stringAt(item, 'type') !== 'group_create') return null;
  const errors = eventErrorsAt(item);
  const requestId = idAt(item, 'requestId');
  if (requestId === null || (stringAt(item, 'status')?.toLowerCase() !== 'failed' && errors.length === 0)) return null;
  const details = { subject: stringAt(item, 'subject'), description: stringAt(item, 'description'), errors };
  return { ...baseFields(envelope, item), groupId: null, type: 'GROUP_CREATE_FAILED', details };
}

/** `whatsapp.group.lifecycle_update`: group_create / group_delete, with status created, deleted or failed. */
function normaliseLifecycle(group: YCloudGroup): Outcome {
  const item = group.item;
  const errors = eventErrorsAt(item);
  const failed = group.status === 'failed' || errors.length > 0;
  switch (group.type) {
    case 'group_create':
      if (failed) {
        return [{ ...group.base, type: 'GROUP_CREATE_FAILED', details: { subject: stringAt(item, 'subject'), description: stringAt(item, 'description'), errors } }];
      }
      return [
        {
          ...group.base,
          type: 'GROUP_CREATED',
          details: {
            subject: stringAt(item, 'subject'),
            description: stringAt(item, 'description'),
            inviteLink: stringAt(item, 'inviteLink'),
            joinApprovalMode: toJoinApprovalMode(stringAt(item, 'joinApprovalMode')),
            participants: [],
            createdBy: null,
          },
        },
      ];
    case 'group_delete':
      return failed ? [{ ...group.base, type: 'GROUP_DELETE_FAILED', details: { errors } }] : [{ ...group.base, type: 'GROUP_DELETED', details: {} }];
    default:
      return { ignored: `unknown lifecycle type "${group.type}"` };
  }
}

/**
 * `whatsapp.group.participants_update`: adds (status added), removals (removed; left when the participant
 * left; failed with `failedParticipants` and errors on partial or total failure), and join requests
 * (requested, revoked).
 */
function normaliseParticipants(group: YCloudGroup): Outcome {
  const item = group.item;
  switch (group.type) {
    case 'group_participants_add': {
      const participants = participantsAt(group, 'addedParticipants');
      if (participants.length === 0) return { ignored: 'participants add without any added participant' };
      return [{ ...group.base, type: 'PARTICIPANTS_ADDED', details: { participants, reason: stringAt(item, 'reason') } }];
    }
    case 'group_participants_remove': {
      const failedParticipants: FailedParticipant[] = arrayAt(item, 'failedParticipants')
        .filter(isJsonObject)
        .map((failed) => ({ participant: participantOf(failed), errors: eventErrorsAt(failed) }));
      const participants = participantsAt(group, 'removedParticipants', failedParticipants.length === 0);
      const errors = eventErrorsAt(item);
      if (participants.length === 0 && failedParticipants.length === 0 && errors.length === 0) {
        return { ignored: 'participants remove without any participant' };
      }
      const details = { participants, failedParticipants, initiatedBy: initiator(group), errors };
      return [{ ...group.base, type: 'PARTICIPANTS_REMOVED', details }];
    }
    case 'group_join_request_created':
    case 'group_join_request_revoked': {
      const participant = participantOf(item);
      const joinRequestId = idAt(item, 'joinRequestId');
      if (joinRequestId === null && !hasIdentifier(participant)) return { ignored: 'join request without joinRequestId or requester' };
      const details = { joinRequestId, participant, reason: stringAt(item, 'reason') };
      const type = group.type === 'group_join_request_created' ? 'JOIN_REQUEST_CREATED' : 'JOIN_REQUEST_REVOKED';
      return [{ ...group.base, requestId: null, type, details }];
    }
    default:
      return { ignored: `unknown participants type "${group.type}"` };
  }
}

/** `initiatedBy` when given; otherwise YCloud's status `left` says the participant did it. */
function initiator(group: YCloudGroup): ParticipantChangeInitiator {
  return toInitiator(stringAt(group.item, 'initiatedBy')) ?? (group.status === 'left' ? 'PARTICIPANT' : 'UNKNOWN');
}

/**
 * A participant in YCloud's camelCase: `waId`, `recipientUserId` (BSUID), `parentRecipientUserId`, `input`,
 * and `customerProfile {name, username}`. The profile is often only on the payload itself (for the one
 * participant the event is about), so `fallbackProfile` applies when the item has none of its own.
 */
function participantOf(value: unknown, fallbackProfile: JsonObject | null = null): ParticipantRef {
  const profile = objectAt(value, 'customerProfile') ?? fallbackProfile;
  return {
    waId: idAt(value, 'waId'),
    userId: idAt(value, 'recipientUserId'),
    parentUserId: idAt(value, 'parentRecipientUserId'),
    username: idAt(profile, 'username'),
    name: stringAt(profile, 'name'),
    input: idAt(value, 'input'),
    rank: null,
  };
}

/**
 * The participants listed under `key`. The payload's own identifiers describe the event's main participant:
 * its profile is lent to the listed participant it matches, and it stands in when nobody is listed
 * (unless `payloadFallback` is off).
 */
function participantsAt(group: YCloudGroup, key: string, payloadFallback = true): ParticipantRef[] {
  const main = participantOf(group.item);
  const profile = objectAt(group.item, 'customerProfile');
  const listed = arrayAt(group.item, key)
    .filter(isJsonObject)
    .map((item) => participantOf(item, isSameParticipant(item, main) ? profile : null))
    .filter(hasIdentifier);
  if (listed.length > 0 || !payloadFallback) return listed;
  return hasIdentifier(main) ? [main] : [];
}

function isSameParticipant(item: JsonObject, main: ParticipantRef): boolean {
  const waId = idAt(item, 'waId');
  const userId = idAt(item, 'recipientUserId');
  return (waId !== null && waId === main.waId) || (userId !== null && userId === main.userId);
}

const PICTURE_SETTINGS = new Set(['profile_picture', 'group_profile_picture']);

/**
 * `whatsapp.group.settings_update`: `settings[] {name, text, updateSuccessful, errors}` with names
 * group_subject and group_description (YCloud documents no picture entry; one named like Meta's
 * `profile_picture` is read if it ever comes). Unknown names go to otherChanges.
 */
function normaliseSettings(group: YCloudGroup): Outcome {
  if (group.type !== 'group_settings_update') return { ignored: `unknown settings type "${group.type}"` };
  const details: EventDetails<'SETTINGS_UPDATED'> = {
    subject: null,
    description: null,
    profilePicture: null,
    otherChanges: [],
    errors: eventErrorsAt(group.item),
  };
  const settings = arrayAt(group.item, 'settings').filter(isJsonObject);
  for (const setting of settings) {
    const name = stringAt(setting, 'name') ?? '';
    if (name === 'group_subject') details.subject = settingChange(setting, stringAt(setting, 'text'));
    else if (name === 'group_description') details.description = settingChange(setting, stringAt(setting, 'text'));
    else if (PICTURE_SETTINGS.has(name)) details.profilePicture = pictureChange(setting);
    else if (name !== '') details.otherChanges.push(name);
  }
  if (settings.length === 0) {
    // Without settings[], the payload's subject/description are what was set, and the status says whether it took.
    const succeeded = group.status !== 'failed';
    const subject = stringAt(group.item, 'subject');
    const description = stringAt(group.item, 'description');
    if (subject !== null) details.subject = { value: subject, previousValue: null, changedBy: null, succeeded, errors: [] };
    if (description !== null) details.description = { value: description, previousValue: null, changedBy: null, succeeded, errors: [] };
  }
  return [{ ...group.base, type: 'SETTINGS_UPDATED', details }];
}

function pictureChange(setting: JsonObject): PictureChange {
  const { value, succeeded, errors } = settingChange(setting, stringAt(setting, 'sha256'));
  return { sha256: value, url: null, previousUrl: null, changedBy: null, mimeType: stringAt(setting, 'mimeType'), succeeded, errors };
}

function settingChange(setting: JsonObject, value: string | null): SettingChange {
  const errors = eventErrorsAt(setting);
  return { value, previousValue: null, changedBy: null, succeeded: booleanAt(setting, 'updateSuccessful') ?? errors.length === 0, errors };
}

/** `whatsapp.group.status_update`: group_suspend (status suspended) or group_suspend_cleared (suspend_cleared). */
function normaliseGroupStatus(group: YCloudGroup): Outcome {
  if (group.type === 'group_suspend' || (group.type === '' && group.status === 'suspended')) {
    return [{ ...group.base, requestId: null, type: 'GROUP_SUSPENDED', details: {} }];
  }
  if (group.type === 'group_suspend_cleared' || (group.type === '' && group.status === 'suspend_cleared')) {
    return [{ ...group.base, requestId: null, type: 'GROUP_SUSPENSION_CLEARED', details: {} }];
  }
  return { ignored: `unknown status type "${group.type}"` };
}
