import type { CreateGroupResult, MediaUploadResult, SendMessageResult, WriteAck } from './types';
import { isWireObject, readArray, readBoolean, readString, unexpectedAnswer } from './wire-values';

/**
 * Create answers `{messaging_product, request_id}`; a variant typed by a third-party SDK sends
 * `{id, invite_link}` instead. Without a request id the group id stands in, so the caller still gets a key.
 */
export function parseCreateGroupResult(answer: unknown): CreateGroupResult {
  if (!isWireObject(answer)) throw unexpectedAnswer('createGroup', 'a JSON object', answer);
  const requestId = readString(answer, 'request_id');
  const groupId = readString(answer, 'id') ?? readString(answer, 'group_id');
  const key = requestId ?? groupId;
  if (key === null || key === '') throw unexpectedAnswer('createGroup', 'a "request_id" (or "id")', answer);
  return { requestId: key, groupId, inviteLink: readString(answer, 'invite_link') };
}

/**
 * Writes whose answer Meta leaves undocumented. A 2xx is a success unless the body says `success: false`
 * (or "false": the spec quotes it as a string for invite-link deletion).
 */
export function parseWriteAck(answer: unknown): WriteAck {
  if (!isWireObject(answer)) return { success: true, requestId: null };
  return { success: readBoolean(answer, 'success') ?? true, requestId: readString(answer, 'request_id') };
}

export function parseInviteLink(answer: unknown, operation: 'getInviteLink' | 'resetInviteLink'): string {
  const link = isWireObject(answer) ? readString(answer, 'invite_link') : null;
  if (link === null || link === '') throw unexpectedAnswer(operation, 'an "invite_link"', answer);
  return link;
}

/** The standard send answer: `messages[0].id` is the wamid that statuses will refer to. */
export function parseSendMessageResult(answer: unknown, operation: 'sendGroupMessage' | 'sendGroupInviteTemplate' = 'sendGroupMessage'): SendMessageResult {
  const messages = isWireObject(answer) ? readArray(answer, 'messages') : null;
  const first = messages?.[0];
  const messageId = isWireObject(first) ? readString(first, 'id') : null;
  if (messageId === null || messageId === '') throw unexpectedAnswer(operation, '"messages[0].id"', answer);
  return { messageId };
}

/** `POST /<PHONE_NUMBER_ID>/media` answers `{id}`. */
export function parseMediaUpload(answer: unknown): MediaUploadResult {
  const mediaId = isWireObject(answer) ? readString(answer, 'id') : null;
  if (mediaId === null || mediaId === '') throw unexpectedAnswer('uploadMedia', 'an "id"', answer);
  return { mediaId };
}
