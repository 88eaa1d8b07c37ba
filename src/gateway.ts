import type { GraphQLSchema } from 'graphql';
import type { Config } from './config/config';
import { createContextFactory } from './context';
import type { DeadlineSignals } from './upstream/deadline-signals';
import { createDeadlineSignals } from './upstream/deadline-signals';
import type { ContextFactory, GatewayContext } from './context';
import { createSchema } from './resolvers/create-schema';
import type { Disposable } from './lib/disposable';
import { ensureError } from './lib/errors';
import type { Logger } from './lib/logger';
import type { GroupCache } from './cache/group-cache';
import { applyEventsToGroupCache } from './cache/group-cache';
import type { InMemoryGroupCache } from './cache/in-memory-group-cache';
import { createInMemoryGroupCache } from './cache/in-memory-group-cache';
import { createTieredGroupCache } from './cache/tiered-group-cache';
import { createRedisGroupCache } from './cache/redis-group-cache';
import type { EventInfrastructure } from './events/event-infrastructure';
import { createEventInfrastructure } from './events/event-infrastructure';
import { createEventServices } from './events/event-services';
import { registerWebhookRoutes } from './server/webhook-routes';
import { createWebhookProviders } from './webhooks/create-providers';
import type { WebhookIngress } from './webhooks/webhook-ingress';
import { createWebhookIngress } from './webhooks/webhook-ingress';
import { DEFAULTS } from './config/defaults';
import { createOperationStores } from './operations/operation-stores';
import type { WriteService } from './operations/write-service';
import { createWriteService } from './operations/write-service';
import { describeSandboxForStartup, startEmbeddedSandbox } from './sandbox/embedded-sandbox';
import type { Sandbox } from './sandbox/sandbox-types';
import type { HttpServer } from './server/http-server';
import { createHttpServer, GRAPHQL_PATH, GRAPHQL_STREAM_PATH } from './server/http-server';
import type { ResponseCacheAnswerAt } from './server/response-cache-route';
import { createOriginGate } from './server/origin-check';
import type { SseServer } from './server/sse-server';
import { createSseServer } from './server/sse-server';
import type { WsServer } from './server/ws-server';
import { createWsServer } from './server/ws-server';
import { createWsConnectionCap } from './server/ws-connection-cap';
import { randomUUID } from 'node:crypto';
import type { ApiKeyRecord, Principal } from './auth/api-key';
import type { GatewaySecurity } from './tenancy/gateway-security';
import { createGatewaySecurity, loadGatewayApiKeys } from './tenancy/gateway-security';
import { createGraphApiClient } from './upstream/graph-api-client';
import type { Observability } from './observability/observability';
import { createObservability } from './observability/observability';
import type { Tracing } from './observability/tracing';
import { traceResolvers } from './server/resolver-spans';
import type { ResponseCache } from './response-cache/response-cache';
import { createResponseCache } from './response-cache/response-cache';
import type { ReadCacheInvalidation } from './response-cache/read-cache-invalidation';
import { createReadCacheInvalidation } from './response-cache/read-cache-invalidation';
import { tagTarget } from './response-cache/tag-target';
import type { ReadChange } from './response-cache/read-change';
import type { LoaderCaches } from './loaders/loader-caches';
import { createLoaderCaches } from './loaders/loader-caches';
import { createTenantScopes } from './tenancy/tenant-scope';
import type { TrustedDocuments } from './limits/trusted-documents';
import { loadTrustedDocuments, NO_TRUSTED_DOCUMENTS, sha256OfDocument, untrustedDocumentRefusal } from './limits/trusted-documents';
import type { GroupsApi, GroupsApiClient } from './upstream/types';

export interface GatewayOptions {
  config: Config;
  logger: Logger;
  /** Overrides the group cache the gateway would build (Redis when configured, else in-memory). */
  groupCache?: GroupCache;
  /** Tuning of the embedded sandbox (sandbox mode only), e.g. latency to make concurrency observable in tests. */
  sandbox?: { latencyMs?: number };
  /**
   * The tracing the logger's mixin reads (main.ts creates it before the logger); null: off. @default built from
   * config.tracing. The gateway disposes it on stop.
   */
  tracing?: Tracing | null;
  /**
   * Where a response cache hit is answered: before Apollo (the default), or from an Apollo plugin's
   * `responseForOperation`, which the bench measures against it (scenario 1). @default 'before-apollo'
   */
  responseCacheAnswerAt?: ResponseCacheAnswerAt;
}

