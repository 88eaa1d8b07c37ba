import type { FailedParticipant, ParticipantChangeInitiator, ParticipantRef } from '../../../events/event-model';
import type { ParseCollector } from '../shared/parse-collector';
import { eventErrorsAt } from '../shared/event-errors';
import { arrayAt, idAt, isJsonObject, stringAt } from '../shared/json-read';
import { hasIdentifier } from '../shared/participant-identity';
import type { MetaGroupItem } from './meta.group-item';
import { metaGroupDraftBase, metaGroupIdentity, metaParticipant } from './meta.group-item';

/** Meta's OpenAPI spec spells the participant types differently from the prose docs; the docs are canonical. */
const TYPE_ALIASES: ReadonlyMap<string, string> = new Map([
  ['group_add_participants', 'group_participants_add'],
  ['group_remove_participants', 'group_participants_remove'],
]);

/**
 * `group_participants_update`: joins (invite link, approved join requests), removals by the business
 * (with partial or total failure), leaves, and join requests created or revoked.
 */
export function normaliseMetaParticipants(group: MetaGroupItem, out: ParseCollector): void {
  const type = TYPE_ALIASES.get(group.type) ?? group.type;
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
  const key = metaGroupIdentity(group, { type, eventType: 'PARTICIPANTS_ADDED', participants });
  out.emit({ ...metaGroupDraftBase(group), type: 'PARTICIPANTS_ADDED', details }, key);
}

function normaliseRemove(group: MetaGroupItem, type: string, out: ParseCollector): void {
  const failedParticipants: FailedParticipant[] = arrayAt(group.item, 'failed_participants')
    .filter(isJsonObject)
    .map((item) => ({ participant: metaParticipant(item), errors: eventErrorsAt(item) }));
  const errors = eventErrorsAt(group.item);
  // A total failure lists nobody as removed; a leave or a removal always lists at least the one removed.
  const participants = participantsAt(group, 'removed_participants', failedParticipants.length === 0);
  if (participants.length === 0 && failedParticipants.length === 0 && errors.length === 0) {
    out.ignore(`group_participants_update.${group.type}`, 'participants removed, but no participant is identified');
    return;
  }
  const details = { participants, failedParticipants, initiatedBy: initiator(stringAt(group.item, 'initiated_by')), errors };
  const key = metaGroupIdentity(group, {
    type,
    eventType: 'PARTICIPANTS_REMOVED',
    participants,
    failedParticipants: failedParticipants.map((failed) => failed.participant),
  });
  out.emit({ ...metaGroupDraftBase(group), type: 'PARTICIPANTS_REMOVED', details }, key);
}

function normaliseJoinRequest(group: MetaGroupItem, type: string, out: ParseCollector): void {
  const participant = metaParticipant(group.item);
  const joinRequestId = idAt(group.item, 'join_request_id');
  if (joinRequestId === null && !hasIdentifier(participant)) {
    out.ignore(`group_participants_update.${group.type}`, 'join request without join_request_id or requester');
    return;
  }
  const details = { joinRequestId, participant, reason: stringAt(group.item, 'reason') };
  const eventType = type === 'group_join_request_created' ? 'JOIN_REQUEST_CREATED' : 'JOIN_REQUEST_REVOKED';
  const key = metaGroupIdentity(group, { type, eventType, participants: [participant], joinRequestId });
  out.emit({ ...metaGroupDraftBase(group), type: eventType, details }, key);
}

/**
 * The participants listed under `key`. When the list is absent, the item's own identifiers stand for the one
 * participant (some examples put `wa_id`/`user_id` on the item itself), unless `itemFallback` is off.
 */
function participantsAt(group: MetaGroupItem, key: string, itemFallback = true): ParticipantRef[] {
  const listed = arrayAt(group.item, key).filter(isJsonObject).map(metaParticipant).filter(hasIdentifier);
  if (listed.length > 0 || !itemFallback) return listed;
  const single = metaParticipant(group.item);
  return hasIdentifier(single) ? [single] : [];
}

function initiator(value: string | null): ParticipantChangeInitiator {
  switch (value?.toLowerCase()) {
    case 'business':
      return 'BUSINESS';
    case 'participant':
      return 'PARTICIPANT';
    default:
      return 'UNKNOWN';
  }
}
