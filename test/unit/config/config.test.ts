import { loadConfig, redactConfig } from '../../../src/config/config';
import { ConfigError } from '../../../src/config/config-error';

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

  it('reads the API key sources and the limits, with documented defaults', () => {
    const defaults = loadConfig({});
    expect(defaults.auth).toEqual({ enabled: false, apiKeysFile: null, apiKeys: null, reloadIntervalMs: 2_000 });
    expect(defaults.limits).toEqual({
      rateLimitPerMinute: 600,
      rateLimitBurst: 60,
      maxSubscriptionsPerKey: 50,
      maxQueryDepth: 10,
      maxQueryCost: 5_000,
      maxAliases: 30,
      maxQueryTokens: 5_000,
      maxQueryBytes: 32 * 1024,
    });
    const config = loadConfig({
      GATEWAY_AUTH: 'on',
      GATEWAY_API_KEYS_FILE: '/run/keys.jsonl',
      GATEWAY_API_KEYS: '[]',
      RATE_LIMIT_REQUESTS_PER_MINUTE: '120',
      RATE_LIMIT_BURST: '5',
      MAX_SUBSCRIPTIONS_PER_KEY: '3',
      MAX_QUERY_DEPTH: '6',
      MAX_QUERY_COST: '900',
      MAX_ALIASES: '4',
      MAX_QUERY_TOKENS: '800',
      MAX_QUERY_BYTES: '4096',
    });
    expect(config.auth).toMatchObject({ enabled: true, apiKeysFile: '/run/keys.jsonl', apiKeys: '[]' });
    expect(config.limits).toEqual({ rateLimitPerMinute: 120, rateLimitBurst: 5, maxSubscriptionsPerKey: 3, maxQueryDepth: 6, maxQueryCost: 900, maxAliases: 4, maxQueryTokens: 800, maxQueryBytes: 4096 });
    expect(redactConfig(config).auth).toEqual({ enabled: true, apiKeysFile: '/run/keys.jsonl', inlineApiKeys: true });
  });

  it('reports out-of-range limits together', () => {
    expect(() => loadConfig({ MAX_QUERY_DEPTH: '1', RATE_LIMIT_REQUESTS_PER_MINUTE: '0', GATEWAY_AUTH: 'sometimes' })).toThrow(
      expect.objectContaining({
        problems: [
          expect.stringContaining('GATEWAY_AUTH must be "on" or "off"'),
          expect.stringContaining('RATE_LIMIT_REQUESTS_PER_MINUTE must be an integer from 1'),
          expect.stringContaining('MAX_QUERY_DEPTH must be an integer from 2 to 100'),
        ],
      }),
    );
  });

  it('reads the slow-client bounds and WebSocket admission limits, and refuses a headers timeout above the request timeout', () => {
    const defaults = loadConfig({});
    expect(defaults.http).toMatchObject({ headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, connectionTimeoutMs: 60_000 });
    expect(defaults.subscriptions).toMatchObject({ maxConnectionsPerKey: 100, connectionInitRate: { perMinute: 120, burst: 100 } });
    const set = loadConfig({ HTTP_HEADERS_TIMEOUT_MS: '2000', HTTP_REQUEST_TIMEOUT_MS: '5000', HTTP_CONNECTION_TIMEOUT_MS: '9000', MAX_CONNECTIONS_PER_KEY: '7', WS_CONNECTION_INIT_PER_MINUTE: '30', WS_CONNECTION_INIT_BURST: '10' });
    expect(set.http).toMatchObject({ headersTimeoutMs: 2_000, requestTimeoutMs: 5_000, connectionTimeoutMs: 9_000 });
    expect(set.subscriptions).toMatchObject({ maxConnectionsPerKey: 7, connectionInitRate: { perMinute: 30, burst: 10 } });
    expect(() => loadConfig({ HTTP_HEADERS_TIMEOUT_MS: '40000' })).toThrow(
      expect.objectContaining({ problems: [expect.stringContaining('HTTP_HEADERS_TIMEOUT_MS (40000) must not exceed HTTP_REQUEST_TIMEOUT_MS (30000)')] }),
    );
  });

  it('returns a frozen object', () => {
    const config = loadConfig({});
    expect(Object.isFrozen(config.upstream)).toBe(true);
  });
});
