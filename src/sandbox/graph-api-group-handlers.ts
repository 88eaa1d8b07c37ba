import { createHash } from 'node:crypto';
import { ok, pagingLink } from './graph-api-call';
import type { GraphHandler, UploadedFile } from './graph-api-call';
import { optionalText, requireActiveGroup, requireGroup, requireMessagingProduct, validDescription, validSubject } from './graph-api-params';
import { readJpegDimensions } from '../lib/jpeg';
import { paginate, readPageParams } from './sandbox-paging';
import { badRequest, errorItem, GraphApiError } from './sandbox-graph-api-error';
import { newRequestId } from './sandbox-ids';
import { nowSeconds, SANDBOX_LIMITS } from './sandbox-state';
import type { GroupRecord, JoinApprovalMode } from './sandbox-state';
import { groupCreated, groupCreateFailed, groupDeleted, groupsChange, settingsUpdated } from './sandbox-webhook-payloads';
import { requirePhone } from './graph-api-phone';

const GROUP_FIELDS = ['subject', 'description', 'join_approval_mode', 'suspended', 'creation_timestamp', 'participants', 'total_participant_count'] as const;

/** POST /<PHONE_NUMBER_ID>/groups → `{messaging_product, request_id}`; the group arrives by webhook. */
export const createGroup: GraphHandler = (call, { state }, asyncFailure) => {
  const phone = requirePhone(state, call);
  requireMessagingProduct(call);
  const subject = validSubject(optionalText(call, 'subject'), true, SANDBOX_LIMITS.subjectMaxChars)!;
  const description = validDescription(optionalText(call, 'description'), SANDBOX_LIMITS.descriptionMaxChars) ?? null;
  const mode = optionalText(call, 'join_approval_mode') ?? 'auto_approve';
  if (mode !== 'auto_approve' && mode !== 'approval_required') {
    throw badRequest(`Param join_approval_mode must be one of auto_approve, approval_required, got ${JSON.stringify(mode)}`);
  }
  const requestId = newRequestId();
  const at = nowSeconds();
  const failureCode = asyncFailure?.code ?? (phone.groups.size >= SANDBOX_LIMITS.groupsPerNumber ? 131211 : null);
  if (failureCode !== null) {
    const errors = [errorItem(failureCode, asyncFailure?.details ?? (failureCode === 131211 ? 'Reached the limit for the maximum number of groups that can be created for this number.' : undefined))];
    // As with Meta, a refused create names no group (none was made): only request_id ties it to the call.
    call.outbox.push(groupsChange(phone, 'group_lifecycle_update', groupCreateFailed({ subject, description, requestId, errors }, at)));
  } else {
    const group = state.addGroup({ phoneNumberId: phone.phoneNumberId, subject, description, joinApprovalMode: mode as JoinApprovalMode, createdAt: at });
    call.outbox.push(groupsChange(phone, 'group_lifecycle_update', groupCreated(group, requestId, at)));
  }
  return ok({ messaging_product: 'whatsapp', request_id: requestId });
};

/** GET /<PHONE_NUMBER_ID>/groups → `{data:{groups:[{id, subject, created_at}]}, paging}`. */
export const listGroups: GraphHandler = (call, { state }) => {
  const phone = requirePhone(state, call);
  const page = paginate([...phone.groups.values()], readPageParams(call.params), {
    kind: 'groups',
    epoch: state.epoch,
    linkFor: (query) => pagingLink(call, query),
  });
  const groups = page.items.map((group) => ({ id: group.id, subject: group.subject, created_at: String(group.createdAt) }));
  return ok({ data: { groups }, ...(page.paging ? { paging: page.paging } : {}) });
};

/** GET /<GROUP_ID>?fields=... → only `id` (and messaging_product) without fields. */
export const getGroup: GraphHandler = (call, { state }) => {
  const groupId = call.segments[0]!;
  const fields = readFields(call.params.fields);
  const group = requireGroup(state, groupId);
  const body: Record<string, unknown> = { messaging_product: 'whatsapp', id: group.id };
  for (const field of fields) Object.assign(body, fieldOf(group, field));
  return ok(body);
};

function readFields(raw: unknown): string[] {
  if (raw === undefined || raw === '') return [];
  if (typeof raw !== 'string') throw badRequest(`Param fields must be a comma-separated string, got ${JSON.stringify(raw)}`);
  const fields = raw.split(',').map((f) => f.trim()).filter((f) => f !== '' && f !== 'id');
  for (const field of fields) {
    if (!(GROUP_FIELDS as readonly string[]).includes(field)) {
      throw badRequest(`Tried accessing nonexisting field (${field}) on node type (WhatsAppBusinessGroup); known fields: id, ${GROUP_FIELDS.join(', ')}`);
    }
  }
  return [...new Set(fields)];
}

