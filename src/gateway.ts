import type { GraphQLSchema } from 'graphql';
import type { Config } from './config/config';
import { createContextFactory } from './context';
import type { ContextFactory, GatewayContext } from './context';
import { createSchema } from './resolvers/create-schema';
import type { Disposable } from './lib/disposable';
import { ensureError } from './lib/errors';
import type { Logger } from './lib/logger';
import type { GroupCache } from './cache/group-cache';
import { applyEventsToGroupCache } from './cache/group-cache';
import { createInMemoryGroupCache } from './cache/in-memory-group-cache';
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
import { createOriginGate } from './server/origin-check';
import type { SseServer } from './server/sse-server';
import { createSseServer } from './server/sse-server';
import type { WsServer } from './server/ws-server';
import { createWsServer } from './server/ws-server';
import { randomUUID } from 'node:crypto';
import type { ApiKeyRecord, Principal } from './auth/api-key';
import type { GatewaySecurity } from './tenancy/gateway-security';
import { createGatewaySecurity, loadGatewayApiKeys } from './tenancy/gateway-security';
import { createGraphApiClient } from './upstream/graph-api-client';
import type { GroupsApi, GroupsApiClient } from './upstream/types';

export interface GatewayOptions {
  config: Config;
  logger: Logger;
  /** Overrides the group cache the gateway would build (Redis when configured, else in-memory). */
  groupCache?: GroupCache;
  /** Tuning of the embedded sandbox (sandbox mode only), e.g. latency to make concurrency observable in tests. */
  sandbox?: { latencyMs?: number };
}

