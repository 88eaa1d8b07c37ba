import type { EventSource } from '../../../events/event-model';
import type { HandshakeResult, WebhookHeaders, WebhookProvider } from '../provider';
import { headerValue } from '../provider';
import { parseDelivery } from '../shared/normalise';
import { requireSecrets } from '../shared/secrets';
import { normaliseMetaDelivery } from './meta.normalise';
import { answerMetaHandshake, META_SIGNATURE_HEADER, signMetaPayload, verifyMetaSignature } from './meta.verify';

export interface MetaProviderOptions {
  /** App secrets for `X-Hub-Signature-256`; any of them verifies (rotation). The first signs test deliveries. */
  appSecrets: readonly string[];
  /** The token Meta's GET handshake must present; null answers every handshake with 403. */
  verifyToken: string | null;
  /** `SANDBOX` marks events that came from the embedded emulator, which signs exactly like Meta. @default 'META' */
  source?: 'META' | 'SANDBOX';
}

/**
 * Meta's WhatsApp Cloud API webhooks: the four group_* fields and group messages/statuses on `messages`.
 * Throws TypeError when no app secret is given (such a provider could never accept a delivery).
 */
export function createMetaProvider(options: MetaProviderOptions): WebhookProvider {
  const appSecrets = requireSecrets('createMetaProvider', 'appSecrets', options.appSecrets, 'META_APP_SECRET');
  const verifyToken = options.verifyToken;
  const source: EventSource = options.source ?? 'META';
  return {
    name: 'meta',
    source,
    handshake(query: URLSearchParams): HandshakeResult {
      return answerMetaHandshake(query, verifyToken);
    },
    verify(rawBody: Buffer, headers: WebhookHeaders): void {
      verifyMetaSignature(rawBody, headerValue(headers, META_SIGNATURE_HEADER), appSecrets);
    },
    parse(rawBody, receivedAt) {
      return parseDelivery(rawBody, receivedAt, { provider: 'Meta', source, normalise: normaliseMetaDelivery });
    },
    signForTest(rawBody, signOptions) {
      return { [META_SIGNATURE_HEADER]: signMetaPayload(rawBody, signOptions?.secret ?? appSecrets[0]) };
    },
  };
}