function fieldOf(group: GroupRecord, field: string): Record<string, unknown> {
  switch (field) {
    case 'subject':
      return { subject: group.subject };
    case 'description':
      return group.description === null ? {} : { description: group.description };
    case 'join_approval_mode':
      return { join_approval_mode: group.joinApprovalMode };
    case 'suspended':
      return { suspended: group.suspended };
    case 'creation_timestamp':
      return { creation_timestamp: group.createdAt };
    case 'participants':
      return { participants: group.participants.map((u) => ({ wa_id: u.waId, user_id: u.userId, ...(u.username === null ? {} : { username: u.username }) })) };
    case 'total_participant_count':
      return { total_participant_count: group.participants.length };
    default:
      return {};
  }
}

/** POST /<GROUP_ID> (JSON, or multipart with `file`) → `{success:true}`; per-field outcome by webhook. */
export const updateGroupSettings: GraphHandler = (call, { state }, asyncFailure) => {
  const group = requireActiveGroup(state, call.segments[0]!);
  requireMessagingProduct(call);
  if (call.params.profile_picture_file !== undefined) {
    throw badRequest('Param profile_picture_file (a local path) cannot be read over HTTP; upload the JPEG as multipart/form-data field "file"');
  }
  const subject = validSubject(optionalText(call, 'subject'), false, SANDBOX_LIMITS.subjectMaxChars);
  const description = validDescription(optionalText(call, 'description'), SANDBOX_LIMITS.descriptionMaxChars);
  const picture = call.file === null ? null : validPicture(call.file);
  if (subject === undefined && description === undefined && picture === null) throw badRequest('One feature setting must be specified: subject, description or file');

  const failure = asyncFailure === null ? null : [errorItem(asyncFailure.code, asyncFailure.details)];
  const outcome = (extra: Record<string, unknown>): Record<string, unknown> => (failure === null ? { ...extra, update_successful: true } : { ...extra, update_successful: false, errors: failure });
  const changes: Record<string, unknown> = {};
  if (picture !== null) changes.profile_picture = outcome({ mime_type: 'image/jpeg', sha256: picture.sha256 });
  if (subject !== undefined) changes.group_subject = outcome({ text: subject });
  if (description !== undefined) changes.group_description = outcome({ text: description });
  if (failure === null) {
    if (subject !== undefined) group.subject = subject;
    if (description !== undefined) group.description = description === '' ? null : description;
    if (picture !== null) group.pictureSha256 = picture.sha256;
  }
  const phone = state.phone(group.phoneNumberId)!;
  const item = settingsUpdated({ groupId: group.id, requestId: newRequestId(), changes, ...(failure ? { errors: failure } : {}) }, nowSeconds());
  call.outbox.push(groupsChange(phone, 'group_settings_update', item));
  return ok({ success: true });
};

function validPicture(file: UploadedFile): { sha256: string } {
  const dimensions = readJpegDimensions(file.bytes);
  if (file.mimeType.toLowerCase() !== 'image/jpeg' || dimensions === null) {
    throw badRequest(`The profile picture must be a JPEG (image/jpeg), got ${file.mimeType} "${file.filename}"${dimensions === null ? ' without a readable JPEG frame header' : ''}`);
  }
  if (file.bytes.length > SANDBOX_LIMITS.pictureMaxBytes) {
    throw badRequest(`The profile picture must be at most 5 MB, got ${file.bytes.length} bytes`);
  }
  if (dimensions.width !== dimensions.height) {
    throw new GraphApiError({ code: 131209, details: `The profile picture must be square, got ${dimensions.width}x${dimensions.height}` });
  }
  if (dimensions.width < SANDBOX_LIMITS.pictureMinPixels) {
    throw new GraphApiError({ code: 131210, details: `The profile picture must be at least ${SANDBOX_LIMITS.pictureMinPixels}x${SANDBOX_LIMITS.pictureMinPixels}, got ${dimensions.width}x${dimensions.height}` });
  }
  return { sha256: createHash('sha256').update(file.bytes).digest('hex') };
}

/** DELETE /<GROUP_ID> → `{success:true}`; `group_delete` follows by webhook. */
export const deleteGroup: GraphHandler = (call, { state }, asyncFailure) => {
  const group = requireActiveGroup(state, call.segments[0]!);
  const phone = state.phone(group.phoneNumberId)!;
  const errors = asyncFailure === null ? undefined : [errorItem(asyncFailure.code, asyncFailure.details)];
  if (errors === undefined) state.deleteGroup(group);
  call.outbox.push(groupsChange(phone, 'group_lifecycle_update', groupDeleted(group.id, newRequestId(), nowSeconds(), errors)));
  return ok({ success: true });
};