export interface Gateway {
  /** Builds and starts every part; answers where to reach the gateway. */
  start(): Promise<{ url: string; graphqlUrl: string }>;
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
}

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
  let starting: Promise<{ url: string; graphqlUrl: string }> | null = null;
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
  const startUpstream = async (): Promise<GroupsApiClient> => {
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
    });
    onTeardown('upstream', () => client.dispose());
    return client;
  };

  /** Event log, bus and topics; on Redis when configured (the connections later parts borrow). */
  const startEvents = (): EventInfrastructure => {
    // The infrastructure names its own parts (redis, bus): a `part` bound here as well would repeat the key in every line.
    const infrastructure = createEventInfrastructure({ redis: config.redis, events: config.events, logger });
    onTeardown('events', () => infrastructure.dispose());
    return infrastructure;
  };

  const startGroupCache = (infrastructure: EventInfrastructure): GroupCache => {
    if (options.groupCache !== undefined) return options.groupCache; // the caller's: not ours to close
    const cache =
      infrastructure.redis === null
        ? createInMemoryGroupCache({ ttlSeconds: config.cache.groupTtlSeconds })
        : createRedisGroupCache({ redis: infrastructure.redis.commands, keyPrefix: config.redis.keyPrefix, ttlSeconds: config.cache.groupTtlSeconds, logger: logger.child({ part: 'group-cache' }) });
    onTeardown('group-cache', () => cache.dispose());
    return cache;
  };

  /** The write path over operation + idempotency stores (on the event infrastructure's Redis when configured); its webhook half completes operations. */
  const startWrites = (infrastructure: EventInfrastructure, cache: GroupCache): WriteService => {
    const stores = createOperationStores({ redis: infrastructure.redis?.commands ?? null, keyPrefix: config.redis.keyPrefix, operationTtlSeconds: config.events.operationTtlSeconds });
    onTeardown('operations', () => stores.dispose());
    return createWriteService({
      operations: stores.operations,
      idempotency: stores.idempotency,
      bus: infrastructure.bus,
      topics: infrastructure.topics,
      groupCache: cache,
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

  const startIngress = (infrastructure: EventInfrastructure, cache: GroupCache, guard: GatewaySecurity, writes: WriteService): WebhookIngress => {
    const providers = createWebhookProviders(config);
    const pipeline = createWebhookIngress({
      providers,
      log: infrastructure.log,
      logger: logger.child({ part: 'webhooks' }),
      hooks: [
        // Invalidate before storing: if the cache cannot be told, the delivery is answered 503 and retried, so a
        // stored event never leaves stale metadata behind for longer than the retry.
        { beforeStore: (delivered) => applyEventsToGroupCache(cache, delivered) },
        // Ownership first: a client told its group was created may ask for it at once.
        guard.ingressHook,
        // Completes the async operations the delivered events settle (CREATE_GROUP and the other tracked writes).
        { afterStore: (delivered, stored) => writes.completeFromWebhook(delivered, stored) },
      ],
    });
    logger.info({ providers: [...providers.keys()] }, 'webhook providers enabled');
    return pipeline;
  };

  /** One context per GraphQL request (HTTP) or operation (WebSocket): the key's access and Groups API view, fresh loaders. */
  const contextFactory = (guard: GatewaySecurity, infrastructure: EventInfrastructure, cache: GroupCache, writes: WriteService): ContextFactory =>
    createContextFactory({
      security: guard.requestSecurity,
      batchMode: config.upstream.batch ? 'batch' : 'parallel',
      concurrency: config.upstream.concurrency,
      cache,
      events: createEventServices({ log: infrastructure.log, bus: infrastructure.bus, topics: infrastructure.topics, subscriberQueueLimit: config.subscriptions.queueLimit }),
      mutations: writes,
    });

  const startHttp = async (guard: GatewaySecurity, createContext: ContextFactory, infrastructure: EventInfrastructure, pipeline: WebhookIngress, client: GroupsApiClient): Promise<HttpServer> => {
    const schema = guard.guard(await createSchema());
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
    });
    server.addReadinessCheck('upstream', () => client.ping());
    server.addReadinessCheck(infrastructure.kind === 'redis' ? 'redis' : 'event-log', () => infrastructure.ping());
    registerWebhookRoutes(server, pipeline, { bodyLimitBytes: config.http.webhookBodyLimitBytes });
    /** The key each acknowledged WebSocket connection authenticated with, by its connection_init payload. */
    const connectionPrincipals = new WeakMap<Readonly<Record<string, unknown>>, Principal>();
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
      onConnect: async (connectionParams) => {
        connectionPrincipals.set(connectionParams, guard.authenticator.fromConnectionParams(connectionParams));
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
      introspection: config.graphql.introspection,
    });
    wsServer = ws;
    // Drained with HTTP, before the bus and Redis close: every subscription iterator returns and unsubscribes first.
    server.addDrainStep('graphql-ws', () => ws.dispose());
    const sse = startSse(server, schema, guard, createContext);
    sseServer = sse;
    server.addDrainStep('graphql-sse', () => sse.dispose());
    onTeardown('http', () => server.close());
    return server;
  };

  /** GraphQL over SSE on the HTTP server's port: the same schema, context factory and limits as WebSocket. */
  const startSse = (server: HttpServer, schema: GraphQLSchema, guard: GatewaySecurity, createContext: ContextFactory): SseServer => {
    const sse = createSseServer<GatewayContext>({
      schema,
      createContext: ({ headers, requestId }) => createContext({ requestId, logger: logger.child({ requestId, transport: 'sse' }), headers, transport: 'http' }),
      checkDocument: (request) => guard.documentLimits.check(request),
      shareExecutionKey: (context) => `${context.access.principal.id}\u0000${context.defaultPhoneNumberId ?? ''}`,
      maxTokens: config.limits.maxQueryTokens,
      logger: logger.child({ part: 'graphql-sse' }),
      exposeInternals: config.nodeEnv === 'development',
      introspection: config.graphql.introspection,
    });
    server.registerRoute(['GET', 'POST', 'PUT', 'DELETE'], GRAPHQL_STREAM_PATH, (request, reply) => sse.handle(request, reply));
    return sse;
  };

  /** Every part in dependency order: each is built from parts already running, and is closed before them. */
  const doStart = async (): Promise<{ url: string; graphqlUrl: string }> => {
    const apiKeys = await loadGatewayApiKeys(config.auth, logger); // before anything opens: a bad key file fails the start
    const client = await startUpstream();
    upstream = client;
    const infrastructure = startEvents();
    events = infrastructure;
    const cache = startGroupCache(infrastructure);
    groupCache = cache;
    const writes = startWrites(infrastructure, cache);
    const guard = startSecurity(apiKeys, client, infrastructure);
    const pipeline = startIngress(infrastructure, cache, guard, writes);
    ingress = pipeline;
    const server = await startHttp(guard, contextFactory(guard, infrastructure, cache, writes), infrastructure, pipeline, client);
    http = server;
    const { url } = await server.listen();
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
    logger.info({ graphqlUrl, mode: config.mode, batch: config.upstream.batch }, `GraphQL endpoint ready at ${graphqlUrl}`);
    return { url, graphqlUrl };
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
