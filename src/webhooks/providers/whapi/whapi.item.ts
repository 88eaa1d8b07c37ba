import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../lib/canonical-json';
import type { WhapiEnvelope } from './whapi.envelope';

/**
 * The fragment an event came from: the payload item with the envelope's event and channel. Only the event's
 * type and method are copied, not the whole `event` object: it is shared by every item of the delivery.
 */
export function whapiRaw(envelope: WhapiEnvelope, payloadKey: string, item: unknown): unknown {
  return { event: { type: envelope.type, event: envelope.method }, channel_id: envelope.channelId, [payloadKey]: item };
}

/**
 * Identity of a groups.* item. Whapi sends no event id, and groups.put carries no timestamp either, so a hash
 * of the item's canonical JSON (keys sorted) is the identity: a redelivery dedupes, but so does a genuinely
 * repeated identical action (the same person added, removed and added again) within the dedupe window: the
 * second add is dropped as a duplicate. The channel is part of the key because two of our numbers in one
 * group each receive the same item, and each must get its event.
 */
export function whapiGroupIdentity(envelope: WhapiEnvelope, itemDigest: string, discriminator = ''): string {
  return JSON.stringify([envelope.kind, envelope.channelId ?? '', itemDigest, discriminator]);
}

/** Hashed once per item, so an item that yields many events (join requests) is serialised once. */
export function whapiItemDigest(item: unknown): string {
  return createHash('sha256').update(canonicalJson(item)).digest('base64url');
}
