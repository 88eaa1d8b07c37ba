import type { EventError, FailedParticipant, GroupEventType, ParticipantRef, PictureChange, SettingChange } from '../../../events/event-model';
import type { JsonObject } from '../shared/json';
import { arrayAt, booleanAt, idAt, isJsonObject, objectAt, own, stringAt, timestampKey, unixSecondsToIso } from '../shared/json';
import type { ParseCollector } from '../shared/normalise';
import { eventErrorsAt, hasIdentifier, participantsIdentity, toInitiator, toJoinApprovalMode } from '../shared/normalise';

// Meta's four group_* webhook fields → DomainEvents: each `value.groups[]` item of a change is read once
// (readGroupItem), then normalised by its field's function below.

/** Where a change sits: its WABA, field and business phone number (metadata.phone_number_id). */
export interface MetaChangeContext {
  readonly wabaId: string | null;
  /** The canonical field name (aliases such as the OpenAPI's `group_participant_update` resolved). */
  readonly field: string;
  /** The field name as Meta sent it, kept for `raw`. */
  readonly sentField: string;
  /** `value.metadata` reduced to its documented fields, for raw fragments. */
  readonly metadata: { display_phone_number: string | null; phone_number_id: string | null } | null;
  readonly phoneNumberId: string | null;
}

/** One `value.groups[]` item of a group_* field, with what every event built from it shares. */
export interface MetaGroupItem {
  readonly change: MetaChangeContext;
  readonly item: JsonObject;
  /** `type` as sent (each field's function resolves its own aliases). */
  readonly type: string;
  readonly groupId: string;
  readonly requestId: string | null;
  readonly occurredAt: string | null;
  readonly timestampKey: string;
  /** The fragment the event came from: the item plus its envelope metadata. */
  readonly raw: unknown;
}

type GroupItemHandler = (group: MetaGroupItem, out: ParseCollector) => void;

/** The fragment an event came from: one item of a change, with the change's WABA, field (as sent) and metadata. */
export function metaRaw(change: MetaChangeContext, itemKey: string, item: unknown): unknown {
  return { wabaId: change.wabaId, field: change.sentField, metadata: change.metadata, [itemKey]: item };
}

/** A change handler that reads each `value.groups[]` item and hands it to `handler`. */
export function forEachMetaGroupItem(handler: GroupItemHandler): (change: MetaChangeContext, value: JsonObject, out: ParseCollector) => void {
  return (change, value, out) => {
    const items = own(value, 'groups');
    if (!Array.isArray(items)) {
      out.ignore(change.field, 'value without a groups[] array');
      return;
    }
    for (const item of items) {
      const group = readGroupItem(change, item, out);
      if (group !== null) handler(group, out);
    }
  };
}

/**
 * Reads the fields every group item carries. An item without a group_id is ignored, except a refused create: the
 * group never existed, and its request_id is what ties the failure to the createGroup operation.
 */
function readGroupItem(change: MetaChangeContext, item: unknown, out: ParseCollector): MetaGroupItem | null {
  if (!isJsonObject(item)) {
    out.ignore(change.field, 'groups[] item is not an object');
    return null;
  }
  const type = stringAt(item, 'type') ?? '';
  const groupId = idAt(item, 'group_id');
  const requestId = idAt(item, 'request_id');
  if (groupId === null && requestId !== null && change.field === 'group_lifecycle_update' && type === 'group_create') {
    const errors = eventErrorsAt(item);
    if (errors.length > 0) {
      emitCreateFailedWithoutGroup(change, item, requestId, errors, out);
      return null;
    }
  }
  if (groupId === null) {
    const request = requestId === null ? '' : ` (request_id ${requestId})`;
    out.ignore(`${change.field}.${type}`, `groups[] item has no group_id${request}; every event belongs to a group`);
    return null;
  }
  return {
    change,
    item,
    type,
    groupId,
    requestId,
    occurredAt: unixSecondsToIso(own(item, 'timestamp')),
    timestampKey: timestampKey(own(item, 'timestamp')),
    raw: metaRaw(change, 'group', item),
  };
}

