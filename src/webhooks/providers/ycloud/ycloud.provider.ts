import type { WebhookHeaders, WebhookProvider } from '../provider';
import { headerValue } from '../provider';
import { parseDelivery } from '../shared/normalise';
import { requireSecrets } from '../shared/secrets';
import { normaliseYCloudDelivery } from './ycloud.normalise';
import { signYCloudPayload, verifyYCloudSignature, YCLOUD_SIGNATURE_HEADER } from './ycloud.verify';

export interface YCloudProviderOptions {
  /** Endpoint secrets for `YCloud-Signature`; any of them verifies (rotation). The first signs test deliveries. */
  secrets: readonly string[];
  /** Replay window: how far the signed timestamp may be from the receive time, either way. */
  toleranceSeconds: number;
}

/**
 * YCloud (a Meta BSP re-enveloping Meta's four group webhook fields as `whatsapp.group.*` events).
 * Throws TypeError when no secret is given or the tolerance is not a positive number of seconds.
 */
export function createYCloudProvider(options: YCloudProviderOptions): WebhookProvider {
  const secrets = requireSecrets('createYCloudProvider', 'secrets', options.secrets, 'YCLOUD_WEBHOOK_SECRET');
  const toleranceSeconds = options.toleranceSeconds;
  if (typeof toleranceSeconds !== 'number' || !Number.isFinite(toleranceSeconds) || toleranceSeconds <= 0) {
    throw new TypeError(
      `createYCloudProvider: expected toleranceSeconds to be a positive number of seconds, got ${String(toleranceSeconds)}; ` +
        'pass config.webhooks.ycloud.toleranceSeconds (YCLOUD_TOLERANCE_SECONDS, default 300).',
    );
  }
  return {
    name: 'ycloud',
    source: 'YCLOUD',
    verify(rawBody: Buffer, headers: WebhookHeaders, now: Date): void {
      verifyYCloudSignature(rawBody, headerValue(headers, YCLOUD_SIGNATURE_HEADER), { secrets, toleranceSeconds, now });
    },
    parse(rawBody, receivedAt) {
      return parseDelivery(rawBody, receivedAt, { provider: 'YCloud', source: 'YCLOUD', normalise: normaliseYCloudDelivery });
    },
    signForTest(rawBody, signOptions) {
      // The test signer reads the clock only when the caller gives no time; production paths never call it.
      const timestamp = signOptions?.timestamp ?? new Date();
      return { [YCLOUD_SIGNATURE_HEADER]: signYCloudPayload(rawBody, signOptions?.secret ?? secrets[0], timestamp) };
    },
  };
}
