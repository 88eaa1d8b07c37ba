/**
 * WhatsApp's media types and size limits per message kind (docs/groups-api.md#media): facts about Meta's platform,
 * which the gateway checks before an upload and the sandbox enforces as Meta does.
 */

const KB = 1024;
const MB = 1024 * 1024;

export type WhatsAppMediaType = 'image' | 'video' | 'audio' | 'document' | 'sticker';

export interface WhatsAppMediaRule {
  readonly mimeTypes: readonly string[];
  readonly maxBytes: number;
}

export const WHATSAPP_MEDIA_RULES: Readonly<Record<WhatsAppMediaType, WhatsAppMediaRule>> = {
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

/** A static sticker's limit; WHATSAPP_MEDIA_RULES holds the animated one. */
export const STATIC_STICKER_MAX_BYTES = 100 * KB;