/** Where a started gateway can be reached. */
export interface GatewayAddresses {
  url: string;
  graphqlUrl: string;
  /** The Prometheus endpoint (`http://host:port/metrics`); null with METRICS_PORT=off. */
  metricsUrl: string | null;
}

export interface Gateway {
  /** Builds and starts every part; answers where to reach the gateway. */
  start(): Promise<GatewayAddresses>;
  /** Drains HTTP first, then closes the rest in reverse order of creation. Idempotent; safe before start(). */
  stop(): Promise<void>;
  /** The embedded Groups API emulator (sandbox mode, once started), else null. */
  readonly sandbox: Sandbox | null;
  /** The Groups API client in use (once started), else null. */
  readonly upstream: GroupsApi | null;
  /** The HTTP server (once started), else null. */
  readonly http: HttpServer | null;
  /** Event log, bus and topics (once started), else null. */
  readonly events: EventInfrastructure | null;
  /** The webhook pipeline (once started), else null: its stats count deliveries, duplicates and rejections. */
  readonly ingress: WebhookIngress | null;
  /** The group metadata cache (once started), else null. */
  readonly groupCache: GroupCache | null;
  /** The graphql-ws server on /graphql (once started), else null. */
  readonly ws: WsServer | null;
  /** GraphQL over SSE on /graphql/stream (once started), else null. */
  readonly sse: SseServer | null;
  /** Metrics and tracing (once started), else null. */
  readonly observability: Observability | null;
  /** The per-instance response cache and what keeps it fresh (once started), else null. */
  readonly readCaches: {
    readonly responses: ResponseCache;
    readonly loaders: LoaderCaches;
    /** The per-instance L1 in front of the Redis group cache (with Redis only), else null. */
    readonly groupL1: InMemoryGroupCache | null;
    readonly invalidation: ReadCacheInvalidation;
  } | null;
}

/** Root fields whose answers the response cache may keep: group data, every change of which arrives as an event. */
const CACHEABLE_ROOT_FIELDS: ReadonlySet<string> = new Set(['group', 'groups', 'groupsByIds']);

/** graphql-ws clients send credentials in `connection_init` (`{ authorization: "Bearer ..." }`), not as HTTP headers. */
function connectionParamHeaders(params: Readonly<Record<string, unknown>>): Record<string, string> {
  const authorization = params.authorization ?? params.Authorization;
  return typeof authorization === 'string' ? { authorization } : {};
}

type GatewayState = 'created' | 'starting' | 'started' | 'stopping' | 'stopped';

/** A named teardown step; steps run in reverse order of registration. */
interface Teardown extends Disposable {
  name: string;
}

/**
 * The composition root: config in, running gateway out. Nothing else constructs parts or knows the order in
 * which they open and close. In sandbox mode the Groups API emulator runs in-process and is reached over real
 * HTTP with the real client, so sandbox and production share every code path above the socket.
 */
