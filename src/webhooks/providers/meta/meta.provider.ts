import type { EventSource } from '../../../events/event-model';
import type { HandshakeResult, WebhookHeaders, WebhookProvider } from '../provider';
import { headerValue } from '../provider';
import { parseJsonBody } from '../shared/json-body';
import { createParseCollector } from '../shared/parse-collector';
import { requireSecrets } from '../shared/secrets';
import { readMetaEntries } from './meta.envelope';
import { normaliseMetaEntries } from './meta.events';
import { answerMetaHandshake } from './meta.handshake';
import { META_SIGNATURE_HEADER, signMetaPayload, verifyMetaSignature } from './meta.signature';

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
      const entries = readMetaEntries(parseJsonBody(rawBody, 'Meta'));
      const out = createParseCollector(source, receivedAt);
      normaliseMetaEntries(entries, out);
      return out.result();
    },
    signForTest(rawBody, signOptions) {
      return { [META_SIGNATURE_HEADER]: signMetaPayload(rawBody, signOptions?.secret ?? appSecrets[0]) };
    },
  };
}
