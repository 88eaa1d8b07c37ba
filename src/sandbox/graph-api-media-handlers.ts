import { createHash } from 'node:crypto';
import { isAnimatedWebp, sniffMimeType } from '../lib/media-signature';
import { ok } from './graph-api-call';
import type { GraphHandler } from './graph-api-call';
import { optionalText, requireMessagingProduct } from './graph-api-params';
import { requirePhone } from './graph-api-phone';
import { badRequest, GraphApiError } from './sandbox-graph-api-error';
import { newMediaId } from './sandbox-ids';
import { mediaTypeOf, SANDBOX_MEDIA_RULES, STATIC_STICKER_MAX_BYTES } from './sandbox-media-rules';

/**
 * POST /<PHONE_NUMBER_ID>/media, multipart `messaging_product`, `type` (the MIME type) and `file` → `{id}`. The file
 * must be of a type WhatsApp takes and within its kind's limit; formats with a signature must be what `type` says.
 */
export const uploadMedia: GraphHandler = (call, { state }) => {
  const phone = requirePhone(state, call);
  requireMessagingProduct(call);
  const file = call.file;
  if (file === null) throw badRequest('The parameter file is required: send the media as multipart/form-data field "file"');
  const declared = optionalText(call, 'type');
  if (declared === undefined || declared === '') throw badRequest('The parameter type is required: the MIME type of the file, e.g. image/jpeg');
  const mimeType = declared.trim().toLowerCase();
  const type = mediaTypeOf(mimeType);
  if (type === null) {
    const accepted = Object.values(SANDBOX_MEDIA_RULES).flatMap((rule) => rule.mimeTypes);
    throw badRequest(`Param file must be a file with one of the following types: ${accepted.join(', ')}. Received file of type '${mimeType}'.`);
  }
  if (file.bytes.length === 0) throw new GraphApiError({ code: 131053, details: 'The uploaded file is empty' });
  const sniffed = sniffMimeType(file.bytes);
  if ((type === 'image' || type === 'sticker' || type === 'video') && sniffed !== mimeType) {
    throw new GraphApiError({ code: 131053, details: `The file is declared as ${mimeType} but its content is ${sniffed ?? 'not of that type'}` });
  }
  const animated = type === 'sticker' && isAnimatedWebp(file.bytes);
  const maxBytes = type === 'sticker' && !animated ? STATIC_STICKER_MAX_BYTES : SANDBOX_MEDIA_RULES[type].maxBytes;
  if (file.bytes.length > maxBytes) {
    const what = type === 'sticker' ? `${animated ? 'an animated' : 'a static'} sticker` : `${type === 'image' || type === 'audio' ? 'an' : 'a'} ${type}`;
    throw new GraphApiError({ code: 131053, details: `File size ${file.bytes.length} bytes exceeds the ${maxBytes} bytes allowed for ${what} (${mimeType})` });
  }
  const id = newMediaId();
  phone.media.set(id, { id, mimeType, bytes: file.bytes.length, sha256: createHash('sha256').update(file.bytes).digest('hex') });
  return ok({ id });
};
