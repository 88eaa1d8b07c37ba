/**
 * Every default of the gateway, in one place, with its unit in the name.
 * The README's configuration table is written from this file.
 */
export const DEFAULTS = {
  port: 4000,
  /** Prometheus' registered default port for Node exporters: a scrape config can say 9464 without asking. */
  metricsPort: 9464,
  host: '0.0.0.0',
  graphApiUrl: 'https://graph.facebook.com',
  graphApiVersion: 'v23.0',
  graphApiTimeoutMs: 10_000, // 10 s per upstream HTTP request
  graphApiMaxRetries: 3, // retries of idempotent reads after the first attempt
  graphApiRequestDeadlineMs: 10_000, // 10 s: the upstream calls of one GraphQL request, all retries and waits included
  graphApiBreakerFailures: 5, // consecutive failed attempts (timeout, no connection, 5xx) that open the breaker
  graphApiBreakerOpenMs: 10_000, // 10 s an open breaker fails calls fast before one probe goes through
  graphApiConcurrency: 8, // single GETs in flight when batching is off
  graphApiBatchSize: 50, // Graph API hard limit for one batch request
  redisClusterWaitReplicas: 1, // REDIS_WAIT_REPLICAS in cluster mode (one server: 0)
  redisWaitTimeoutMs: 500,
  redisKeyPrefix: 'wgg:', // our own prefix; ioredis keyPrefix does not apply to pub/sub channels
  eventLogRetentionSeconds: 7 * 24 * 3600, // 7 days: Meta retries deliveries for up to 7 days
  dedupeTtlSeconds: 7 * 24 * 3600, // 7 days, same reason
  groupCacheTtlSeconds: 300, // 5 min; webhook events invalidate earlier
  responseCacheMaxBytes: 64 * 1024 * 1024, // 64 MiB of cached GraphQL answers per instance
  loaderCacheMaxBytes: 16 * 1024 * 1024, // 16 MiB each for list pages, invite links and join-request pages per instance
  operationTtlSeconds: 7 * 24 * 3600, // 7 days
  idempotencyTtlSeconds: 24 * 3600, // 24 h: a retried createGroup/sendGroupMessage answers its first result this long
  awaitCompletionDefaultMs: 10_000, // 10 s: createGroup(awaitCompletion) waits this long unless the call says
  awaitCompletionMaxMs: 30_000, // 30 s: the longest awaitCompletion wait a call may ask for
  webhookBodyLimitBytes: 4 * 1024 * 1024, // 4 MiB (Meta sends up to 3 MB)
  graphqlBodyLimitBytes: 1024 * 1024, // 1 MiB for JSON GraphQL requests
  uploadLimitBytes: 16 * 1024 * 1024, // 16 MB: Meta's video and audio limit (pictures and images keep their 5 MB; documents may go to 100 MB)
  httpHeadersTimeoutMs: 10_000, // 10 s for a request's headers to arrive (slow-header clients are cut after it)
  httpRequestTimeoutMs: 30_000, // 30 s for a whole request, body included, to arrive
  httpConnectionTimeoutMs: 60_000, // 60 s of socket silence; above the longest answer (awaitCompletion 30 s + deadline 10 s)
  maxConnectionsPerKey: 100, // open WebSocket connections per API key, per instance
  wsConnectionInitsPerMinute: 120, // connection_init messages per API key (or per address, while unauthenticated), steady
  wsConnectionInitBurst: 100, // connection_init messages admitted at once: a whole reconnect of MAX_CONNECTIONS_PER_KEY
  ycloudToleranceSeconds: 300, // 5 min replay window
  subscriberQueueLimit: 1_000, // events buffered per subscriber before SUBSCRIBER_TOO_SLOW
  wsConnectionInitWaitTimeoutMs: 3_000, // 3 s
  wsKeepAliveMs: 12_000, // 12 s ping interval
  apiKeysReloadIntervalMs: 2_000, // 2 s: the key file is polled; a revoked key stops working this fast
  rateLimitRequestsPerMinute: 600, // per API key: 10 requests/s steady
  rateLimitBurst: 60, // per API key: requests admitted at once above the steady rate
  upstreamRateLimitBackoffSeconds: 30, // a key Meta throttled is refused this long when Meta sends no Retry-After
  maxSubscriptionsPerKey: 50, // live subscriptions per API key, per instance
  maxQueryDepth: 10, // field nesting; introspection fields excluded
  maxQueryCost: 5_000, // objects a response may hold (lists × page sizes; README "Security")
  maxAliases: 30, // aliased fields per operation, fragments counted per spread
  maxQueryTokens: 5_000, // GraphQL tokens parsed per document (bounds parse and validation work)
  maxQueryBytes: 32 * 1024, // 32 KiB of query text
  maxListArgumentItems: 100, // items of any one list argument (groupsByIds ids, ...)
  queryCostDefaultListSize: 10, // assumed items of a list without a size argument (participants, errors)
  queryCostDefaultPageSize: 50, // assumed `first`/`last` when omitted (the largest default page)
  tenancyListCooldownSeconds: 60, // a phone number's groups are listed at most this often to resolve unknown ownership
  tenancyMaxListPages: 20, // pages of 1024 groups listed per phone number at most
  sandboxPort: 4010,
  sandboxHost: '127.0.0.1', // the emulator and its control API are for this machine only
  sandboxAppSecret: 'sandbox-app-secret', // dev-only: signs the sandbox's webhooks
  sandboxAccessToken: 'sandbox-access-token', // dev-only: the bearer token the sandbox accepts
  sandboxPhoneNumberIds: ['106540352242922', '106540352242923'] as readonly string[],
  logLevel: 'info',
} as const;
