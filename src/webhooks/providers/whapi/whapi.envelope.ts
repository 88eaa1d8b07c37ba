import { WebhookPayloadError } from '../../webhook-errors';
import type { JsonObject } from '../shared/json-read';
import { idAt, isJsonObject, objectAt } from '../shared/json-read';

/** A checked Whapi delivery: `{ <array-key>: [...], event: {type, event}, channel_id }` (docs/webhooks.md#whapi-envelope). */
export interface WhapiEnvelope {
  /** `<event.type>.<event.event>`, lowercased, e.g. "groups.put". */
  readonly kind: string;
  readonly type: string;
  readonly method: string;
  /** Whapi's channel (one connected number). Whapi has no phone number id, so this stands for it. */
  readonly channelId: string | null;
  readonly document: JsonObject;
}

/**
 * Checks the envelope: an object with `event.type`, `event.event` (the settings schema calls it `method`,
 * which we accept too) and at least one payload array. Throws WebhookPayloadError otherwise.
 */
export function readWhapiEnvelope(document: unknown): WhapiEnvelope {
  if (!isJsonObject(document)) throw new WebhookPayloadError('The Whapi webhook body must be a JSON object');
  const event = objectAt(document, 'event');
  const type = idAt(event, 'type');
  const method = idAt(event, 'event') ?? idAt(event, 'method');
  if (event === null || type === null || method === null) {
    throw new WebhookPayloadError('Expected "event": {"type", "event"} in the Whapi webhook body');
  }
  if (!Object.values(document).some((value) => Array.isArray(value))) {
    throw new WebhookPayloadError(`Expected a payload array in the Whapi webhook body (e.g. "groups_participants" for groups.put)`);
  }
  const kind = `${type.toLowerCase()}.${method.toLowerCase()}`;
  return { kind, type, method, channelId: idAt(document, 'channel_id'), document };
}
