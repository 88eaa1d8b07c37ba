import { WebhookPayloadError } from '../../webhook-errors';
import type { JsonObject } from '../shared/json-read';
import { idAt, isJsonObject, stringAt } from '../shared/json-read';

/** A checked YCloud delivery: `{id, type, apiVersion, createTime, <payload object>}` (docs/webhooks.md#ycloud-envelope). */
export interface YCloudEnvelope {
  /** YCloud's event id: unique per event and repeated on redelivery, so it is the identity. */
  readonly id: string;
  readonly type: string;
  readonly createTime: string;
  readonly document: JsonObject;
}

/** Checks the envelope (id, type, createTime and a payload object). Throws WebhookPayloadError otherwise. */
export function readYCloudEnvelope(document: unknown): YCloudEnvelope {
  if (!isJsonObject(document)) throw new WebhookPayloadError('The YCloud webhook body must be a JSON object');
  const id = idAt(document, 'id');
  const type = idAt(document, 'type');
  const createTime = stringAt(document, 'createTime');
  if (id === null || type === null || createTime === null) {
    throw new WebhookPayloadError('Expected "id", "type" and "createTime" in the YCloud webhook body');
  }
  if (!Object.values(document).some(isJsonObject)) {
    throw new WebhookPayloadError(`Expected a payload object (e.g. "whatsappGroup") in the YCloud webhook body of type ${JSON.stringify(type.slice(0, 64))}`);
  }
  return { id, type, createTime, document };
}
