import type { LogFormat, LogLevel } from '../lib/logger';
import { ConfigError } from './config-error';
import type { CorsConfig } from './cors-config';
import { parseCorsConfig } from './cors-config';
import { DEFAULTS } from './defaults';
import { describeUnknownVariable, findUnknownVariables } from './unknown-variables';
import { KNOWN_VARIABLE_NAMES } from './variables';

export type NodeEnv = 'development' | 'test' | 'production';

/**
 * The validated, frozen configuration. Parts receive only their slice.
 * `mode: 'sandbox'` means no upstream was configured: the gateway starts the embedded Groups API emulator.
 */
export interface Config {
  readonly nodeEnv: NodeEnv;
  readonly logLevel: LogLevel;
  /** `pretty` (pino-pretty, a development dependency) is refused in production. */
  readonly logFormat: LogFormat;
  readonly mode: 'sandbox' | 'upstream';
  /** Problems that do not stop a start outside production (unknown variables); main.ts logs them as warnings. */
  readonly warnings: readonly string[];
  readonly http: {
    readonly host: string;
    readonly port: number;
    readonly graphqlBodyLimitBytes: number;
    readonly webhookBodyLimitBytes: number;
    readonly uploadLimitBytes: number;
    /** Node's headersTimeout: the headers of a request must arrive within it (slowloris). */
    readonly headersTimeoutMs: number;
    /** Node's requestTimeout: the whole request, body included, must arrive within it. */
    readonly requestTimeoutMs: number;
    /** Fastify's connectionTimeout: a socket silent this long is closed (SSE streams and WebSockets are exempt). */
    readonly connectionTimeoutMs: number;
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
  /** At most one of `url` (one Redis) and `cluster` (a Redis Cluster) is set; neither: in-process parts. */
  readonly redis: {
    readonly url: string | null;
    readonly cluster: RedisClusterConfig | null;
    readonly keyPrefix: string;
    /**
     * REDIS_WAIT_REPLICAS / REDIS_WAIT_TIMEOUT_MS: a webhook is acknowledged only once this many replicas of every
     * master its events were written to have them (WAIT), so acknowledged events survive a failover.
     */
    readonly wait: { readonly replicas: number; readonly timeoutMs: number };
  };
  readonly events: { readonly retentionSeconds: number; readonly dedupeTtlSeconds: number; readonly operationTtlSeconds: number };
  /** TTLs of the group metadata caches and of the response cache; the response cache's size per instance (0: off). */
  readonly cache: { readonly groupTtlSeconds: number; readonly responseMaxBytes: number };
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
    /** Open WebSocket connections per API key on this instance; the next is closed with 4429. */
    readonly maxConnectionsPerKey: number;
    /** connection_init messages per API key, or per remote address for ones that fail authentication. */
    readonly connectionInitRate: { readonly perMinute: number; readonly burst: number };
  };
  /** `landingPage`: the bundled GraphiQL IDE at `GET /graphql` (Accept: text/html), and `GET /` redirecting there. */
  readonly graphql: {
    readonly introspection: boolean;
    readonly landingPage: boolean;
    /** GRAPHQL_EXPOSE_STACKTRACES: stack traces in error responses (never in production; the log always has them). */
    readonly exposeStacktraces: boolean;
    /** GRAPHQL_TRUSTED_DOCUMENTS_FILE: JSON map of sha256 → document (the trusted documents), or null. */
    readonly trustedDocumentsFile: string | null;
  };
  /** Browser pages on other origins: CORS answers and the WebSocket `Origin` check (README "Browser apps"). */
  readonly cors: CorsConfig;
  /** Prometheus metrics on a listener of their own (README "Observability"); `port: null` when METRICS_PORT=off. */
  readonly metrics: { readonly port: number | null; readonly host: string };
  /**
   * OpenTelemetry traces: on when OTEL_EXPORTER_OTLP_ENDPOINT (or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) is set or
   * OTEL_TRACES_EXPORTER names an exporter; `otel` holds every OTEL_* variable for the tracing setup to read.
   */
  readonly tracing: { readonly enabled: boolean; readonly otel: Readonly<Record<string, string>> };
  /** The embedded Groups API emulator (sandbox mode, `npm run sandbox`). Its secrets are dev-only values. */
  readonly sandbox: {
    readonly port: number;
    /** SANDBOX_PORT was set: the embedded sandbox must get exactly this port (else it may move to a free one). */
    readonly portExplicit: boolean;
    readonly host: string;
    /** Where the sandbox POSTs its signed webhooks; in sandbox mode the gateway points it at its own /webhooks/meta. */
    readonly webhookUrl: string | null;
    readonly appSecret: string;
    readonly accessToken: string;
    /** Business phone numbers the sandbox emulates; the first is the default. */
    readonly phoneNumberIds: readonly string[];
  };
}

