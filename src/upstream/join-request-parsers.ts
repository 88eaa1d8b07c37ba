import { readErrorDetails } from './graph-api-error-parser';
import { parsePaging } from './paging-parser';
import type { JoinRequestsResult, Page, UpstreamErrorItem, UpstreamJoinRequest } from './types';
import { isWireObject, readArray, readNumber, readString, readUnixDate, unexpectedAnswer } from './wire-values';
import type { WireObject } from './wire-values';

/** `GET /<GROUP_ID>/join_requests`: `{data:[{join_request_id, wa_id?, user_id?, ..., creation_timestamp}], paging}`. */
export function parseJoinRequestPage(answer: unknown): Page<UpstreamJoinRequest> {
  if (!isWireObject(answer)) throw unexpectedAnswer('listJoinRequests', 'a JSON object', answer);
  const list = readArray(answer, 'data');
  if (list === null) throw unexpectedAnswer('listJoinRequests', '"data" to be an array', answer);
  const items: UpstreamJoinRequest[] = [];
  for (const raw of list) {
    if (!isWireObject(raw)) continue;
    const joinRequestId = readString(raw, 'join_request_id');
    if (joinRequestId === null || joinRequestId === '') continue;
    items.push({
      joinRequestId,
      waId: readString(raw, 'wa_id'),
      userId: readString(raw, 'user_id'),
      parentUserId: readString(raw, 'parent_user_id'),
      username: readString(raw, 'username'),
      createdAt: readUnixDate(raw, 'creation_timestamp') ?? readUnixDate(raw, 'created_at'),
    });
  }
  return { items, paging: parsePaging(answer) };
}

/**
 * Approve (`approved_join_requests`) and reject (`rejected_join_requests`) answers, with the per-item
 * `failed_join_requests` and top-level `errors` of a partial failure.
 */
export function parseJoinRequestsResult(answer: unknown, operation: 'approveJoinRequests' | 'rejectJoinRequests'): JoinRequestsResult {
  if (!isWireObject(answer)) throw unexpectedAnswer(operation, 'a JSON object', answer);
  const key = operation === 'approveJoinRequests' ? 'approved_join_requests' : 'rejected_join_requests';
  const succeeded = (readArray(answer, key) ?? []).map(joinRequestIdOf).filter((id): id is string => id !== null);
  const failed: JoinRequestsResult['failed'] = [];
  for (const raw of readArray(answer, 'failed_join_requests') ?? []) {
    const joinRequestId = joinRequestIdOf(raw);
    if (joinRequestId === null) continue;
    failed.push({ joinRequestId, errors: isWireObject(raw) ? parseErrorItems(raw.errors) : [] });
  }
  return { succeeded, failed, errors: parseErrorItems(answer.errors) };
}

/** Webhook-style error items `{code, title, message, error_data:{details}}`; `code` may be a string. */
function parseErrorItems(value: unknown): UpstreamErrorItem[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isWireObject).map(parseErrorItem);
}

function parseErrorItem(raw: WireObject): UpstreamErrorItem {
  return {
    code: readNumber(raw, 'code'),
    title: readString(raw, 'title'),
    message: readString(raw, 'message'),
    details: readErrorDetails(raw) ?? readString(raw, 'details'),
  };
}

function joinRequestIdOf(raw: unknown): string | null {
  if (typeof raw === 'string') return raw === '' ? null : raw;
  return isWireObject(raw) ? readString(raw, 'join_request_id') : null;
}