/** GROUP_CREATE_FAILED for a create refused before a group existed: no group id, found by phone number and request id. */
function emitCreateFailedWithoutGroup(change: MetaChangeContext, item: JsonObject, requestId: string, errors: EventError[], out: ParseCollector): void {
  const details = { subject: stringAt(item, 'subject'), description: stringAt(item, 'description'), errors };
  const draft = {
    type: 'GROUP_CREATE_FAILED' as const,
    groupId: null,
    phoneNumberId: change.phoneNumberId,
    occurredAt: unixSecondsToIso(own(item, 'timestamp')),
    requestId,
    details,
    raw: metaRaw(change, 'group', item),
  };
  const identity = JSON.stringify(['group', change.field, 'group_create', '', requestId, timestampKey(own(item, 'timestamp')), '', '', '', 'GROUP_CREATE_FAILED']);
  out.emit(draft, identity);
}

/** The fields of a draft that come from the item itself. */
function groupDraftBase(group: MetaGroupItem) {
  return {
    groupId: group.groupId,
    phoneNumberId: group.change.phoneNumberId,
    occurredAt: group.occurredAt,
    requestId: group.requestId,
    raw: group.raw,
  };
}

/**
 * Meta sends no event id, so a group event is identified by field|type|group_id|request_id|timestamp|
 * participants|join_request_id (what tells two group events apart), plus the event type we derived. Types are the
 * canonical spellings, so a redelivery with an alias spelling dedupes against the original.
 */
function groupIdentity(
  group: MetaGroupItem,
  parts: {
    type: string;
    eventType: GroupEventType;
    participants?: readonly ParticipantRef[];
    failedParticipants?: readonly ParticipantRef[];
    joinRequestId?: string | null;
  },
): string {
  return JSON.stringify([
    'group',
    group.change.field,
    parts.type,
    group.groupId,
    group.requestId ?? '',
    group.timestampKey,
    participantsIdentity(parts.participants ?? []),
    participantsIdentity(parts.failedParticipants ?? []),
    parts.joinRequestId ?? '',
    parts.eventType,
  ]);
}

/**
 * A participant as Meta spells one: `wa_id` (omitted for username users since the BSUID rollout), `user_id`
 * (BSUID), `parent_user_id`, `username`, and `input` (what the business sent, echoed on removals).
 */
function participantOf(value: unknown): ParticipantRef {
  return {
    waId: idAt(value, 'wa_id'),
    userId: idAt(value, 'user_id'),
    parentUserId: idAt(value, 'parent_user_id'),
    username: idAt(value, 'username') ?? idAt(objectAt(value, 'profile'), 'username'),
    name: stringAt(objectAt(value, 'profile'), 'name'),
    input: idAt(value, 'input'),
    rank: null, // Meta's API has no roles
  };
}

/**
 * `group_lifecycle_update`: `group_create` and `group_delete`, each a success or (with `errors[]`) a failure.
 * The create-success item may carry `description` (the docs do not say; we read it when present).
 */
export function normaliseMetaLifecycle(group: MetaGroupItem, out: ParseCollector): void {
  const base = groupDraftBase(group);
  const errors = eventErrorsAt(group.item);
  const item = group.item;
  switch (group.type) {
    case 'group_create':
      if (errors.length > 0) {
        const details = { subject: stringAt(item, 'subject'), description: stringAt(item, 'description'), errors };
        out.emit({ ...base, type: 'GROUP_CREATE_FAILED', details }, groupIdentity(group, { type: group.type, eventType: 'GROUP_CREATE_FAILED' }));
      } else {
        const details = {
          subject: stringAt(item, 'subject'),
          description: stringAt(item, 'description'),
          inviteLink: stringAt(item, 'invite_link'),
          joinApprovalMode: toJoinApprovalMode(stringAt(item, 'join_approval_mode')),
          // Meta's create webhook lists no members, and the creator is the business itself.
          participants: [],
          createdBy: null,
        };
        out.emit({ ...base, type: 'GROUP_CREATED', details }, groupIdentity(group, { type: group.type, eventType: 'GROUP_CREATED' }));
      }
      return;
    case 'group_delete':
      if (errors.length > 0) {
        out.emit({ ...base, type: 'GROUP_DELETE_FAILED', details: { errors } }, groupIdentity(group, { type: group.type, eventType: 'GROUP_DELETE_FAILED' }));
      } else {
        out.emit({ ...base, type: 'GROUP_DELETED', details: {} }, groupIdentity(group, { type: group.type, eventType: 'GROUP_DELETED' }));
      }
      return;
    default:
      out.ignore(`group_lifecycle_update.${group.type}`, 'unknown group_lifecycle_update type');
  }
}