/** REDIS_CLUSTER_NODES and its companions: the seeds ioredis' Cluster discovers the rest of the cluster from. */
export interface RedisClusterConfig {
  readonly nodes: readonly { readonly host: string; readonly port: number }[];
  /** REDIS_CLUSTER_PASSWORD: every node's AUTH password (the cluster announces nodes without credentials). */
  readonly password: string | null;
  /** Seeds written `rediss://host:port` (all of them): TLS to every node, as `rediss://` does for REDIS_URL. */
  readonly tls: boolean;
}

type Env = Readonly<Record<string, string | undefined>>;

export interface LoadConfigOptions {
  /**
   * `sandbox`: the configuration of `npm run sandbox`, which has no upstream of its own, so nothing about the
   * upstream is required. @default 'gateway'
   */
  program?: 'gateway' | 'sandbox';
}

/** Reads the environment once, validates everything, and throws one ConfigError listing every problem. */
export function loadConfig(env: Env, options: LoadConfigOptions = {}): Config {
  const problems: string[] = [];
  const warnings: string[] = [];
  const read = createReaders(env, problems);

  const nodeEnv = read.oneOf('NODE_ENV', ['development', 'test', 'production'] as const, 'development');
  const production = nodeEnv === 'production';
  const graphApiUrlRaw = read.string('GRAPH_API_URL');
  const accessToken = read.string('WHATSAPP_ACCESS_TOKEN');
  const mode = resolveMode({ sandbox: read.onOffOrNull('SANDBOX'), production, graphApiUrl: graphApiUrlRaw, accessToken, program: options.program ?? 'gateway', problems });
  const baseUrl = graphApiUrlRaw === null ? (mode === 'sandbox' ? null : DEFAULTS.graphApiUrl) : read.url('GRAPH_API_URL', graphApiUrlRaw);
  const apiVersion = read.string('GRAPH_API_VERSION') ?? DEFAULTS.graphApiVersion;
  if (!/^v\d+\.\d+$/.test(apiVersion)) problems.push(`GRAPH_API_VERSION must look like v23.0, got "${apiVersion}"`);

  const logFormat = read.oneOf('LOG_FORMAT', ['json', 'pretty'] as const, 'json');
  if (production && logFormat === 'pretty') problems.push('LOG_FORMAT=pretty is for development (pino-pretty is a development dependency); use LOG_FORMAT=json in production');
  const exposeStacktraces = read.onOff('GRAPHQL_EXPOSE_STACKTRACES', false);
  const headersTimeoutMs = read.int('HTTP_HEADERS_TIMEOUT_MS', DEFAULTS.httpHeadersTimeoutMs, 100, 600_000);
  const requestTimeoutMs = read.int('HTTP_REQUEST_TIMEOUT_MS', DEFAULTS.httpRequestTimeoutMs, 100, 3_600_000);
  // Node refuses a headers timeout above the request timeout (the headers are part of the request).
  if (headersTimeoutMs > requestTimeoutMs) problems.push(`HTTP_HEADERS_TIMEOUT_MS (${headersTimeoutMs}) must not exceed HTTP_REQUEST_TIMEOUT_MS (${requestTimeoutMs}): the headers are part of the request`);
  if (production && exposeStacktraces) problems.push('GRAPHQL_EXPOSE_STACKTRACES=on is refused in production: stack traces tell attackers about the code; they are in the log');

  for (const unknown of findUnknownVariables(env, KNOWN_VARIABLE_NAMES)) (production ? problems : warnings).push(describeUnknownVariable(unknown));

  const authDefault = mode === 'upstream';
  const auth = {
    enabled: read.onOff('GATEWAY_AUTH', authDefault),
    apiKeysFile: read.string('GATEWAY_API_KEYS_FILE'),
    apiKeys: read.string('GATEWAY_API_KEYS'),
    reloadIntervalMs: read.int('GATEWAY_API_KEYS_RELOAD_MS', DEFAULTS.apiKeysReloadIntervalMs, 100, 3_600_000),
  };
  // Outside production the gateway says the same when it loads the keys; here it joins the other missing variables.
  if (production && mode === 'upstream' && auth.enabled && auth.apiKeysFile === null && auth.apiKeys === null) {
    problems.push('GATEWAY_API_KEYS_FILE (or GATEWAY_API_KEYS) is required in production: GATEWAY_AUTH is on but no API key is configured (create keys with `npm run api-key:create`)');
  }
  const redisUrl = read.redisUrl('REDIS_URL');
  const redisCluster = read.redisCluster('REDIS_CLUSTER_NODES', 'REDIS_CLUSTER_PASSWORD');
  if (redisUrl !== null && redisCluster !== null) {
    problems.push('REDIS_URL and REDIS_CLUSTER_NODES are both set: set REDIS_URL for one Redis server or REDIS_CLUSTER_NODES for a Redis Cluster, not both');
  }
  if (redisCluster === null && read.string('REDIS_CLUSTER_PASSWORD') !== null) {
    problems.push('REDIS_CLUSTER_PASSWORD is set without REDIS_CLUSTER_NODES: it is the password of the cluster nodes (for one Redis server put it in REDIS_URL)');
  }
  const config: Config = {
    nodeEnv,
    logFormat,
    warnings,
    logLevel: read.oneOf('LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, DEFAULTS.logLevel),
    mode,
    http: {
      host: read.string('HOST') ?? DEFAULTS.host,
      port: read.int('PORT', DEFAULTS.port, 0, 65535),
      graphqlBodyLimitBytes: read.int('GRAPHQL_BODY_LIMIT_BYTES', DEFAULTS.graphqlBodyLimitBytes, 1024, 64 * 1024 * 1024),
      webhookBodyLimitBytes: DEFAULTS.webhookBodyLimitBytes,
      uploadLimitBytes: read.int('UPLOAD_LIMIT_BYTES', DEFAULTS.uploadLimitBytes, 1024, 100 * 1024 * 1024),
      headersTimeoutMs,
      requestTimeoutMs,
      connectionTimeoutMs: read.int('HTTP_CONNECTION_TIMEOUT_MS', DEFAULTS.httpConnectionTimeoutMs, 1_000, 3_600_000),
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
      url: redisUrl,
      cluster: redisCluster,
      keyPrefix: read.string('REDIS_KEY_PREFIX') ?? DEFAULTS.redisKeyPrefix,
      wait: {
        // A cluster's masters have replicas (failover needs them); a single server usually has none.
        replicas: read.int('REDIS_WAIT_REPLICAS', redisCluster === null ? 0 : DEFAULTS.redisClusterWaitReplicas, 0, 16),
        // Below the Redis command timeout (2 s), which would otherwise end the WAIT first.
        timeoutMs: read.int('REDIS_WAIT_TIMEOUT_MS', DEFAULTS.redisWaitTimeoutMs, 10, 1_500),
      },
    },
    events: {
      retentionSeconds: read.int('EVENT_LOG_RETENTION_SECONDS', DEFAULTS.eventLogRetentionSeconds, 60, 365 * 24 * 3600),
      dedupeTtlSeconds: read.int('WEBHOOK_DEDUPE_TTL_SECONDS', DEFAULTS.dedupeTtlSeconds, 60, 365 * 24 * 3600),
      operationTtlSeconds: read.int('OPERATION_TTL_SECONDS', DEFAULTS.operationTtlSeconds, 60, 365 * 24 * 3600),
    },
    cache: {
      groupTtlSeconds: read.int('GROUP_CACHE_TTL_SECONDS', DEFAULTS.groupCacheTtlSeconds, 0, 7 * 24 * 3600),
      responseMaxBytes: read.int('GRAPHQL_RESPONSE_CACHE_MAX_BYTES', DEFAULTS.responseCacheMaxBytes, 0, 16 * 1024 * 1024 * 1024),
    },
    webhooks: {
      meta: { appSecrets: read.list('META_APP_SECRET'), verifyToken: read.string('WEBHOOK_VERIFY_TOKEN') },
      whapi: { tokens: read.list('WHAPI_WEBHOOK_TOKEN') },
      ycloud: {
        secrets: read.list('YCLOUD_WEBHOOK_SECRET'),
        toleranceSeconds: read.int('YCLOUD_TOLERANCE_SECONDS', DEFAULTS.ycloudToleranceSeconds, 1, 24 * 3600),
      },
    },
    auth,
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
      maxConnectionsPerKey: read.int('MAX_CONNECTIONS_PER_KEY', DEFAULTS.maxConnectionsPerKey, 1, 100_000),
      connectionInitRate: {
        perMinute: read.int('WS_CONNECTION_INIT_PER_MINUTE', DEFAULTS.wsConnectionInitsPerMinute, 1, 1_000_000),
        burst: read.int('WS_CONNECTION_INIT_BURST', DEFAULTS.wsConnectionInitBurst, 1, 1_000_000),
      },
    },
    graphql: {
      introspection: read.onOff('GRAPHQL_INTROSPECTION', nodeEnv !== 'production'),
      landingPage: read.onOff('GRAPHQL_LANDING_PAGE', nodeEnv !== 'production'),
      exposeStacktraces,
      trustedDocumentsFile: read.string('GRAPHQL_TRUSTED_DOCUMENTS_FILE'),
    },
    cors: parseCorsConfig(
      { origins: read.string('CORS_ORIGINS'), credentials: read.onOff('CORS_CREDENTIALS', false), localDefault: mode === 'sandbox' || nodeEnv === 'development' },
      problems,
    ),
    metrics: readMetrics(read, problems),
    tracing: readTracing(env, problems),
    sandbox: {
      port: read.int('SANDBOX_PORT', DEFAULTS.sandboxPort, 0, 65535),
      portExplicit: read.string('SANDBOX_PORT') !== null,
      host: read.string('SANDBOX_HOST') ?? DEFAULTS.sandboxHost,
      webhookUrl: read.string('SANDBOX_WEBHOOK_URL'),
      appSecret: read.string('SANDBOX_APP_SECRET') ?? DEFAULTS.sandboxAppSecret,
      accessToken: read.string('SANDBOX_ACCESS_TOKEN') ?? DEFAULTS.sandboxAccessToken,
      phoneNumberIds: read.list('SANDBOX_PHONE_NUMBER_IDS').length > 0 ? read.list('SANDBOX_PHONE_NUMBER_IDS') : DEFAULTS.sandboxPhoneNumberIds,
    },
  };

  if (problems.length > 0) throw new ConfigError(problems);
  return deepFreeze(config);
}

