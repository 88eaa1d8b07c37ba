import { createHash } from 'node:crypto';
import type { EventSource } from './event-model';

/**
 * Deterministic event id: a hash of the source and a provider-specific identity key.
 * Providers build the key from what identifies the upstream event (YCloud's event id, Meta's
 * group_id/type/request_id/timestamp/participants, a message's wamid, ...), never from receive time,
 * so a redelivery, or the same delivery reaching another instance, gets the same id.
 */
export function eventId(source: EventSource, identityKey: string): string {
  const digest = createHash('sha256').update(`${source}\u0000${identityKey}`).digest('base64url');
  return `evt_${digest.slice(0, 32)}`;
}
