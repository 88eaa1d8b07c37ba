/**
 * The media rules as the sandbox enforces them on upload and on send (docs/groups-api.md#media). The table is Meta's
 * (src/lib/whatsapp-media-rules.ts), shared with the gateway's own check before an upload.
 */
import type { WhatsAppMediaType } from '../lib/whatsapp-media-rules';
import { STATIC_STICKER_MAX_BYTES, WHATSAPP_MEDIA_RULES } from '../lib/whatsapp-media-rules';

export type MediaMessageType = WhatsAppMediaType;
export const SANDBOX_MEDIA_RULES = WHATSAPP_MEDIA_RULES;
export { STATIC_STICKER_MAX_BYTES };

export const MEDIA_MESSAGE_TYPES = Object.keys(SANDBOX_MEDIA_RULES) as MediaMessageType[];

/** The message type a MIME type can be sent as, or null when WhatsApp does not take it. */
export function mediaTypeOf(mimeType: string): MediaMessageType | null {
  for (const type of MEDIA_MESSAGE_TYPES) if (SANDBOX_MEDIA_RULES[type].mimeTypes.includes(mimeType)) return type;
  return null;
}
