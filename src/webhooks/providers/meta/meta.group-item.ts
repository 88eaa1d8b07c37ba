import type { GroupEventType, ParticipantRef } from '../../../events/event-model';
import type { ParseCollector } from '../shared/parse-collector';
import { timestampKey, unixSecondsToIso } from '../shared/event-time';
import type { JsonObject } from '../shared/json-read';
import { idAt, isJsonObject, objectAt, own, stringAt } from '../shared/json-read';
import { participantsIdentity } from '../shared/participant-identity';

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
  /** `type` as sent (each field module resolves its own aliases). */
  readonly type: string;
  readonly groupId: string;
  readonly requestId: string | null;
  readonly occurredAt: string | null;
  readonly timestampKey: string;
  /** The fragment the event came from: the item plus its envelope metadata. */
  readonly raw: unknown;
}

/** Reads the fields every group item carries; an item without a group_id cannot become an event and is ignored. */
export function readMetaGroupItem(change: MetaChangeContext, item: unknown, out: ParseCollector): MetaGroupItem | null {
  if (!isJsonObject(item)) {
    out.ignore(change.field, 'groups[] item is not an object');
    return null;
  }
  const type = stringAt(item, 'type') ?? '';
  const groupId = idAt(item, 'group_id');
  const requestId = idAt(item, 'request_id');
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
    raw: { wabaId: change.wabaId, field: change.sentField, metadata: change.metadata, group: item },
  };
}

/** The fields of a draft that come from the item itself. */
export function metaGroupDraftBase(group: MetaGroupItem) {
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
 * participants|join_request_id (docs/webhooks.md#meta-event-identity), plus the event type we derived. Types are the
 * canonical spellings, so a redelivery with an alias spelling dedupes against the original.
 */
export function metaGroupIdentity(
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
export function metaParticipant(value: unknown): ParticipantRef {
  return {
    waId: idAt(value, 'wa_id'),
    userId: idAt(value, 'user_id'),
    parentUserId: idAt(value, 'parent_user_id'),
    username: idAt(value, 'username') ?? idAt(objectAt(value, 'profile'), 'username'),
    name: stringAt(objectAt(value, 'profile'), 'name'),
    input: idAt(value, 'input'),
  };
}