/** METRICS_PORT: a port (0 picks a free one, for tests) or `off`; METRICS_HOST defaults to HOST. */
function readMetrics(read: ReturnType<typeof createReaders>, problems: string[]): Config['metrics'] {
  const host = read.string('METRICS_HOST') ?? read.string('HOST') ?? DEFAULTS.host;
  const raw = read.string('METRICS_PORT');
  if (raw === null) return { port: DEFAULTS.metricsPort, host };
  if (raw.toLowerCase() === 'off') return { port: null, host };
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    problems.push(`METRICS_PORT must be a port from 0 to 65535 (0: any free port) or off, got "${raw}"`);
    return { port: null, host };
  }
  return { port, host };
}

/**
 * Tracing is off (and costs nothing) unless an OTLP endpoint is configured or OTEL_TRACES_EXPORTER asks for an
 * exporter. Only OTLP over HTTP with JSON bodies is built in: other protocols are refused here, not at the first export.
 */
function readTracing(env: Env, problems: string[]): Config['tracing'] {
  const otel: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (name.startsWith('OTEL_') && value !== undefined && value.trim() !== '') otel[name] = value.trim();
  }
  const exporter = otel.OTEL_TRACES_EXPORTER?.toLowerCase() ?? null;
  if (exporter !== null && !['otlp', 'console', 'none'].includes(exporter)) problems.push(`OTEL_TRACES_EXPORTER must be otlp, console or none, got "${otel.OTEL_TRACES_EXPORTER}"`);
  const endpoint = otel.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? otel.OTEL_EXPORTER_OTLP_ENDPOINT ?? null;
  const enabled = exporter === null ? endpoint !== null : exporter !== 'none';
  const protocol = otel.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL ?? otel.OTEL_EXPORTER_OTLP_PROTOCOL ?? 'http/json';
  if (enabled && exporter !== 'console' && protocol !== 'http/json') {
    problems.push(`OTEL_EXPORTER_OTLP_PROTOCOL: the gateway exports traces as OTLP over HTTP with JSON bodies; set it to http/json (or unset it), got "${protocol}"`);
  }
  if (enabled && exporter !== 'console' && endpoint === null) problems.push('OTEL_TRACES_EXPORTER=otlp needs OTEL_EXPORTER_OTLP_ENDPOINT (e.g. http://collector:4318)');
  // Off, the OTEL_* values mean nothing: the configuration is the same as with none set.
  return { enabled, otel: enabled ? otel : {} };
}

