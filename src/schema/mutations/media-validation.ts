import { isAnimatedWebp, sniffMimeType } from '../../lib/media-signature';
import type { WhatsAppMediaRule } from '../../lib/whatsapp-media-rules';
import { STATIC_STICKER_MAX_BYTES, WHATSAPP_MEDIA_RULES } from '../../lib/whatsapp-media-rules';
import type { MediaUploadRequest } from '../../upstream/types';
import { BadUserInputError } from '../../errors/gateway-errors';
import { MediaKind } from './media-upload.types';
import type { UploadedFile } from './uploaded-file';

/** WhatsApp's media types and limits per kind (docs/groups-api.md#media), by the schema's MediaKind. */
export const MEDIA_RULES: Readonly<Record<MediaKind, WhatsAppMediaRule>> = {
  [MediaKind.IMAGE]: WHATSAPP_MEDIA_RULES.image,
  [MediaKind.VIDEO]: WHATSAPP_MEDIA_RULES.video,
  [MediaKind.AUDIO]: WHATSAPP_MEDIA_RULES.audio,
  [MediaKind.DOCUMENT]: WHATSAPP_MEDIA_RULES.document,
  [MediaKind.STICKER]: WHATSAPP_MEDIA_RULES.sticker,
};

export { STATIC_STICKER_MAX_BYTES };

/** Declared types that name the same format as a listed one. */
const ALIASES: Readonly<Record<string, string>> = { 'image/jpg': 'image/jpeg', 'video/3gp': 'video/3gpp', 'audio/mp3': 'audio/mpeg', 'audio/opus': 'audio/ogg' };

export interface CheckedMedia {
  upload: MediaUploadRequest;
  kind: MediaKind;
}

/**
 * A media file for uploadMedia. Formats with a signature (JPEG, PNG, WebP, MP4/3GPP) are judged by their bytes, so a
 * PNG declared as image/jpeg goes up as image/png; audio and documents by the declared type. Then the kind's size
 * limit: a sticker's depends on whether the WebP is animated.
 */
export function validMedia(argumentName: string, file: UploadedFile): CheckedMedia {
  const fail = (message: string): never => {
    throw new BadUserInputError(`\`${argumentName}\` ${message}`, { argumentName });
  };
  const name = JSON.stringify(file.filename);
  if (file.truncated) fail(`is over the ${file.limitBytes} bytes this gateway accepts per upload (UPLOAD_LIMIT_BYTES); ${name} is larger`);
  if (file.bytes.length === 0) fail(`must not be empty; ${name} has no bytes`);
  const declared = normaliseMimeType(file.mimeType);
  const sniffed = sniffMimeType(file.bytes);
  const mimeType = sniffed ?? declared;
  const kind = kindOf(mimeType);
  if (kind === null) {
    const accepted = Object.values(MEDIA_RULES).flatMap((rule) => rule.mimeTypes);
    return fail(`must be a file type WhatsApp accepts (${accepted.join(', ')}); ${name} is ${mimeType === '' ? 'of no declared type' : mimeType}`);
  }
  if (sniffed === null && (kind === MediaKind.IMAGE || kind === MediaKind.STICKER || kind === MediaKind.VIDEO)) {
    fail(`is declared as ${mimeType}, but the bytes of ${name} are not ${mimeType}`);
  }
  const animated = kind === MediaKind.STICKER && isAnimatedWebp(file.bytes);
  const maxBytes = kind === MediaKind.STICKER && !animated ? STATIC_STICKER_MAX_BYTES : MEDIA_RULES[kind].maxBytes;
  if (file.bytes.length > maxBytes) {
    const what = kind === MediaKind.STICKER ? `${animated ? 'an animated' : 'a static'} sticker` : `${kind === MediaKind.IMAGE || kind === MediaKind.AUDIO ? 'an' : 'a'} ${kind.toLowerCase()}`;
    fail(`must be at most ${formatBytes(maxBytes)} for ${what} (${mimeType}); ${name} is ${file.bytes.length} bytes`);
  }
  const filename = file.filename.trim() === '' ? `upload.${extensionOf(mimeType)}` : file.filename;
  return { upload: { bytes: file.bytes, filename, mimeType }, kind };
}

function normaliseMimeType(value: string): string {
  const type = value.split(';')[0]!.trim().toLowerCase();
  return ALIASES[type] ?? type;
}

function kindOf(mimeType: string): MediaKind | null {
  for (const [kind, rule] of Object.entries(MEDIA_RULES) as [MediaKind, (typeof MEDIA_RULES)[MediaKind]][]) {
    if (rule.mimeTypes.includes(mimeType)) return kind;
  }
  return null;
}

function extensionOf(mimeType: string): string {
  const subtype = mimeType.split('/')[1] ?? 'bin';
  return subtype.length <= 5 ? subtype : 'bin';
}

const KB = 1024;
const MB = 1024 * 1024;

function formatBytes(bytes: number): string {
  return bytes >= MB ? `${bytes / MB} MB` : `${bytes / KB} KB`;
}
