import { ok, pagingLink } from './graph-api-call';
import type { GraphHandler } from './graph-api-call';
import { requireActiveGroup, requireGroup, requireList, requireMessagingProduct } from './graph-api-params';
import { badRequest, errorItem, GraphApiError } from './sandbox-graph-api-error';
import { newInviteLink, newRequestId } from './sandbox-ids';
import { paginate, readPageParams } from './sandbox-paging';
import { findParticipant, normalizePhone, nowSeconds, SANDBOX_LIMITS } from './sandbox-state';
import type { SandboxUser } from './sandbox-state';
import { groupsChange, participantsAdded, participantsRemoved, userItem } from './sandbox-webhook-payloads';

/**
 * DELETE /<GROUP_ID>/participants `{participants:[{user}]}` (1..8) → `{success:true}`. Duplicates fail at
 * once (131202); users who are not members fail per item in the webhook (131212), or at once if none is.
 */
export const removeParticipants: GraphHandler = (call, { state }, asyncFailure) => {
  const group = requireActiveGroup(state, call.segments[0]!);
  requireMessagingProduct(call);
  const list = requireList(call, 'participants');
  if (list.length < 1 || list.length > SANDBOX_LIMITS.removalsPerCall) {
    throw badRequest(`Param participants must hold 1 to ${SANDBOX_LIMITS.removalsPerCall} items, got ${list.length}`);
  }
  const inputs = list.map((item, index) => {
    const user = typeof item === 'object' && item !== null ? (item as Record<string, unknown>).user : undefined;
    if (typeof user !== 'string' || user.trim() === '') throw badRequest(`Param participants[${index}].user must be a phone number, WhatsApp ID or BSUID`);
    return user;
  });
  const seen = new Set<string>();
  for (const input of inputs) {
    const key = normalizePhone(input);
    if (seen.has(key)) throw new GraphApiError({ code: 131202, details: `Participant ${input} appears more than once in the request` });
    seen.add(key);
  }
  const matches = inputs.map((input) => ({ input, user: findParticipant(group, input) }));
  if (asyncFailure === null && matches.every((m) => m.user === undefined)) {
    throw new GraphApiError({ code: 131212, details: `None of ${inputs.join(', ')} is a participant of the group` });
  }

  const removed: Record<string, unknown>[] = [];
  const failed: Record<string, unknown>[] = [];
  for (const { input, user } of matches) {
    if (asyncFailure !== null) failed.push({ input, errors: [errorItem(asyncFailure.code, asyncFailure.details)] });
    else if (user === undefined) failed.push({ input, errors: [errorItem(131212, `${input} is not a participant of the group`)] });
    else {
      group.participants = group.participants.filter((p) => p !== user);
      group.removed.add(user.waId);
      removed.push(userItem(user, { input }));
    }
  }
  const errors = failed.length === 0 ? [] : asyncFailure !== null ? [errorItem(asyncFailure.code, asyncFailure.details)] : [partialRemovalError()];
  const phone = state.phone(group.phoneNumberId)!;
  const item = participantsRemoved({ groupId: group.id, initiatedBy: 'business', requestId: newRequestId(), removed, failed, errors }, nowSeconds());
  call.outbox.push(groupsChange(phone, 'group_participants_update', item));
  return ok({ success: true });
};

function partialRemovalError(): Record<string, unknown> {
  return { code: 131201, title: 'Not All Participants Remove Succeeded', message: 'Failed to remove some participants from the group', error_data: { details: 'Failed to remove some participants from the group' } };
}

/** GET /<GROUP_ID>/invite_link; after a DELETE the next GET mints a new link. */
export const getInviteLink: GraphHandler = (call, { state }) => {
  const group = requireGroup(state, call.segments[0]!);
  group.inviteLink ??= newInviteLink();
  return ok({ messaging_product: 'whatsapp', invite_link: group.inviteLink });
};

/** POST /<GROUP_ID>/invite_link: a new link; every earlier one stops working. */
export const resetInviteLink: GraphHandler = (call, { state }) => {
  const group = requireActiveGroup(state, call.segments[0]!);
  requireMessagingProduct(call);
  group.inviteLink = newInviteLink();
  return ok({ messaging_product: 'whatsapp', invite_link: group.inviteLink });
};