/**
 * Sandbox or a real upstream. SANDBOX=on/off decides when set; unset, the sandbox runs only outside production and
 * only when no upstream is configured, so a production start whose secret did not arrive fails instead of serving
 * an open emulator.
 */
function resolveMode(input: {
  sandbox: boolean | null;
  production: boolean;
  graphApiUrl: string | null;
  accessToken: string | null;
  program: 'gateway' | 'sandbox';
  problems: string[];
}): 'sandbox' | 'upstream' {
  const upstreamConfigured = input.graphApiUrl !== null || input.accessToken !== null;
  if (input.program === 'sandbox') return 'sandbox';
  if (input.sandbox === true) {
    if (upstreamConfigured) {
      const set = [input.graphApiUrl === null ? null : 'GRAPH_API_URL', input.accessToken === null ? null : 'WHATSAPP_ACCESS_TOKEN'].filter((name) => name !== null);
      input.problems.push(`SANDBOX=on runs the embedded emulator, but ${set.join(' and ')} configure${set.length === 1 ? 's' : ''} a real upstream: unset ${set.length === 1 ? 'it' : 'them'}, or set SANDBOX=off`);
    }
    return 'sandbox';
  }
  const mode = input.sandbox === false || input.production || upstreamConfigured ? 'upstream' : 'sandbox';
  if (mode === 'upstream' && input.accessToken === null) {
    if (input.sandbox === null && input.production && input.graphApiUrl === null) {
      input.problems.push(
        'WHATSAPP_ACCESS_TOKEN is required in production (the Graph API bearer token; is the secret mounted, and spelled right?). NODE_ENV=production never starts the embedded sandbox on its own: set SANDBOX=on to run it on purpose',
      );
    } else {
      const why = input.sandbox === false ? 'SANDBOX=off' : input.graphApiUrl !== null ? 'GRAPH_API_URL is set' : 'an upstream is configured';
      input.problems.push(`WHATSAPP_ACCESS_TOKEN is required when ${why} (the Graph API bearer token); leave SANDBOX, GRAPH_API_URL and WHATSAPP_ACCESS_TOKEN unset to run the embedded sandbox outside production`);
    }
  }
  return mode;
}

