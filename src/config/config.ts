import type { LogLevel } from '../lib/logger';
import { ConfigError } from './config-error';
import { DEFAULTS } from './defaults';

export type NodeEnv = 'development' | 'test' | 'production';

/**
 * The validated, frozen configuration. Parts receive only their slice.
 * `mode: 'sandbox'` means no upstream was configured: the gateway starts the embedded Groups API emulator.
 */
export interface Config {
  readonly nodeEnv: NodeEnv;
  readonly logLevel: LogLevel;
  readonly mode: 'sandbox' | 'upstream';
  readonly http: {
    readonly host: string;
    readonly port: number;
    readonly graphqlBodyLimitBytes: number;
    readonly webhookBodyLimitBytes: number;
    readonly uploadLimitBytes: number;
  };
  readonly upstream: {
    /** null in sandbox mode until the embedded sandbox has started and told us its URL. */
    readonly baseUrl: string | null;
    readonly apiVersion: string;
    readonly accessToken: string | null;
    readonly defaultPhoneNumberId: string | null;
    readonly timeoutMs: number;
    readonly maxRetries: number;
    /** One upstream call across its retries and backoff waits. */
    readonly requestDeadlineMs: number;
    /** Consecutive failed attempts that open the upstream's circuit breaker, and how long it stays open. */
    readonly breakerFailures: number;
    readonly breakerOpenMs: number;
    readonly batch: boolean;
    readonly concurrency: number;
  };
  readonly redis: { readonly url: string | null; readonly keyPrefix: string };
  readonly events: { readonly retentionSeconds: number; readonly dedupeTtlSeconds: number; readonly operationTtlSeconds: number };
  readonly cache: { readonly groupTtlSeconds: number };
  readonly webhooks: {
    readonly meta: { readonly appSecrets: readonly string[]; readonly verifyToken: string | null };
    readonly whapi: { readonly tokens: readonly string[] };
    readonly ycloud: { readonly secrets: readonly string[]; readonly toleranceSeconds: number };
  };
  readonly auth: {
    readonly enabled: boolean;
    readonly apiKeysFile: string | null;
    /** GATEWAY_API_KEYS: key records inline (JSON array or JSON Lines), besides or instead of the file. */
    readonly apiKeys: string | null;
    /** How often the key file is checked for changes (added or revoked keys apply without a restart). */
    readonly reloadIntervalMs: number;
  };
  /** Per-key and per-operation limits (README "Security"). */
  readonly limits: {
    readonly rateLimitPerMinute: number;
    readonly rateLimitBurst: number;
    readonly maxSubscriptionsPerKey: number;
    readonly maxQueryDepth: number;
    readonly maxQueryCost: number;
    readonly maxAliases: number;
    readonly maxQueryTokens: number;
    readonly maxQueryBytes: number;
  };
  readonly subscriptions: {
    readonly queueLimit: number;
    readonly connectionInitWaitTimeoutMs: number;
    readonly keepAliveMs: number;
  };
  readonly graphql: { readonly introspection: boolean; readonly landingPage: boolean };
  /** The embedded Groups API emulator (sandbox mode, `npm run sandbox`). Its secrets are dev-only values. */
  readonly sandbox: {
    readonly port: number;
    readonly host: string;
    /** Where the sandbox POSTs its signed webhooks; in sandbox mode the gateway points it at its own /webhooks/meta. */
    readonly webhookUrl: string | null;
    readonly appSecret: string;
    readonly accessToken: string;
    /** Business phone numbers the sandbox emulates; the first is the default. */
    readonly phoneNumberIds: readonly string[];
  };
}

type Env = Readonly<Record<string, string | undefined>>;