/** Meta's OpenAPI spec spells the participant types differently from the prose docs; the docs are canonical. */
const PARTICIPANT_TYPE_ALIASES: ReadonlyMap<string, string> = new Map([
  ['group_add_participants', 'group_participants_add'],
  ['group_remove_participants', 'group_participants_remove'],
]);

/**
 * `group_participants_update`: joins (invite link, approved join requests), removals by the business
 * (with partial or total failure), leaves, and join requests created or revoked.
 */
export function normaliseMetaParticipants(group: MetaGroupItem, out: ParseCollector): void {
  const type = PARTICIPANT_TYPE_ALIASES.get(group.type) ?? group.type;
  switch (type) {
    case 'group_participants_add':
      return normaliseAdd(group, type, out);
    case 'group_participants_remove':
      return normaliseRemove(group, type, out);
    case 'group_join_request_created':
    case 'group_join_request_revoked':
      return normaliseJoinRequest(group, type, out);
    default:
      out.ignore(`group_participants_update.${group.type}`, 'unknown group_participants_update type');
  }
}

function normaliseAdd(group: MetaGroupItem, type: string, out: ParseCollector): void {
  const participants = participantsAt(group, 'added_participants');
  if (participants.length === 0) {
    out.ignore(`group_participants_update.${group.type}`, 'participants added, but no participant is identified');
    return;
  }
  const details = { participants, reason: stringAt(group.item, 'reason') };
  const key = groupIdentity(group, { type, eventType: 'PARTICIPANTS_ADDED', participants });
  out.emit({ ...groupDraftBase(group), type: 'PARTICIPANTS_ADDED', details }, key);
}

function normaliseRemove(group: MetaGroupItem, type: string, out: ParseCollector): void {
  const failedParticipants: FailedParticipant[] = arrayAt(group.item, 'failed_participants')
    .filter(isJsonObject)
    .map((item) => ({ participant: participantOf(item), errors: eventErrorsAt(item) }));
  const errors = eventErrorsAt(group.item);
  // A total failure lists nobody as removed; a leave or a removal always lists at least the one removed.
  const participants = participantsAt(group, 'removed_participants', failedParticipants.length === 0);
  if (participants.length === 0 && failedParticipants.length === 0 && errors.length === 0) {
    out.ignore(`group_participants_update.${group.type}`, 'participants removed, but no participant is identified');
    return;
  }
  const details = { participants, failedParticipants, initiatedBy: toInitiator(stringAt(group.item, 'initiated_by')) ?? 'UNKNOWN', errors };
  const key = groupIdentity(group, {
    type,
    eventType: 'PARTICIPANTS_REMOVED',
    participants,
    failedParticipants: failedParticipants.map((failed) => failed.participant),
  });
  out.emit({ ...groupDraftBase(group), type: 'PARTICIPANTS_REMOVED', details }, key);
}

