import { loadConfig } from '../../../src/config/config';
import { createWebhookProviders } from '../../../src/webhooks/create-providers';
import { signMetaPayload } from '../../../src/webhooks/providers/meta/meta.verify';
import { WebhookSignatureError } from '../../../src/webhooks/webhook-errors';

const NOW = new Date('2026-06-01T12:00:00Z');
const BODY = Buffer.from('{"object":"whatsapp_business_account","entry":[]}');
const UPSTREAM = { WHATSAPP_ACCESS_TOKEN: 'upstream-token' };

function metaHeaders(secret: string): Record<string, string> {
  return { 'x-hub-signature-256': signMetaPayload(BODY, secret) };
}

describe('createWebhookProviders', () => {
  it('enables no provider when no secret is configured (each route answers 404)', () => {
    expect([...createWebhookProviders(loadConfig(UPSTREAM)).keys()]).toEqual([]);
  });

  it('enables exactly the providers whose secrets are configured', () => {
    const config = loadConfig({ ...UPSTREAM, WHAPI_WEBHOOK_TOKEN: 'whapi-token', YCLOUD_WEBHOOK_SECRET: 'new,old', YCLOUD_TOLERANCE_SECONDS: '60' });
    const providers = createWebhookProviders(config);
    expect([...providers.keys()]).toEqual(['whapi', 'ycloud']);
    const ycloud = providers.get('ycloud');
    const headers = ycloud?.signForTest(BODY, { secret: 'old', timestamp: NOW }) ?? {};
    expect(() => ycloud?.verify(BODY, headers, new Date(NOW.getTime() + 60_000))).not.toThrow();
    expect(() => ycloud?.verify(BODY, headers, new Date(NOW.getTime() + 61_000))).toThrow(WebhookSignatureError); // YCLOUD_TOLERANCE_SECONDS
  });

  it('enables Meta with the configured secrets, verify token and source META', () => {
    const meta = createWebhookProviders(loadConfig({ ...UPSTREAM, META_APP_SECRET: 'current,previous', WEBHOOK_VERIFY_TOKEN: 'tok' })).get('meta');
    expect(meta?.source).toBe('META');
    expect(() => meta?.verify(BODY, metaHeaders('previous'), NOW)).not.toThrow();
    expect(() => meta?.verify(BODY, metaHeaders('sandbox-app-secret'), NOW)).toThrow(WebhookSignatureError);
    expect(meta?.handshake?.(new URLSearchParams({ 'hub.mode': 'subscribe', 'hub.verify_token': 'tok', 'hub.challenge': '42' }))?.body).toBe('42');
  });

  it('in sandbox mode enables Meta with the sandbox app secret and source SANDBOX', () => {
    const config = loadConfig({});
    expect(config.mode).toBe('sandbox');
    const providers = createWebhookProviders(config);
    expect([...providers.keys()]).toEqual(['meta']);
    const meta = providers.get('meta');
    expect(meta?.source).toBe('SANDBOX');
    expect(meta?.signForTest(BODY)).toEqual(metaHeaders(config.sandbox.appSecret));
    expect(() => meta?.verify(BODY, metaHeaders(config.sandbox.appSecret), NOW)).not.toThrow();
  });

  it('in sandbox mode prefers the given sandbox secret and still accepts a configured app secret', () => {
    const meta = createWebhookProviders(loadConfig({ META_APP_SECRET: 'real-secret' }), { sandboxSecret: 'emulator-secret' }).get('meta');
    expect(() => meta?.verify(BODY, metaHeaders('emulator-secret'), NOW)).not.toThrow();
    expect(() => meta?.verify(BODY, metaHeaders('real-secret'), NOW)).not.toThrow();
    expect(() => meta?.verify(BODY, metaHeaders('sandbox-app-secret'), NOW)).toThrow(WebhookSignatureError);
  });
});
