import { WebhookPayloadError } from '../../webhook-errors';
import { isJsonObject, own } from '../shared/json-read';

export const META_ENVELOPE_OBJECT = 'whatsapp_business_account';

/**
 * Checks Meta's envelope (`{object: "whatsapp_business_account", entry: [...]}`) and returns its entries.
 * Throws WebhookPayloadError otherwise: that is a body from something else, not an event we do not model.
 */
export function readMetaEntries(document: unknown): readonly unknown[] {
  if (!isJsonObject(document)) throw new WebhookPayloadError('The Meta webhook body must be a JSON object');
  const object = own(document, 'object');
  if (object !== META_ENVELOPE_OBJECT) {
    throw new WebhookPayloadError(`Expected "object": "${META_ENVELOPE_OBJECT}" in the Meta webhook body, got ${describe(object)}`);
  }
  const entries = own(document, 'entry');
  if (!Array.isArray(entries)) throw new WebhookPayloadError(`Expected "entry" to be an array in the Meta webhook body, got ${describe(entries)}`);
  return entries;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value.slice(0, 64));
  return Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`;
}
