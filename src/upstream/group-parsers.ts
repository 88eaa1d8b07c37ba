import type { GroupField, Page, UpstreamGroup, UpstreamGroupSummary, UpstreamJoinApprovalMode, UpstreamParticipant } from './types';
import { parsePaging } from './paging-parser';
import { isWireObject, readArray, readBoolean, readNumber, readString, readUnixDate, unexpectedAnswer } from './wire-values';
import type { WireObject } from './wire-values';

/**
 * The HTTP status of an answer the parsers read: only 2xx answers reach them. A malformed 2xx is the upstream's
 * error (UPSTREAM_ERROR), not an unreachable upstream, which a null status would say.
 */
const ANSWERED = 200;

/**
 * `GET /<GROUP_ID>?fields=...`. Fields not requested stay undefined; requested but absent become null, so the
 * caller can tell "not asked" from "not set" (a group without a description). `subject` and `creation_timestamp`
 * are never "not set": every group has both, so an answer that lacks one it was asked for is refused as malformed.
 */
export function parseGroup(answer: unknown, fields: readonly GroupField[]): UpstreamGroup {
  if (!isWireObject(answer)) throw unexpectedAnswer('getGroup', 'a JSON object', answer);
  const id = readString(answer, 'id');
  if (id === null || id === '') throw unexpectedAnswer('getGroup', 'an object with a string "id"', answer);
  const group: UpstreamGroup = { id };
  for (const field of new Set(fields)) assignField(group, answer, field);
  return group;
}

function assignField(group: UpstreamGroup, answer: WireObject, field: GroupField): void {
  switch (field) {
    case 'subject': {
      const subject = readString(answer, 'subject');
      if (subject === null) throw unexpectedAnswer('getGroup', 'a string "subject" (every group has one)', answer, ANSWERED);
      group.subject = subject;
      return;
    }
    case 'description':
      group.description = readString(answer, 'description');
      return;
    case 'join_approval_mode':
      group.joinApprovalMode = parseJoinApprovalMode(answer.join_approval_mode);
      return;
    case 'suspended':
      group.suspended = readBoolean(answer, 'suspended');
      return;
    case 'creation_timestamp': {
      const createdAt = readUnixDate(answer, 'creation_timestamp');
      if (createdAt === null) throw unexpectedAnswer('getGroup', 'a "creation_timestamp" in Unix seconds (every group has one)', answer, ANSWERED);
      group.createdAt = createdAt;
      return;
    }
    case 'participants': {
      const list = readArray(answer, 'participants');
      group.participants = list === null ? null : list.filter(isWireObject).map(parseParticipant);
      return;
    }
    case 'total_participant_count':
      group.totalParticipantCount = readNumber(answer, 'total_participant_count');
      return;
  }
}

function parseJoinApprovalMode(value: unknown): UpstreamJoinApprovalMode | null {
  if (typeof value !== 'string') return null;
  const lower = value.toLowerCase();
  return lower === 'auto_approve' || lower === 'approval_required' ? lower : null;
}

/** Phone-era `{wa_id}` and BSUID-era `{user_id, parent_user_id?, username?, wa_id?}` alike. */
function parseParticipant(raw: WireObject): UpstreamParticipant {
  return {
    waId: readString(raw, 'wa_id'),
    userId: readString(raw, 'user_id'),
    parentUserId: readString(raw, 'parent_user_id'),
    username: readString(raw, 'username'),
  };
}

/**
 * `GET /<PHONE_NUMBER_ID>/groups`: Meta nests the list as `data.groups`; a plain `data: []` is accepted too. Every
 * item has `id`, `subject` and `created_at`: an item without one is refused, failing the page, rather than listed
 * with a hole.
 */
export function parseGroupSummaryPage(answer: unknown): Page<UpstreamGroupSummary> {
  if (!isWireObject(answer)) throw unexpectedAnswer('listGroups', 'a JSON object', answer);
  const data = answer.data;
  const list = Array.isArray(data) ? data : isWireObject(data) ? readArray(data, 'groups') : null;
  if (list === null) throw unexpectedAnswer('listGroups', '"data.groups" to be an array', answer);
  const items: UpstreamGroupSummary[] = [];
  for (const raw of list) {
    if (!isWireObject(raw)) continue;
    const id = readString(raw, 'id');
    if (id === null || id === '') continue;
    const subject = readString(raw, 'subject');
    const createdAt = readUnixDate(raw, 'created_at') ?? readUnixDate(raw, 'creation_timestamp');
    if (subject === null || createdAt === null) {
      throw unexpectedAnswer('listGroups', 'every group to have a string "subject" and a "created_at" in Unix seconds', raw, ANSWERED);
    }
    items.push({ id, subject, createdAt });
  }
  return { items, paging: parsePaging(answer) };
}

