import type { Config } from '../config/config';
import { createMetaProvider } from './providers/meta/meta.provider';
import type { ProviderName, WebhookProvider } from './providers/provider';
import { createWhapiProvider } from './providers/whapi/whapi.provider';
import { createYCloudProvider } from './providers/ycloud/ycloud.provider';

export interface WebhookProvidersOptions {
  /** The embedded sandbox's app secret, when it differs from config.sandbox.appSecret. Used in sandbox mode only. */
  sandboxSecret?: string;
}

/**
 * The enabled webhook providers, by route name. A provider is enabled when its secret is configured; the
 * route answers 404 for the others (README, Configuration). In sandbox mode Meta is always enabled: it
 * accepts the sandbox's app secret, in addition to any configured META_APP_SECRET, and tags its events
 * SANDBOX, because the embedded emulator signs its deliveries exactly as Meta does.
 */
export function createWebhookProviders(config: Config, options: WebhookProvidersOptions = {}): Map<ProviderName, WebhookProvider> {
  const providers = new Map<ProviderName, WebhookProvider>();
  const { meta, whapi, ycloud } = config.webhooks;
  if (config.mode === 'sandbox') {
    // The sandbox secret comes first: signForTest then signs as the sandbox does.
    const appSecrets = [...new Set([options.sandboxSecret ?? config.sandbox.appSecret, ...meta.appSecrets])];
    providers.set('meta', createMetaProvider({ appSecrets, verifyToken: meta.verifyToken, source: 'SANDBOX' }));
  } else if (meta.appSecrets.length > 0) {
    providers.set('meta', createMetaProvider({ appSecrets: meta.appSecrets, verifyToken: meta.verifyToken }));
  }
  if (whapi.tokens.length > 0) providers.set('whapi', createWhapiProvider({ tokens: whapi.tokens }));
  if (ycloud.secrets.length > 0) providers.set('ycloud', createYCloudProvider({ secrets: ycloud.secrets, toleranceSeconds: ycloud.toleranceSeconds }));
  return providers;
}
