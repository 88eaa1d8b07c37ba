import type { ParseCollector } from '../shared/parse-collector';
import { unixSecondsToIso } from '../shared/event-time';
import { arrayAt, idAt, isJsonObject, own, stringAt } from '../shared/json-read';
import { participantIdentity } from '../shared/participant-identity';
import type { WhapiEnvelope } from './whapi.envelope';
import { whapiGroupIdentity, whapiItemDigest, whapiRaw } from './whapi.item';
import { whapiParticipant, whapiParticipantIds } from './whapi.participant';

/**
 * groups.post (`groups[]`): "you have been added to a group, or a group has been created with you". Both
 * mean the group now exists for this channel, so both become GROUP_CREATED with the group's name as subject.
 */
export function normaliseWhapiGroupJoined(envelope: WhapiEnvelope, item: unknown, out: ParseCollector): void {
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
  };
  const draft = {
    type: 'GROUP_CREATED' as const,
    groupId,
    phoneNumberId: envelope.channelId,
    // `timestamp` is when the chat appeared for this channel (the join); `created_at` is the group's birth.
    occurredAt: unixSecondsToIso(own(item, 'timestamp')) ?? unixSecondsToIso(own(item, 'created_at')),
    requestId: null,
    details,
    raw: whapiRaw(envelope, 'groups', item),
  };
  out.emit(draft, whapiGroupIdentity(envelope, whapiItemDigest(item)));
}

/**
 * groups.put (`groups_participants[]`): `{group_id, participants: string[], action}`. Whapi names no actor and
 * does not tell a leave from a removal (so initiatedBy is UNKNOWN), nor a link join from an add. It has no
 * time either: occurredAt is the receive time. `request` (a join request) names one or more requesters, and
 * each becomes its own JOIN_REQUEST_CREATED, without a join request id (Whapi has none).
 */
export function normaliseWhapiParticipants(envelope: WhapiEnvelope, item: unknown, out: ParseCollector): void {
  const groupId = idAt(item, 'group_id');
  const action = stringAt(item, 'action')?.toLowerCase() ?? '';
  const ids = whapiParticipantIds(arrayAt(item, 'participants'));
  if (groupId === null || ids.length === 0) {
    out.ignore(envelope.kind, 'groups_participants[] item without group_id or participants');
    return;
  }
  const participants = ids.map((id) => whapiParticipant(id));
  const digest = whapiItemDigest(item);
  const key = whapiGroupIdentity(envelope, digest);
  const base = { groupId, phoneNumberId: envelope.channelId, occurredAt: null, requestId: null, raw: whapiRaw(envelope, 'groups_participants', item) };
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
        const raw = whapiRaw(envelope, 'groups_participants', { group_id: groupId, participants: [ids[index]], action: 'request' });
        const details = { joinRequestId: null, participant, reason: null };
        out.emit({ ...base, raw, type: 'JOIN_REQUEST_CREATED', details }, whapiGroupIdentity(envelope, digest, participantIdentity(participant)));
      });
      return;
    default:
      out.ignore(envelope.kind, `unknown groups.put action "${action}"`);
  }
}
