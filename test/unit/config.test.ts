import { loadConfig, redactConfig } from '../../src/config/config';
import { ConfigError } from '../../src/config/config-error';

describe('loadConfig', () => {
  it('runs in sandbox mode with open auth when no upstream is configured', () => {
    const config = loadConfig({});
    expect(config.mode).toBe('sandbox');
    expect(config.upstream.baseUrl).toBeNull();
    expect(config.auth.enabled).toBe(false);
    expect(config.http.port).toBe(4000);
    expect(config.upstream.batch).toBe(true);
    expect(config.upstream.concurrency).toBe(8);
    expect(config.redis.url).toBeNull();
  });

  it('uses the real Graph API with auth on when a token is set', () => {
    const config = loadConfig({ WHATSAPP_ACCESS_TOKEN: 'tok' });
    expect(config.mode).toBe('upstream');
    expect(config.upstream.baseUrl).toBe('https://graph.facebook.com');
    expect(config.auth.enabled).toBe(true);
  });

  it('splits comma-separated secrets for rotation', () => {
    const config = loadConfig({ META_APP_SECRET: 'old, new ,', YCLOUD_WEBHOOK_SECRET: 'a,b' });
    expect(config.webhooks.meta.appSecrets).toEqual(['old', 'new']);
    expect(config.webhooks.ycloud.secrets).toEqual(['a', 'b']);
  });

  it('reports every problem at once', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', GRAPH_API_URL: 'ftp://x', GRAPH_API_BATCH: 'maybe', REDIS_URL: 'http://x', GRAPH_API_VERSION: '23' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('WHATSAPP_ACCESS_TOKEN is required'),
        expect.stringContaining('GRAPH_API_URL must be an http(s) URL'),
        expect.stringContaining('GRAPH_API_VERSION must look like v23.0'),
        expect.stringContaining('PORT must be an integer'),
        expect.stringContaining('REDIS_URL must be a redis://'),
        expect.stringContaining('GRAPH_API_BATCH must be "on" or "off"'),
      ]),
    );
    expect(problems).toHaveLength(6);
  });

  it('never puts secrets in the redacted summary', () => {
    const config = loadConfig({ WHATSAPP_ACCESS_TOKEN: 'super-secret-token', META_APP_SECRET: 'app-secret', REDIS_URL: 'redis://:pw@localhost:6379' });
    const text = JSON.stringify(redactConfig(config));
    expect(text).not.toContain('super-secret-token');
    expect(text).not.toContain('app-secret');
    expect(text).not.toContain(':pw@');
  });

  it('returns a frozen object', () => {
    const config = loadConfig({});
    expect(Object.isFrozen(config.upstream)).toBe(true);
  });
});