export function createGateway(options: GatewayOptions): Gateway {
  const { config, logger } = options;
  let state: GatewayState = 'created';
  let starting: Promise<GatewayAddresses> | null = null;
  let stopping: Promise<void> | null = null;
  const teardowns: Teardown[] = [];
  let sandbox: Sandbox | null = null;
  let upstream: GroupsApiClient | null = null;
  let http: HttpServer | null = null;
  let events: EventInfrastructure | null = null;
  let ingress: WebhookIngress | null = null;
  let groupCache: GroupCache | null = null;
  let wsServer: WsServer | null = null;
  let sseServer: SseServer | null = null;
  let observability: Observability | null = null;
  let readCaches: Gateway['readCaches'] = null;

  const onTeardown = (name: string, dispose: () => Promise<void>): void => void teardowns.push({ name, dispose });

  const runTeardowns = async (): Promise<void> => {
    for (const teardown of teardowns.splice(0).reverse()) {
      try {
        await teardown.dispose();
      } catch (error) {
        logger.error({ err: ensureError(error), part: teardown.name }, 'gateway part failed to stop');
      }
    }
  };

  const configuredDefaultPhoneNumberId = (): string | null =>
    config.upstream.defaultPhoneNumberId ?? (config.mode === 'sandbox' ? (config.sandbox.phoneNumberIds[0] ?? null) : null);

  /** The Groups API client, over HTTP to Meta or to the embedded sandbox (started here in sandbox mode). */
  const startUpstream = async (observed: Observability): Promise<GroupsApiClient> => {
    let baseUrl = config.upstream.baseUrl;
    let accessToken = config.upstream.accessToken;
    if (config.mode === 'sandbox') {
      const embedded = await startEmbeddedSandbox({
        host: config.sandbox.host,
        port: config.sandbox.port,
        portExplicit: config.sandbox.portExplicit,
        accessToken: config.sandbox.accessToken,
        appSecret: config.sandbox.appSecret,
        phoneNumberIds: config.sandbox.phoneNumberIds,
        webhookUrl: null,
        seed: true,
        logger: logger.child({ part: 'sandbox' }),
        ...(options.sandbox?.latencyMs === undefined ? {} : { latencyMs: options.sandbox.latencyMs }),
      });
      sandbox = embedded;
      onTeardown('sandbox', () => embedded.dispose());
      baseUrl = embedded.url;
      accessToken = config.sandbox.accessToken;
    }
    if (baseUrl === null || accessToken === null) {
      throw new Error('createGateway: upstream mode needs config.upstream.baseUrl and accessToken; loadConfig() guarantees both');
    }
    const client = createGraphApiClient({
      baseUrl,
      apiVersion: config.upstream.apiVersion,
      accessToken,
      timeoutMs: config.upstream.timeoutMs,
      maxRetries: config.upstream.maxRetries,
      deadlineMs: config.upstream.requestDeadlineMs,
      breakerFailureThreshold: config.upstream.breakerFailures,
      breakerOpenMs: config.upstream.breakerOpenMs,
      logger: logger.child({ part: 'upstream' }),
      ...(observed.hooks.upstream === undefined ? {} : { hooks: observed.hooks.upstream }),
    });
    onTeardown('upstream', () => client.dispose());
    return client;
  };

  /** Event log, bus and topics; on Redis when configured (the connections later parts borrow). */
  const startEvents = (observed: Observability): EventInfrastructure => {
    // The infrastructure names its own parts (redis, bus): a `part` bound here as well would repeat the key in every line.
    const infrastructure = observed.observeEvents(createEventInfrastructure({ redis: config.redis, events: config.events, logger }));
    onTeardown('events', () => infrastructure.dispose());
    if (infrastructure.redis !== null) {
      const unwatch = observed.watchRedis(infrastructure.redis);
      onTeardown('redis-metrics', async () => unwatch());
    }
    return infrastructure;
  };

  /**
   * The group cache: in memory for one instance; with Redis, the shared Redis cache behind a per-instance L1 (which
   * the bus keeps fresh with the other read caches). Answers the cache and the L1 to register for invalidation.
   */
  const startGroupCache = (infrastructure: EventInfrastructure, observed: Observability): { cache: GroupCache; l1: InMemoryGroupCache | null } => {
    if (options.groupCache !== undefined) return { cache: observed.observeGroupCache(options.groupCache), l1: null }; // the caller's: not ours to close
    const ttlSeconds = config.cache.groupTtlSeconds;
    if (infrastructure.redis === null) {
      const cache = createInMemoryGroupCache({ ttlSeconds });
      onTeardown('group-cache', () => cache.dispose());
      return { cache: observed.observeGroupCache(cache), l1: null };
    }
    const l1 = createInMemoryGroupCache({ ttlSeconds });
    const l2 = createRedisGroupCache({ redis: infrastructure.redis.commands, keyPrefix: config.redis.keyPrefix, ttlSeconds, logger: logger.child({ part: 'group-cache' }) });
    const cache = createTieredGroupCache({ l1, l2 });
    onTeardown('group-cache', () => cache.dispose());
    return { cache: observed.observeGroupCache(cache), l1 };
  };

  /**
   * The per-instance read caches (whole answers) and their invalidation: by the ingress before a webhook is
   * answered, by every stored event and every write's change on the bus, and whole after a bus reconnect.
   */
  const startReadCaches = async (infrastructure: EventInfrastructure, groupL1: InMemoryGroupCache | null): Promise<NonNullable<Gateway['readCaches']>> => {
    const ttlMs = config.cache.groupTtlSeconds * 1000;
    const responses = createResponseCache({ maxBytes: config.cache.responseMaxBytes, ttlMs });
    const loaders = createLoaderCaches({ maxBytesEach: DEFAULTS.loaderCacheMaxBytes, ttlMs });
    const invalidation = createReadCacheInvalidation({
      targets: [
        tagTarget('responses', responses),
        tagTarget('group-pages', loaders.groupPages),
        tagTarget('invite-links', loaders.inviteLinks),
        tagTarget('join-request-pages', loaders.joinRequestPages),
        // The group metadata L1 (with Redis): the events of other instances reach it here. Its invalidation is
        // synchronous (in memory), so the promise carries nothing to wait for.
        ...(groupL1 === null ? [] : [{ name: 'group-l1', invalidate: (change: ReadChange) => void groupL1.invalidate(change.groupIds), clear: () => groupL1.clear() }]),
      ],
      bus: infrastructure.bus,
      channels: { events: infrastructure.topics.allEvents(), changes: infrastructure.topics.readChanges() },
      logger: logger.child({ part: 'read-caches' }),
    });
    const stopInvalidating = await invalidation.start();
    onTeardown('read-caches', async () => {
      await stopInvalidating();
      responses.clear();
    });
    return { responses, loaders, groupL1, invalidation };
  };

  /** The write path over operation + idempotency stores (on the event infrastructure's Redis when configured); its webhook half completes operations. */
  const startWrites = (infrastructure: EventInfrastructure, cache: GroupCache, caches: NonNullable<Gateway['readCaches']>, observed: Observability): WriteService => {
    const stores = createOperationStores({ redis: infrastructure.redis?.commands ?? null, keyPrefix: config.redis.keyPrefix, operationTtlSeconds: config.events.operationTtlSeconds });
    onTeardown('operations', () => stores.dispose());
    return createWriteService({
      operations: observed.observeOperations(stores.operations, config.events.operationTtlSeconds),
      idempotency: stores.idempotency,
      bus: infrastructure.bus,
      topics: infrastructure.topics,
      // A write drops the group from the shared cache, then from every instance's read caches.
      groupCache: {
        async invalidate(groupIds) {
          await cache.invalidate(groupIds);
          await caches.invalidation.publish({ groupIds, listsOf: [] });
        },
      },
      idempotencyTtlSeconds: DEFAULTS.idempotencyTtlSeconds,
      awaitCompletionDefaultMs: DEFAULTS.awaitCompletionDefaultMs,
      awaitCompletionMaxMs: DEFAULTS.awaitCompletionMaxMs,
      logger: logger.child({ part: 'operations' }),
    });
  };

  /** API keys, tenant rules and limits (on the event infrastructure's Redis when configured), over the Groups API client. */
  const startSecurity = (apiKeys: readonly ApiKeyRecord[], client: GroupsApiClient, infrastructure: EventInfrastructure): GatewaySecurity => {
    const created = createGatewaySecurity({
      config,
      records: apiKeys,
      redis: infrastructure.redis === null ? null : { commands: infrastructure.redis.commands, keyPrefix: config.redis.keyPrefix },
      upstream: client,
      configuredDefaultPhoneNumberId: configuredDefaultPhoneNumberId(),
      logger: logger.child({ part: 'security' }),
    });
    onTeardown('security', () => created.dispose());
    return created;
  };

  const startIngress = (infrastructure: EventInfrastructure, cache: GroupCache, caches: NonNullable<Gateway['readCaches']>, guard: GatewaySecurity, writes: WriteService, observed: Observability): WebhookIngress => {
    const providers = createWebhookProviders(config);
    const pipeline = createWebhookIngress({
      providers,
      log: infrastructure.log,
      logger: logger.child({ part: 'webhooks' }),
      ...(observed.hooks.ingress === undefined ? {} : { observer: observed.hooks.ingress }),
      hooks: [
        // Invalidate before storing: if the cache cannot be told, the delivery is answered 503 and retried, so a
        // stored event never leaves stale metadata behind for longer than the retry.
        { beforeStore: (delivered) => applyEventsToGroupCache(cache, delivered) },
        // Then this instance's read caches, before the 200: a query that starts after it sees the change here. The
        // other instances follow when the stored event reaches them on the bus.
        { beforeStore: async (delivered) => caches.invalidation.applyEvents(delivered) },
        // Ownership first: a client told its group was created may ask for it at once.
        guard.ingressHook,
        // Completes the async operations the delivered events settle (CREATE_GROUP and the other tracked writes).
        { afterStore: (delivered, stored) => writes.completeFromWebhook(delivered, stored) },
      ],
    });
    logger.info({ providers: [...providers.keys()] }, 'webhook providers enabled');
    return pipeline;
  };

  /** The deadlines of GraphQL requests' upstream calls: a signal per 50 ms of start time, not per request. */
  const requestDeadlines = (): DeadlineSignals => {
    const deadlines = createDeadlineSignals({ deadlineMs: config.upstream.requestDeadlineMs });
    onTeardown('request-deadlines', async () => deadlines.close());
    return deadlines;
  };

  /** One context per GraphQL request (HTTP) or operation (WebSocket): the key's access and Groups API view, fresh loaders. */
  const contextFactory = (guard: GatewaySecurity, infrastructure: EventInfrastructure, cache: GroupCache, caches: NonNullable<Gateway['readCaches']>, writes: WriteService, observed: Observability): ContextFactory =>
    createContextFactory({
      security: guard.requestSecurity,
      loaderCaches: caches.loaders,
      batchMode: config.upstream.batch ? 'batch' : 'parallel',
      concurrency: config.upstream.concurrency,
      // A cache that keeps nothing (GROUP_CACHE_TTL_SECONDS=0) is not asked at all.
      ...(options.groupCache === undefined && config.cache.groupTtlSeconds === 0 ? {} : { cache }),
      recordReads: caches.responses.enabled,
      deadlines: requestDeadlines(),
      events: createEventServices({
        log: infrastructure.log,
        bus: infrastructure.bus,
        topics: infrastructure.topics,
        subscriberQueueLimit: config.subscriptions.queueLimit,
        ...(observed.hooks.events === undefined ? {} : { observer: observed.hooks.events }),
      }),
      mutations: writes,
      upstreamDeadlineMs: config.upstream.requestDeadlineMs,
      ...(observed.hooks.loaders === undefined ? {} : { loaderHooks: observed.hooks.loaders }),
    });

  const startHttp = async (
    trusted: TrustedDocuments,
    guard: GatewaySecurity,
    createContext: ContextFactory,
    infrastructure: EventInfrastructure,
    pipeline: WebhookIngress,
    client: GroupsApiClient,
    caches: NonNullable<Gateway['readCaches']>,
    observed: Observability,
  ): Promise<HttpServer> => {
    const { hooks } = observed;
    const guarded = guard.guard(await createSchema());
    // With tracing on, resolvers that do I/O get spans; otherwise the schema is left as it is.
    const schema = hooks.resolverSpan === undefined ? guarded : traceResolvers(guarded, hooks.resolverSpan);
    const scopes = createTenantScopes();
    const server = createHttpServer<GatewayContext>({
      host: config.http.host,
      port: config.http.port,
      bodyLimitBytes: config.http.graphqlBodyLimitBytes,
      uploadLimitBytes: config.http.uploadLimitBytes,
      schema,
      createContext,
      logger,
      nodeEnv: config.nodeEnv,
      introspection: config.graphql.introspection,
      landingPage: config.graphql.landingPage,
      exposeStacktraces: config.graphql.exposeStacktraces,
      documentLimits: guard.documentLimits,
      browser: { cors: config.cors, ide: { apiKeyRequired: config.auth.enabled } },
      maxTokens: config.limits.maxQueryTokens,
      timeouts: { headersMs: config.http.headersTimeoutMs, requestMs: config.http.requestTimeoutMs, connectionMs: config.http.connectionTimeoutMs },
      observe: { ...(hooks.graphql === undefined ? {} : { graphql: hooks.graphql }), ...(hooks.around === undefined ? {} : { around: hooks.around }) },
      trustedDocuments: { get: (hash) => trusted.get(hash), refusal: (context, hash) => untrustedDocumentRefusal(trusted, context.access.principal, hash) },
      // With the cache off (GROUP_CACHE_TTL_SECONDS=0 or no bytes) nothing is looked up, keyed or hooked into Apollo.
      ...(caches.responses.enabled
        ? {
            responseCache: {
              cache: caches.responses,
              admit: async (headers) => {
                const admitted = await guard.requestSecurity.begin({ authorization: headers.authorization, transport: 'http' });
                return { scope: scopes.of(admitted), admitted };
              },
              tagsOf: (context) => context.reads.tags(),
              cacheableRootFields: CACHEABLE_ROOT_FIELDS,
              ...(options.responseCacheAnswerAt === undefined ? {} : { answerAt: options.responseCacheAnswerAt }),
              // A hit is a query answered like any other: metrics count it (it runs no Apollo plugin).
              ...(hooks.graphql?.onCompleted === undefined
                ? {}
                : { onHit: ({ operationName, durationSeconds }) => hooks.graphql?.onCompleted?.({ transport: 'http', operationType: 'query', operationName, outcome: 'ok', durationSeconds }) }),
            },
          }
        : {}),
    });
    server.addReadinessCheck('upstream', () => client.ping());
    server.addReadinessCheck(infrastructure.kind === 'redis' ? 'redis' : 'event-log', () => infrastructure.ping());
    registerWebhookRoutes(server, pipeline, {
      bodyLimitBytes: config.http.webhookBodyLimitBytes,
      ...(hooks.around === undefined ? {} : { around: hooks.around }),
      ...(hooks.webhookBodyTooLarge === undefined ? {} : { onBodyTooLarge: hooks.webhookBodyTooLarge }),
    });
    /** The key each acknowledged WebSocket connection authenticated with, by its connection_init payload. */
    const connectionPrincipals = new WeakMap<Readonly<Record<string, unknown>>, Principal>();
    const connectionCap = createWsConnectionCap({ maxPerKey: config.subscriptions.maxConnectionsPerKey });
    const ws = createWsServer<GatewayContext>({
      httpServer: server.server,
      path: GRAPHQL_PATH,
      schema,
      createContext: ({ connectionParams, request }) => {
        const requestId = randomUUID();
        return createContext({
          requestId,
          logger: logger.child({ requestId, transport: 'ws' }),
          headers: { ...request.headers, ...connectionParamHeaders(connectionParams) },
          transport: 'ws',
        });
      },
      // A connection without a valid key is closed with 4401 before any operation (the key is checked again per operation).
      // Each connection_init is counted against its key (or, without a valid key, its address): 4429 beyond the rate;
      // a key's open sockets on this instance are capped (4429 beyond MAX_CONNECTIONS_PER_KEY).
      onConnect: async (connectionParams, request, socket) => {
        let principal: Principal;
        try {
          principal = guard.authenticator.fromConnectionParams(connectionParams);
        } catch (error) {
          await guard.connectionInits.admit({ address: request.socket.remoteAddress ?? 'unknown' });
          throw error;
        }
        if (!principal.anonymous) {
          await guard.connectionInits.admit({ keyId: principal.id });
          connectionCap.hold(principal.id, socket);
        }
        connectionPrincipals.set(connectionParams, principal);
        return true;
      },
      // A revoked or expired key loses its sockets (4403) and with them its subscriptions and their slots, checked
      // as often as the key file is: a quiet subscription would otherwise hold both until its next event.
      stillAllowed: (connectionParams) => {
        const principal = connectionPrincipals.get(connectionParams);
        return principal === undefined || guard.authenticator.current(principal) !== null;
      },
      revalidateEveryMs: config.auth.reloadIntervalMs,
      checkDocument: (request) => guard.documentLimits.check(request),
      checkCaller: (context, query) => untrustedDocumentRefusal(trusted, context.access.principal, sha256OfDocument(query)),
      // Browser pages on origins CORS does not allow are closed with 4403 (pages cannot be stopped by CORS here).
      admitConnection: createOriginGate({ policy: config.cors.origins, logger: logger.child({ part: 'graphql-ws' }) }),
      // Events are vetted per subscriber before execution, and below the root field resolvers read only the event and
      // per-emission loaders: subscribers of one API key with equal operations can share each event's execution.
      shareExecutionKey: (context) => `${context.access.principal.id}\u0000${context.defaultPhoneNumberId ?? ''}`,
      // A broadcast subscriber may hold as many frames unsent as a per-subscriber queue holds events.
      queueLimit: config.subscriptions.queueLimit,
      maxTokens: config.limits.maxQueryTokens,
      logger: logger.child({ part: 'graphql-ws' }),
      connectionInitWaitTimeoutMs: config.subscriptions.connectionInitWaitTimeoutMs,
      keepAliveMs: config.subscriptions.keepAliveMs,
      exposeInternals: config.nodeEnv === 'development',
      hideSuggestions: config.nodeEnv === 'production',
      introspection: config.graphql.introspection,
      ...(hooks.onDelivery === undefined ? {} : { onDelivery: hooks.onDelivery }),
      ...(hooks.onExecution === undefined ? {} : { onExecution: hooks.onExecution }),
      ...(hooks.graphql?.onCompleted === undefined ? {} : { onOperationOutcome: hooks.graphql.onCompleted }),
    });
    wsServer = ws;
    // Drained with HTTP, before the bus and Redis close: every subscription iterator returns and unsubscribes first.
    server.addDrainStep('graphql-ws', () => ws.dispose());
    const sse = startSse(server, schema, guard, createContext, trusted, observed);
    sseServer = sse;
    observed.watchSubscriptions(() => ({ ws: ws.stats().subscriptions, sse: sse.stats().streams }));
    server.addDrainStep('graphql-sse', () => sse.dispose());
    onTeardown('http', () => server.close());
    return server;
  };

  /** GraphQL over SSE on the HTTP server's port: the same schema, context factory and limits as WebSocket. */
  const startSse = (server: HttpServer, schema: GraphQLSchema, guard: GatewaySecurity, createContext: ContextFactory, trusted: TrustedDocuments, observed: Observability): SseServer => {
    const { hooks } = observed;
    const sse = createSseServer<GatewayContext>({
      schema,
      createContext: ({ headers, requestId }) => createContext({ requestId, logger: logger.child({ requestId, transport: 'sse' }), headers, transport: 'http' }),
      checkDocument: (request) => guard.documentLimits.check(request),
      checkCaller: (context, query) => untrustedDocumentRefusal(trusted, context.access.principal, sha256OfDocument(query)),
      shareExecutionKey: (context) => `${context.access.principal.id}\u0000${context.defaultPhoneNumberId ?? ''}`,
      maxTokens: config.limits.maxQueryTokens,
      logger: logger.child({ part: 'graphql-sse' }),
      exposeInternals: config.nodeEnv === 'development',
      hideSuggestions: config.nodeEnv === 'production',
      introspection: config.graphql.introspection,
      ...(hooks.onDelivery === undefined ? {} : { onDelivery: hooks.onDelivery }),
      ...(hooks.onExecution === undefined ? {} : { onExecution: hooks.onExecution }),
      ...(hooks.graphql?.onCompleted === undefined ? {} : { onOperationOutcome: hooks.graphql.onCompleted }),
    });
    server.registerRoute(['GET', 'POST', 'PUT', 'DELETE'], GRAPHQL_STREAM_PATH, (request, reply) => sse.handle(request, reply));
    return sse;
  };

  /** Every part in dependency order: each is built from parts already running, and is closed before them. */
  const doStart = async (): Promise<GatewayAddresses> => {
    const apiKeys = await loadGatewayApiKeys(config.auth, logger); // before anything opens: a bad key file fails the start
    // First, so it closes last: the spans of the shutdown itself are flushed.
    const observed = createObservability({ config, logger: logger.child({ part: 'observability' }), ...(options.tracing === undefined ? {} : { tracing: options.tracing }) });
    observability = observed;
    onTeardown('observability', () => observed.dispose());
    const file = config.graphql.trustedDocumentsFile;
    const trusted = file === null ? NO_TRUSTED_DOCUMENTS : await loadTrustedDocuments(file); // likewise a bad manifest
    if (file !== null) logger.info({ trustedDocuments: trusted.size, file }, 'trusted documents loaded');
    const client = await startUpstream(observed);
    upstream = client;
    const infrastructure = startEvents(observed);
    events = infrastructure;
    const { cache, l1: groupL1 } = startGroupCache(infrastructure, observed);
    groupCache = cache;
    const caches = await startReadCaches(infrastructure, groupL1);
    readCaches = caches;
    const writes = startWrites(infrastructure, cache, caches, observed);
    const guard = startSecurity(apiKeys, client, infrastructure);
    const pipeline = startIngress(infrastructure, cache, caches, guard, writes, observed);
    ingress = pipeline;
    const server = await startHttp(trusted, guard, contextFactory(guard, infrastructure, cache, caches, writes, observed), infrastructure, pipeline, client, caches, observed);
    http = server;
    const { url } = await server.listen();
    const metricsUrl = (await observed.listen())?.url ?? null;
    const graphqlUrl = `${url}${GRAPHQL_PATH}`;
    if (sandbox !== null) {
      const port = new URL(url).port;
      sandbox.setWebhookUrl(`http://127.0.0.1:${port}/webhooks/meta`);
      const started = describeSandboxForStartup(sandbox);
      logger.info(
        { ...started, phoneNumberIds: config.sandbox.phoneNumberIds, auth: config.auth.enabled ? 'on' : 'off' },
        `sandbox mode: the embedded Groups API emulator stands in for Meta (no account needed); authentication is ${config.auth.enabled ? 'on (API keys required)' : 'off (open: no API key needed)'}. ` +
          `Control API (users joining, writing, leaving): ${started.controlUrl}. Demo groups: ${started.groups.map((group) => `${group.id} "${group.subject}"`).join(', ')}`,
      );
      if (config.nodeEnv === 'production') logger.warn({ sandbox: 'on' }, 'SANDBOX=on in production: this instance serves invented groups from the embedded emulator, not Meta');
    } else if (!config.auth.enabled) {
      logger.warn({ auth: 'off' }, 'authentication is OFF (GATEWAY_AUTH=off): anyone who can reach this port can act for every phone number');
    }
    logger.info({ graphqlUrl, metricsUrl, mode: config.mode, batch: config.upstream.batch }, `GraphQL endpoint ready at ${graphqlUrl}`);
    return { url, graphqlUrl, metricsUrl };
  };

  return {
    get sandbox() {
      return sandbox;
    },
    get upstream() {
      return upstream;
    },
    get http() {
      return http;
    },
    get events() {
      return events;
    },
    get ingress() {
      return ingress;
    },
    get groupCache() {
      return groupCache;
    },
    get ws() {
      return wsServer;
    },
    get sse() {
      return sseServer;
    },
    get observability() {
      return observability;
    },
    get readCaches() {
      return readCaches;
    },
    start() {
      if (state !== 'created') throw new Error(`Gateway.start() can be called once; the gateway is ${state}`);
      state = 'starting';
      starting = doStart().then(
        (result) => {
          state = 'started';
          return result;
        },
        async (error: unknown) => {
          await runTeardowns();
          state = 'stopped';
          throw error;
        },
      );
      return starting;
    },
    stop() {
      stopping ??= (async () => {
        if (starting !== null) await starting.catch(() => undefined); // a failed start has torn down already
        state = 'stopping';
        await runTeardowns();
        state = 'stopped';
        logger.info('gateway stopped');
      })();
      return stopping;
    },
  };
}
