import { DEFAULTS } from './defaults';

/**
 * A documented default: a literal value, `null` for "unset", or a rule when it depends on other variables.
 * Literal values are what `.env.example` writes after `=`; rules become a comment.
 */
export type VariableDefault = string | null | { readonly rule: string };

export interface VariableSpec {
  readonly name: string;
  readonly default: VariableDefault;
  /** One line, for `.env.example` and the README. */
  readonly meaning: string;
}

export interface VariableSection {
  readonly title: string;
  readonly variables: readonly VariableSpec[];
}

const unset = null;
const rule = (text: string): { rule: string } => ({ rule: text });
const seconds = (value: number): string => String(value);

/**
 * Every environment variable the gateway (and `npm run sandbox`) knows: the one list from which `.env.example` is
 * generated (`npm run env:example`, checked by a test), and against which unknown names are reported at start-up.
 * Some are read by parts configured elsewhere (CORS, metrics, tracing, trusted documents); they are
 * listed here so that they are documented and never reported as unknown.
 */
export const VARIABLE_SECTIONS: readonly VariableSection[] = [
  {
    title: 'Process',
    variables: [
      { name: 'NODE_ENV', default: 'development', meaning: 'development, test or production; production masks internal errors, turns introspection off and never starts the sandbox unless SANDBOX=on' },
      { name: 'PORT', default: String(DEFAULTS.port), meaning: 'HTTP and WebSocket listen port' },
      { name: 'HOST', default: DEFAULTS.host, meaning: 'listen address' },
      { name: 'LOG_LEVEL', default: DEFAULTS.logLevel, meaning: 'pino level: fatal, error, warn, info, debug, trace or silent' },
      { name: 'LOG_FORMAT', default: 'json', meaning: 'json (one JSON object per line) or pretty (coloured lines via pino-pretty; development only, refused in production)' },
    ],
  },
  {
    title: 'Upstream: the WhatsApp Cloud Groups API',
    variables: [
      { name: 'SANDBOX', default: rule('on outside production when neither GRAPH_API_URL nor WHATSAPP_ACCESS_TOKEN is set, else off'), meaning: 'on: run the embedded Groups API emulator instead of Meta (in production only when set explicitly)' },
      { name: 'WHATSAPP_ACCESS_TOKEN', default: unset, meaning: 'bearer token for the Graph API; required unless the sandbox runs' },
      { name: 'WHATSAPP_PHONE_NUMBER_ID', default: rule('unset; in sandbox mode the first sandbox number'), meaning: 'business phone number id used where an operation omits phoneNumberId' },
      { name: 'GRAPH_API_URL', default: rule(`${DEFAULTS.graphApiUrl} (setting it, even to that, selects the upstream over the sandbox)`), meaning: 'base URL of the Groups API (point it at `npm run sandbox` or another emulator)' },
      { name: 'GRAPH_API_VERSION', default: DEFAULTS.graphApiVersion, meaning: 'Graph API path version segment' },
      { name: 'GRAPH_API_BATCH', default: 'on', meaning: 'on: loaders coalesce metadata reads into Graph batch requests (at most 50 each); off: parallel single GETs' },
      { name: 'GRAPH_API_CONCURRENCY', default: String(DEFAULTS.graphApiConcurrency), meaning: 'single GETs (or batch chunks) in flight per request' },
      { name: 'GRAPH_API_REQUEST_DEADLINE_MS', default: String(DEFAULTS.graphApiRequestDeadlineMs), meaning: 'the upstream calls of one GraphQL request (or subscription event) end by then, every retry and wait included; it also caps each single call (100-600000)' },
      { name: 'GRAPH_API_BREAKER_FAILURES', default: String(DEFAULTS.graphApiBreakerFailures), meaning: 'consecutive failed attempts (timeout, no connection, 5xx) that open the circuit breaker' },
      { name: 'GRAPH_API_BREAKER_OPEN_MS', default: String(DEFAULTS.graphApiBreakerOpenMs), meaning: 'how long an open breaker fails fast (UPSTREAM_UNAVAILABLE) before one probe' },
      { name: 'GRAPH_API_TIMEOUT_MS', default: String(DEFAULTS.graphApiTimeoutMs), meaning: 'timeout of one upstream HTTP request, in milliseconds' },
      { name: 'GRAPH_API_MAX_RETRIES', default: String(DEFAULTS.graphApiMaxRetries), meaning: 'retries of idempotent reads on network errors, 5xx and rate limits (exponential backoff, Retry-After honoured)' },
    ],
  },
  {
    title: 'Webhooks',
    variables: [
      { name: 'META_APP_SECRET', default: unset, meaning: 'app secret(s) verifying X-Hub-Signature-256; comma-separated during a rotation' },
      { name: 'WEBHOOK_VERIFY_TOKEN', default: unset, meaning: "token answering Meta's GET verification handshake" },
      { name: 'WHAPI_WEBHOOK_TOKEN', default: unset, meaning: 'shared secret(s) Whapi.Cloud sends as Authorization: Bearer <token>; comma-separated during a rotation' },
      { name: 'YCLOUD_WEBHOOK_SECRET', default: unset, meaning: 'endpoint secret(s) verifying YCloud-Signature; comma-separated during a rotation' },
      { name: 'YCLOUD_TOLERANCE_SECONDS', default: seconds(DEFAULTS.ycloudToleranceSeconds), meaning: 'YCloud signature replay window, in seconds' },
      { name: 'WEBHOOK_DEDUPE_TTL_SECONDS', default: seconds(DEFAULTS.dedupeTtlSeconds), meaning: 'how long a delivered event id is remembered, in seconds (Meta retries for up to 7 days)' },
    ],
  },
  {
    title: 'Events, cache and stores',
    variables: [
      { name: 'REDIS_URL', default: unset, meaning: 'unset: in-process bus, log, cache and stores (one instance); set: Redis pub/sub, Streams and stores shared by every instance' },
      { name: 'REDIS_CLUSTER_NODES', default: unset, meaning: 'comma-separated host:port seeds of a Redis Cluster (rediss://host:port on every seed for TLS); excludes REDIS_URL' },
      { name: 'REDIS_CLUSTER_PASSWORD', default: unset, meaning: 'AUTH password of the Redis Cluster nodes (only with REDIS_CLUSTER_NODES)' },
      { name: 'REDIS_WAIT_REPLICAS', default: rule(`${DEFAULTS.redisClusterWaitReplicas} with REDIS_CLUSTER_NODES, else 0`), meaning: 'replicas that must hold a webhook\'s events (WAIT on each master written) before it is answered 200; fewer within REDIS_WAIT_TIMEOUT_MS: 503, the provider retries (0: no WAIT)' },
      { name: 'REDIS_WAIT_TIMEOUT_MS', default: String(DEFAULTS.redisWaitTimeoutMs), meaning: 'how long one WAIT for REDIS_WAIT_REPLICAS may take, in milliseconds (10 to 1500)' },
      { name: 'REDIS_KEY_PREFIX', default: DEFAULTS.redisKeyPrefix, meaning: 'prefix of every Redis key and pub/sub channel the gateway uses' },
      { name: 'EVENT_LOG_RETENTION_SECONDS', default: seconds(DEFAULTS.eventLogRetentionSeconds), meaning: 'how long the event log keeps events, in seconds; older cursors get CURSOR_EXPIRED' },
      { name: 'GROUP_CACHE_TTL_SECONDS', default: seconds(DEFAULTS.groupCacheTtlSeconds), meaning: 'group metadata cache TTL, in seconds (0 disables); webhook events invalidate earlier' },
      { name: 'OPERATION_TTL_SECONDS', default: seconds(DEFAULTS.operationTtlSeconds), meaning: 'how long async operations (createGroup, ...) are kept, in seconds' },
      { name: 'SUBSCRIBER_QUEUE_LIMIT', default: String(DEFAULTS.subscriberQueueLimit), meaning: 'events a live subscriber may fall behind by before SUBSCRIBER_TOO_SLOW (queued for it, or, for a WebSocket subscriber on the broadcast path, frames of that size unsent in its socket)' },
    ],
  },
  {
    title: 'GraphQL over HTTP and WebSocket',
    variables: [
      { name: 'GRAPHQL_BODY_LIMIT_BYTES', default: String(DEFAULTS.graphqlBodyLimitBytes), meaning: 'largest JSON GraphQL request body, in bytes' },
      {
        name: 'UPLOAD_LIMIT_BYTES',
        default: String(DEFAULTS.uploadLimitBytes),
        meaning: 'largest file of a multipart GraphQL request (uploadMedia, profile pictures), in bytes, held in memory while it is sent on; at most 104857600 (documents up to 100 MB)',
      },
      { name: 'HTTP_HEADERS_TIMEOUT_MS', default: String(DEFAULTS.httpHeadersTimeoutMs), meaning: 'a request whose headers have not all arrived by then is answered 408 and its connection closed (slow-header clients), in milliseconds' },
      { name: 'HTTP_REQUEST_TIMEOUT_MS', default: String(DEFAULTS.httpRequestTimeoutMs), meaning: 'a request (headers and body) that has not fully arrived by then is answered 408 and closed, in milliseconds; at least HTTP_HEADERS_TIMEOUT_MS' },
      { name: 'HTTP_CONNECTION_TIMEOUT_MS', default: String(DEFAULTS.httpConnectionTimeoutMs), meaning: 'an HTTP connection silent this long is closed (SSE streams and WebSockets excepted), in milliseconds' },
      { name: 'GRAPHQL_INTROSPECTION', default: rule('on outside production'), meaning: 'schema introspection (HTTP and WebSocket)' },
      { name: 'GRAPHQL_LANDING_PAGE', default: rule('on outside production'), meaning: 'the browser landing page on GET /graphql' },
      { name: 'GRAPHQL_EXPOSE_STACKTRACES', default: 'off', meaning: 'on: error responses carry stack traces (development and test only; stacks are always in the log)' },
      { name: 'GRAPHQL_RESPONSE_CACHE_MAX_BYTES', default: String(DEFAULTS.responseCacheMaxBytes), meaning: 'bytes of whole query answers each instance keeps (least recently used out; 0 disables); TTL GROUP_CACHE_TTL_SECONDS, events invalidate earlier' },
      { name: 'GRAPHQL_TRUSTED_DOCUMENTS_FILE', default: unset, meaning: 'JSON map of sha256 to document; keys marked trustedDocumentsOnly may run only these' },
      { name: 'WS_CONNECTION_INIT_TIMEOUT_MS', default: String(DEFAULTS.wsConnectionInitWaitTimeoutMs), meaning: 'graphql-ws: sockets sending no connection_init in time are closed (4408), in milliseconds' },
      { name: 'WS_KEEPALIVE_MS', default: String(DEFAULTS.wsKeepAliveMs), meaning: 'graphql-ws ping interval in milliseconds (0 disables)' },
      { name: 'MAX_CONNECTIONS_PER_KEY', default: String(DEFAULTS.maxConnectionsPerKey), meaning: 'open WebSocket connections per API key, per instance; the next one is closed with 4429' },
      { name: 'WS_CONNECTION_INIT_PER_MINUTE', default: String(DEFAULTS.wsConnectionInitsPerMinute), meaning: 'steady rate of WebSocket connection_init per API key (per remote address for ones with no valid key); beyond it: 4429' },
      { name: 'WS_CONNECTION_INIT_BURST', default: String(DEFAULTS.wsConnectionInitBurst), meaning: 'WebSocket connection_init per API key (or address) admitted at once above the steady rate' },
      { name: 'CORS_ORIGINS', default: rule('in development and sandbox mode any http://localhost:* and http://127.0.0.1:* origin'), meaning: 'comma-separated origins allowed to call the API from a browser, or *' },
      { name: 'CORS_CREDENTIALS', default: 'off', meaning: 'on: browsers may send cookies and HTTP authentication with cross-origin requests' },
    ],
  },
  {
    title: 'API keys and limits',
    variables: [
      { name: 'GATEWAY_AUTH', default: rule('on with an upstream, off in sandbox mode'), meaning: 'on: every GraphQL request and WebSocket connection needs an API key' },
      { name: 'GATEWAY_API_KEYS_FILE', default: unset, meaning: 'path of the API key file (JSON Lines of hashed keys; see `npm run api-key:create`)' },
      { name: 'GATEWAY_API_KEYS', default: unset, meaning: 'the same key records inline (JSON array or JSON Lines)' },
      { name: 'GATEWAY_API_KEYS_RELOAD_MS', default: String(DEFAULTS.apiKeysReloadIntervalMs), meaning: 'how often the key file is checked for changes, in milliseconds' },
      { name: 'RATE_LIMIT_REQUESTS_PER_MINUTE', default: String(DEFAULTS.rateLimitRequestsPerMinute), meaning: 'steady request rate per API key' },
      { name: 'RATE_LIMIT_BURST', default: String(DEFAULTS.rateLimitBurst), meaning: 'requests per API key admitted at once above the steady rate' },
      { name: 'MAX_SUBSCRIPTIONS_PER_KEY', default: String(DEFAULTS.maxSubscriptionsPerKey), meaning: 'live subscriptions per API key (across instances with Redis)' },
      { name: 'MAX_QUERY_DEPTH', default: String(DEFAULTS.maxQueryDepth), meaning: 'field nesting depth of one operation' },
      { name: 'MAX_QUERY_COST', default: String(DEFAULTS.maxQueryCost), meaning: 'objects one response may hold (list sizes multiplied)' },
      { name: 'MAX_ALIASES', default: String(DEFAULTS.maxAliases), meaning: 'aliased fields of one operation' },
      { name: 'MAX_QUERY_BYTES', default: String(DEFAULTS.maxQueryBytes), meaning: 'query text size, in bytes' },
      { name: 'MAX_QUERY_TOKENS', default: String(DEFAULTS.maxQueryTokens), meaning: 'tokens parsed per document' },
    ],
  },
  {
    title: 'Observability',
    variables: [
      { name: 'METRICS_PORT', default: String(DEFAULTS.metricsPort), meaning: 'port of the Prometheus GET /metrics listener (0: any free port); off disables it' },
      { name: 'METRICS_HOST', default: rule('the value of HOST'), meaning: 'listen address of the metrics listener' },
      { name: 'OTEL_EXPORTER_OTLP_ENDPOINT', default: unset, meaning: 'OTLP/HTTP (JSON) collector base URL, e.g. http://collector:4318; traces go to <it>/v1/traces (unset: tracing off)' },
      { name: 'OTEL_TRACES_EXPORTER', default: rule('otlp when an endpoint is set, else none'), meaning: 'otlp, console (spans printed to stdout, for development) or none' },
      { name: 'OTEL_SERVICE_NAME', default: 'whatsapp-groups-gateway', meaning: 'service name on exported traces' },
      { name: 'OTEL_TRACES_SAMPLER', default: 'parentbased_always_on', meaning: 'always_on, always_off, traceidratio or their parentbased_ forms; OTEL_TRACES_SAMPLER_ARG is the ratio' },
    ],
  },
  {
    title: 'Sandbox (the embedded emulator and `npm run sandbox`)',
    variables: [
      { name: 'SANDBOX_PORT', default: rule(`${DEFAULTS.sandboxPort}; when it is unset and ${DEFAULTS.sandboxPort} is taken, the embedded sandbox moves to a free port`), meaning: 'sandbox listen port (the control API is on it too)' },
      { name: 'SANDBOX_HOST', default: DEFAULTS.sandboxHost, meaning: 'sandbox listen address' },
      { name: 'SANDBOX_WEBHOOK_URL', default: rule('unset; the embedded sandbox posts to the gateway itself'), meaning: 'where `npm run sandbox` POSTs its signed webhooks (unset: recorded and dropped, with a warning)' },
      { name: 'SANDBOX_ACCESS_TOKEN', default: DEFAULTS.sandboxAccessToken, meaning: 'the bearer token the sandbox accepts (a development value)' },
      { name: 'SANDBOX_APP_SECRET', default: DEFAULTS.sandboxAppSecret, meaning: "the secret the sandbox signs its webhooks with (use it as the gateway's META_APP_SECRET)" },
      { name: 'SANDBOX_PHONE_NUMBER_IDS', default: DEFAULTS.sandboxPhoneNumberIds.join(','), meaning: 'business phone numbers the sandbox emulates; the first is the default' },
    ],
  },
];

export const VARIABLES: readonly VariableSpec[] = VARIABLE_SECTIONS.flatMap((section) => section.variables);

export const KNOWN_VARIABLE_NAMES: ReadonlySet<string> = new Set(VARIABLES.map((variable) => variable.name));