function normaliseJoinRequest(group: MetaGroupItem, type: string, out: ParseCollector): void {
  const participant = participantOf(group.item);
  const joinRequestId = idAt(group.item, 'join_request_id');
  if (joinRequestId === null && !hasIdentifier(participant)) {
    out.ignore(`group_participants_update.${group.type}`, 'join request without join_request_id or requester');
    return;
  }
  const details = { joinRequestId, participant, reason: stringAt(group.item, 'reason') };
  const eventType = type === 'group_join_request_created' ? 'JOIN_REQUEST_CREATED' : 'JOIN_REQUEST_REVOKED';
  const key = groupIdentity(group, { type, eventType, participants: [participant], joinRequestId });
  // A join request is the user's doing, never the outcome of a business write: it completes no request.
  out.emit({ ...groupDraftBase(group), requestId: null, type: eventType, details }, key);
}

/**
 * The participants listed under `key`. When the list is absent, the item's own identifiers stand for the one
 * participant (some examples put `wa_id`/`user_id` on the item itself), unless `itemFallback` is off.
 */
function participantsAt(group: MetaGroupItem, key: string, itemFallback = true): ParticipantRef[] {
  const listed = arrayAt(group.item, key).filter(isJsonObject).map(participantOf).filter(hasIdentifier);
  if (listed.length > 0 || !itemFallback) return listed;
  const single = participantOf(group.item);
  return hasIdentifier(single) ? [single] : [];
}

/**
 * `group_settings_update`: one sub-object per setting the request changed (`group_subject`,
 * `group_description`, `profile_picture`), each with its own `update_successful` and `errors`; settings
 * not in the request are absent and stay null. Top-level `errors[]` report partial or total failure.
 */
export function normaliseMetaSettings(group: MetaGroupItem, out: ParseCollector): void {
  if (group.type !== 'group_settings_update') {
    out.ignore(`group_settings_update.${group.type}`, 'unknown group_settings_update type');
    return;
  }
  const item = group.item;
  const picture = objectAt(item, 'profile_picture');
  const details = {
    subject: settingChange(objectAt(item, 'group_subject'), 'text'),
    description: settingChange(objectAt(item, 'group_description'), 'text'),
    profilePicture: pictureChange(picture),
    otherChanges: [],
    errors: eventErrorsAt(item),
  };
  const key = groupIdentity(group, { type: group.type, eventType: 'SETTINGS_UPDATED' });
  out.emit({ ...groupDraftBase(group), type: 'SETTINGS_UPDATED', details }, key);
}

function pictureChange(picture: JsonObject | null): PictureChange | null {
  const change = settingChange(picture, 'sha256');
  return change === null ? null : {
        sha256: change.value,
        url: null,
        previousUrl: null,
        changedBy: null,
        mimeType: stringAt(picture, 'mime_type'),
        succeeded: change.succeeded,
        errors: change.errors,
      };
}

function settingChange(setting: JsonObject | null, valueKey: string): SettingChange | null {
  if (setting === null) return null;
  const errors = eventErrorsAt(setting);
  // update_successful is documented on every sub-object; if a delivery omits it, errors are the only evidence.
  const succeeded = booleanAt(setting, 'update_successful') ?? errors.length === 0;
  // Meta reports neither the old value nor who changed it (the business did, through the API).
  return { value: stringAt(setting, valueKey), previousValue: null, changedBy: null, succeeded, errors };
}

/** `group_status_update`: WhatsApp suspended a group, or lifted the suspension. */
export function normaliseMetaGroupStatus(group: MetaGroupItem, out: ParseCollector): void {
  // WhatsApp suspends a group on its own: no business request to complete.
  const base = { ...groupDraftBase(group), requestId: null };
  switch (group.type) {
    case 'group_suspend':
      out.emit({ ...base, type: 'GROUP_SUSPENDED', details: {} }, groupIdentity(group, { type: group.type, eventType: 'GROUP_SUSPENDED' }));
      return;
    case 'group_suspend_cleared':
      out.emit({ ...base, type: 'GROUP_SUSPENSION_CLEARED', details: {} }, groupIdentity(group, { type: group.type, eventType: 'GROUP_SUSPENSION_CLEARED' }));
      return;
    default:
      out.ignore(`group_status_update.${group.type}`, 'unknown group_status_update type');
  }
}