/** A summary safe for logs: secrets are reported as counts or booleans, never as values. */
export function redactConfig(config: Config): Record<string, unknown> {
  return {
    nodeEnv: config.nodeEnv,
    mode: config.mode,
    logFormat: config.logFormat,
    http: { host: config.http.host, port: config.http.port },
    upstream: {
      baseUrl: config.upstream.baseUrl,
      apiVersion: config.upstream.apiVersion,
      accessToken: config.upstream.accessToken === null ? 'unset' : 'set',
      defaultPhoneNumberId: config.upstream.defaultPhoneNumberId,
      batch: config.upstream.batch,
      concurrency: config.upstream.concurrency,
    },
    redis:
      config.redis.cluster !== null
        ? {
            cluster: config.redis.cluster.nodes.map((n) => `${n.host}:${n.port}`),
            tls: config.redis.cluster.tls,
            password: config.redis.cluster.password === null ? 'unset' : 'set',
            waitReplicas: config.redis.wait.replicas,
          }
        : config.redis.url === null
          ? 'in-process'
          : redactUrl(config.redis.url),
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
    cors: config.cors,
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
  /** null when unset, or when invalid (the problem is recorded). */
  const onOffOrNull = (name: string): boolean | null => {
    const value = raw(name);
    if (value === null) return null;
    const lower = value.toLowerCase();
    if (['on', 'true', '1', 'yes'].includes(lower)) return true;
    if (['off', 'false', '0', 'no'].includes(lower)) return false;
    problems.push(`${name} must be "on" or "off", got "${value}"`);
    return null;
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
      return onOffOrNull(name) ?? fallback;
    },
    onOffOrNull,
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
    /** `host:port` or `redis[s]://host:port` seeds, comma-separated; null when unset or invalid (problems recorded). */
    redisCluster(name: string, passwordName: string): RedisClusterConfig | null {
      const value = raw(name);
      if (value === null) return null;
      const nodes: { host: string; port: number }[] = [];
      const schemes = new Set<string>();
      for (const seed of value.split(',').map((s) => s.trim()).filter((s) => s.length > 0)) {
        const parsed = parseSeed(seed);
        if (typeof parsed === 'string') {
          problems.push(`${name}: ${parsed}`);
          continue;
        }
        schemes.add(parsed.scheme);
        nodes.push({ host: parsed.host, port: parsed.port });
      }
      if (schemes.size > 1) problems.push(`${name} mixes rediss:// seeds with plain ones: TLS is on for every node or for none; write every seed as rediss://host:port or none`);
      if (nodes.length === 0) {
        if (!problems.some((p) => p.startsWith(`${name}:`))) problems.push(`${name} must list at least one host:port seed, got "${value}"`);
        return null;
      }
      return { nodes, password: raw(passwordName), tls: schemes.has('rediss') };
    },
  };
}

/** One seed of REDIS_CLUSTER_NODES, or what is wrong with it. */
function parseSeed(seed: string): { scheme: 'redis' | 'rediss'; host: string; port: number } | string {
  const match = /^(?:(rediss?):\/\/)?([^\s:/@]+|\[[0-9a-fA-F:]+\]):(\d{1,5})\/?$/.exec(seed);
  if (match === null) {
    return seed.includes('@')
      ? `a seed carries no credentials (put the password in REDIS_CLUSTER_PASSWORD), got "${seed.replace(/:[^:@/]*@/, ':***@')}"`
      : `every seed must be host:port (or redis://host:port, rediss://host:port), got "${seed}"`;
  }
  const port = Number(match[3]);
  if (port < 1 || port > 65535) return `port must be 1-65535, got "${seed}"`;
  return { scheme: match[1] === 'rediss' ? 'rediss' : 'redis', host: match[2].replace(/^\[|\]$/g, ''), port };
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const child of Object.values(value as Record<string, unknown>)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