/** DELETE /<GROUP_ID>/invite_link → `success` as the string "true", as Meta's spec has it. */
export const deleteInviteLink: GraphHandler = (call, { state }) => {
  const group = requireActiveGroup(state, call.segments[0]!);
  requireMessagingProduct(call);
  group.inviteLink = null;
  return ok({ messaging_product: 'whatsapp', success: 'true' });
};

/** GET /<GROUP_ID>/join_requests → `{data:[{join_request_id, wa_id, user_id, creation_timestamp}], paging}`. */
export const listJoinRequests: GraphHandler = (call, { state }) => {
  const group = requireGroup(state, call.segments[0]!);
  const page = paginate(group.joinRequests, readPageParams(call.params), { kind: 'join_requests', epoch: state.epoch, linkFor: (query) => pagingLink(call, query) });
  const data = page.items.map((request) => ({ join_request_id: request.id, ...userItem(request.user), creation_timestamp: request.createdAt }));
  return ok({ data, ...(page.paging ? { paging: page.paging } : {}) });
};

function readJoinRequestIds(call: Parameters<GraphHandler>[0]): string[] {
  const list = requireList(call, 'join_requests');
  if (list.length === 0) throw badRequest('Param join_requests must hold at least one join request id');
  const ids = list.map((id, index) => {
    if (typeof id !== 'string' || id === '') throw badRequest(`Param join_requests[${index}] must be a join request id string`);
    return id;
  });
  return [...new Set(ids)];
}

/** POST /<GROUP_ID>/join_requests: approved users become participants (`group_participants_add`). */
export const approveJoinRequests: GraphHandler = (call, { state }) => {
  const group = requireActiveGroup(state, call.segments[0]!);
  requireMessagingProduct(call);
  const approved: string[] = [];
  const added: SandboxUser[] = [];
  const failed: Record<string, unknown>[] = [];
  for (const id of readJoinRequestIds(call)) {
    const request = group.joinRequests.find((r) => r.id === id);
    let code: number | null = null;
    if (request === undefined) code = 131213;
    else if (group.participants.length >= SANDBOX_LIMITS.participantsPerGroup) code = 131204;
    if (code !== null || request === undefined) {
      failed.push({ join_request_id: id, errors: [errorItem(code ?? 131213)] });
      continue;
    }
    group.joinRequests = group.joinRequests.filter((r) => r !== request);
    if (findParticipant(group, request.user.waId) === undefined) group.participants.push(request.user);
    approved.push(id);
    added.push(request.user);
  }
  if (added.length > 0) {
    const phone = state.phone(group.phoneNumberId)!;
    const items = added.map((user) => userItem(user, { input: user.waId }));
    call.outbox.push(groupsChange(phone, 'group_participants_update', participantsAdded(group.id, items, nowSeconds())));
  }
  return ok(joinRequestsAnswer('approved_join_requests', approved, failed));
};

/** DELETE /<GROUP_ID>/join_requests: no webhook (Meta documents none). */
export const rejectJoinRequests: GraphHandler = (call, { state }) => {
  const group = requireActiveGroup(state, call.segments[0]!);
  requireMessagingProduct(call);
  const rejected: string[] = [];
  const failed: Record<string, unknown>[] = [];
  for (const id of readJoinRequestIds(call)) {
    const before = group.joinRequests.length;
    group.joinRequests = group.joinRequests.filter((r) => r.id !== id);
    if (group.joinRequests.length < before) rejected.push(id);
    else failed.push({ join_request_id: id, errors: [errorItem(131213)] });
  }
  return ok(joinRequestsAnswer('rejected_join_requests', rejected, failed));
};

function joinRequestsAnswer(key: string, succeeded: string[], failed: Record<string, unknown>[]): Record<string, unknown> {
  const errors = failed.flatMap((f) => f.errors as unknown[]).slice(0, 1);
  return { messaging_product: 'whatsapp', [key]: succeeded, ...(failed.length > 0 ? { failed_join_requests: failed, errors } : {}) };
}
