import type { WebhookHeaders, WebhookProvider } from '../provider';
import { headerValue } from '../provider';
import { parseDelivery } from '../shared/normalise';
import { requireSecrets } from '../shared/secrets';
import { normaliseWhapiDelivery } from './whapi.normalise';
import { verifyWhapiToken, WHAPI_AUTH_HEADER, whapiAuthorization } from './whapi.verify';

export interface WhapiProviderOptions {
  /** Shared secrets Whapi sends as `Authorization: Bearer <token>`; any of them is accepted (rotation). */
  tokens: readonly string[];
}

/**
 * Whapi.Cloud (a linked-device WhatsApp API): groups.post/put/patch and group messages.post.
 * Whapi has no phone number id: events carry the delivery's `channel_id` as phoneNumberId.
 * Throws TypeError when no token is given.
 */
export function createWhapiProvider(options: WhapiProviderOptions): WebhookProvider {
  const tokens = requireSecrets('createWhapiProvider', 'tokens', options.tokens, 'WHAPI_WEBHOOK_TOKEN');
  return {
    name: 'whapi',
    source: 'WHAPI',
    verify(_rawBody: Buffer, headers: WebhookHeaders): void {
      verifyWhapiToken(headerValue(headers, WHAPI_AUTH_HEADER), tokens);
    },
    parse(rawBody, receivedAt) {
      return parseDelivery(rawBody, receivedAt, { provider: 'Whapi', source: 'WHAPI', normalise: normaliseWhapiDelivery });
    },
    signForTest(_rawBody, signOptions) {
      return { [WHAPI_AUTH_HEADER]: whapiAuthorization(signOptions?.secret ?? tokens[0]) };
    },
  };
}
