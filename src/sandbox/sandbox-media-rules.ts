/**
 * Meta's media types and size limits per message kind (docs/groups-api.md#media), as the sandbox enforces them on
 * upload and on send. The gateway checks the same limits before calling; the sandbox keeps its own copy because it
 * stands in for Meta and must not depend on the gateway's schema.
 */

const KB = 1024;
const MB = 1024 * 1024;

export type MediaMessageType = 'image' | 'video' | 'audio' | 'document' | 'sticker';

export const SANDBOX_MEDIA_RULES: Readonly<Record<MediaMessageType, { mimeTypes: readonly string[]; maxBytes: number }>> = {
  image: { mimeTypes: ['image/jpeg', 'image/png'], maxBytes: 5 * MB },
  video: { mimeTypes: ['video/mp4', 'video/3gpp'], maxBytes: 16 * MB },
  audio: { mimeTypes: ['audio/aac', 'audio/amr', 'audio/mpeg', 'audio/mp4', 'audio/ogg'], maxBytes: 16 * MB },
  document: {
    mimeTypes: [
      'text/plain',
      'application/pdf',
      'application/msword',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/vnd.ms-excel',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'application/vnd.ms-powerpoint',
      'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    ],
    maxBytes: 100 * MB,
  },
  // Animated; a static sticker may have at most STATIC_STICKER_MAX_BYTES.
  sticker: { mimeTypes: ['image/webp'], maxBytes: 500 * KB },
};

export const STATIC_STICKER_MAX_BYTES = 100 * KB;

export const MEDIA_MESSAGE_TYPES = Object.keys(SANDBOX_MEDIA_RULES) as MediaMessageType[];

/** The message type a MIME type can be sent as, or null when WhatsApp does not take it. */
export function mediaTypeOf(mimeType: string): MediaMessageType | null {
  for (const type of MEDIA_MESSAGE_TYPES) if (SANDBOX_MEDIA_RULES[type].mimeTypes.includes(mimeType)) return type;
  return null;
}