/** Reads the environment once, validates everything, and throws one ConfigError listing every problem. */
export function loadConfig(env: Env): Config {
  const problems: string[] = [];
  const read = createReaders(env, problems);

  const nodeEnv = read.oneOf('NODE_ENV', ['development', 'test', 'production'] as const, 'development');
  const graphApiUrlRaw = read.string('GRAPH_API_URL');
  const accessToken = read.string('WHATSAPP_ACCESS_TOKEN');
  const mode = graphApiUrlRaw === null && accessToken === null ? 'sandbox' : 'upstream';
  if (mode === 'upstream' && accessToken === null) {
    problems.push('WHATSAPP_ACCESS_TOKEN is required when GRAPH_API_URL is set (unset both to run the embedded sandbox)');
  }
  const baseUrl = graphApiUrlRaw === null ? (mode === 'sandbox' ? null : DEFAULTS.graphApiUrl) : read.url('GRAPH_API_URL', graphApiUrlRaw);
  const apiVersion = read.string('GRAPH_API_VERSION') ?? DEFAULTS.graphApiVersion;
  if (!/^v\d+\.\d+$/.test(apiVersion)) problems.push(`GRAPH_API_VERSION must look like v23.0, got "${apiVersion}"`);

  const authDefault = mode === 'upstream';
  const config: Config = {
    nodeEnv,
    logLevel: read.oneOf('LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, DEFAULTS.logLevel),
    mode,
    http: {
      host: read.string('HOST') ?? DEFAULTS.host,
      port: read.int('PORT', DEFAULTS.port, 0, 65535),
      graphqlBodyLimitBytes: read.int('GRAPHQL_BODY_LIMIT_BYTES', DEFAULTS.graphqlBodyLimitBytes, 1024, 64 * 1024 * 1024),
      webhookBodyLimitBytes: DEFAULTS.webhookBodyLimitBytes,
      uploadLimitBytes: DEFAULTS.uploadLimitBytes,
    },
    upstream: {
      baseUrl,
      apiVersion,
      accessToken,
      defaultPhoneNumberId: read.string('WHATSAPP_PHONE_NUMBER_ID'),
      timeoutMs: read.int('GRAPH_API_TIMEOUT_MS', DEFAULTS.graphApiTimeoutMs, 100, 120_000),
      maxRetries: read.int('GRAPH_API_MAX_RETRIES', DEFAULTS.graphApiMaxRetries, 0, 10),
      requestDeadlineMs: read.int('GRAPH_API_REQUEST_DEADLINE_MS', DEFAULTS.graphApiRequestDeadlineMs, 100, 600_000),
      breakerFailures: read.int('GRAPH_API_BREAKER_FAILURES', DEFAULTS.graphApiBreakerFailures, 1, 1_000),
      breakerOpenMs: read.int('GRAPH_API_BREAKER_OPEN_MS', DEFAULTS.graphApiBreakerOpenMs, 100, 600_000),
      batch: read.onOff('GRAPH_API_BATCH', true),
      concurrency: read.int('GRAPH_API_CONCURRENCY', DEFAULTS.graphApiConcurrency, 1, 256),
    },
    redis: {
      url: read.redisUrl('REDIS_URL'),
      keyPrefix: read.string('REDIS_KEY_PREFIX') ?? DEFAULTS.redisKeyPrefix,
    },
    events: {
      retentionSeconds: read.int('EVENT_LOG_RETENTION_SECONDS', DEFAULTS.eventLogRetentionSeconds, 60, 365 * 24 * 3600),
      dedupeTtlSeconds: read.int('WEBHOOK_DEDUPE_TTL_SECONDS', DEFAULTS.dedupeTtlSeconds, 60, 365 * 24 * 3600),
      operationTtlSeconds: read.int('OPERATION_TTL_SECONDS', DEFAULTS.operationTtlSeconds, 60, 365 * 24 * 3600),
    },
    cache: { groupTtlSeconds: read.int('GROUP_CACHE_TTL_SECONDS', DEFAULTS.groupCacheTtlSeconds, 0, 7 * 24 * 3600) },
    webhooks: {
      meta: { appSecrets: read.list('META_APP_SECRET'), verifyToken: read.string('WEBHOOK_VERIFY_TOKEN') },
      whapi: { tokens: read.list('WHAPI_WEBHOOK_TOKEN') },
      ycloud: {
        secrets: read.list('YCLOUD_WEBHOOK_SECRET'),
        toleranceSeconds: read.int('YCLOUD_TOLERANCE_SECONDS', DEFAULTS.ycloudToleranceSeconds, 1, 24 * 3600),
      },
    },
    auth: {
      enabled: read.onOff('GATEWAY_AUTH', authDefault),
      apiKeysFile: read.string('GATEWAY_API_KEYS_FILE'),
      apiKeys: read.string('GATEWAY_API_KEYS'),
      reloadIntervalMs: read.int('GATEWAY_API_KEYS_RELOAD_MS', DEFAULTS.apiKeysReloadIntervalMs, 100, 3_600_000),
    },
    limits: {
      rateLimitPerMinute: read.int('RATE_LIMIT_REQUESTS_PER_MINUTE', DEFAULTS.rateLimitRequestsPerMinute, 1, 1_000_000),
      rateLimitBurst: read.int('RATE_LIMIT_BURST', DEFAULTS.rateLimitBurst, 1, 1_000_000),
      maxSubscriptionsPerKey: read.int('MAX_SUBSCRIPTIONS_PER_KEY', DEFAULTS.maxSubscriptionsPerKey, 1, 100_000),
      maxQueryDepth: read.int('MAX_QUERY_DEPTH', DEFAULTS.maxQueryDepth, 2, 100),
      maxQueryCost: read.int('MAX_QUERY_COST', DEFAULTS.maxQueryCost, 1, 10_000_000),
      maxAliases: read.int('MAX_ALIASES', DEFAULTS.maxAliases, 1, 10_000),
      maxQueryTokens: read.int('MAX_QUERY_TOKENS', DEFAULTS.maxQueryTokens, 100, 1_000_000),
      maxQueryBytes: read.int('MAX_QUERY_BYTES', DEFAULTS.maxQueryBytes, 1024, 64 * 1024 * 1024),
    },
    subscriptions: {
      queueLimit: read.int('SUBSCRIBER_QUEUE_LIMIT', DEFAULTS.subscriberQueueLimit, 1, 1_000_000),
      connectionInitWaitTimeoutMs: read.int('WS_CONNECTION_INIT_TIMEOUT_MS', DEFAULTS.wsConnectionInitWaitTimeoutMs, 100, 60_000),
      keepAliveMs: read.int('WS_KEEPALIVE_MS', DEFAULTS.wsKeepAliveMs, 0, 600_000),
    },
    graphql: {
      introspection: read.onOff('GRAPHQL_INTROSPECTION', nodeEnv !== 'production'),
      landingPage: read.onOff('GRAPHQL_LANDING_PAGE', nodeEnv !== 'production'),
    },
    sandbox: {
      port: read.int('SANDBOX_PORT', DEFAULTS.sandboxPort, 0, 65535),
      host: read.string('SANDBOX_HOST') ?? '127.0.0.1',
      webhookUrl: read.string('SANDBOX_WEBHOOK_URL'),
      appSecret: read.string('SANDBOX_APP_SECRET') ?? DEFAULTS.sandboxAppSecret,
      accessToken: read.string('SANDBOX_ACCESS_TOKEN') ?? DEFAULTS.sandboxAccessToken,
      phoneNumberIds: read.list('SANDBOX_PHONE_NUMBER_IDS').length > 0 ? read.list('SANDBOX_PHONE_NUMBER_IDS') : DEFAULTS.sandboxPhoneNumberIds,
    },
  };

  if (problems.length > 0) throw new ConfigError(problems);
  return deepFreeze(config);
}

/** A summary safe for logs: secrets are reported as counts or booleans, never as values. */
export function redactConfig(config: Config): Record<string, unknown> {
  return {
    nodeEnv: config.nodeEnv,
    mode: config.mode,
    http: { host: config.http.host, port: config.http.port },
    upstream: {
      baseUrl: config.upstream.baseUrl,
      apiVersion: config.upstream.apiVersion,
      accessToken: config.upstream.accessToken === null ? 'unset' : 'set',
      defaultPhoneNumberId: config.upstream.defaultPhoneNumberId,
      batch: config.upstream.batch,
      concurrency: config.upstream.concurrency,
    },
    redis: config.redis.url === null ? 'in-process' : redactUrl(config.redis.url),
    webhooks: {
      meta: { appSecrets: config.webhooks.meta.appSecrets.length, verifyToken: config.webhooks.meta.verifyToken !== null },
      whapi: { tokens: config.webhooks.whapi.tokens.length },
      ycloud: { secrets: config.webhooks.ycloud.secrets.length },
    },
    auth: {
      enabled: config.auth.enabled,
      apiKeysFile: config.auth.apiKeysFile,
      inlineApiKeys: config.auth.apiKeys !== null,
    },
    limits: config.limits,
  };
}

function redactUrl(raw: string): string {
  const url = new URL(raw);
  if (url.password) url.password = '***';
  return url.toString();
}

function createReaders(env: Env, problems: string[]) {
  const raw = (name: string): string | null => {
    const value = env[name];
    return value === undefined || value.trim() === '' ? null : value.trim();
  };
  return {
    string: raw,
    list(name: string): string[] {
      const value = raw(name);
      return value === null ? [] : value.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
    },
    int(name: string, fallback: number, min: number, max: number): number {
      const value = raw(name);
      if (value === null) return fallback;
      const n = Number(value);
      if (!Number.isInteger(n) || n < min || n > max) {
        problems.push(`${name} must be an integer from ${min} to ${max}, got "${value}"`);
        return fallback;
      }
      return n;
    },
    onOff(name: string, fallback: boolean): boolean {
      const value = raw(name);
      if (value === null) return fallback;
      const lower = value.toLowerCase();
      if (['on', 'true', '1', 'yes'].includes(lower)) return true;
      if (['off', 'false', '0', 'no'].includes(lower)) return false;
      problems.push(`${name} must be "on" or "off", got "${value}"`);
      return fallback;
    },
    oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
      const value = raw(name);
      if (value === null) return fallback;
      if ((allowed as readonly string[]).includes(value)) return value as T;
      problems.push(`${name} must be one of ${allowed.join(', ')}, got "${value}"`);
      return fallback;
    },
    url(name: string, value: string): string | null {
      try {
        const url = new URL(value);
        if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('protocol');
        return value.replace(/\/+$/, '');
      } catch {
        problems.push(`${name} must be an http(s) URL, got "${value}"`);
        return null;
      }
    },
    redisUrl(name: string): string | null {
      const value = raw(name);
      if (value === null) return null;
      try {
        const url = new URL(value);
        if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') throw new Error('protocol');
        return value;
      } catch {
        problems.push(`${name} must be a redis:// or rediss:// URL, got "${value.replace(/:[^:@/]*@/, ':***@')}"`);
        return null;
      }
    },
  };
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const child of Object.values(value as Record<string, unknown>)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
