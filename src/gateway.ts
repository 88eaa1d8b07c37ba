import type { Config } from './config/config';
import { createContextFactory } from './context';
import type { GatewayContext } from './context';
import { createSchema } from './graph/create-schema';
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
import type { IngressHooks, WebhookIngress } from './webhooks/webhook-ingress';
import { createWebhookIngress } from './webhooks/webhook-ingress';
import { DEFAULTS } from './config/defaults';
import { createOperationCompletionHook } from './operations/operation-completion-hook';
import type { OperationStores } from './operations/operation-stores';
import { createOperationStores } from './operations/operation-stores';
import { createSandbox } from './sandbox/sandbox';
import type { Sandbox } from './sandbox/sandbox-types';
import type { HttpServer } from './server/http-server';
import { createHttpServer, GRAPHQL_PATH } from './server/http-server';
import { createOriginGate } from './server/origin-check';
import type { WsServer } from './server/ws-server';
import { createWsServer } from './server/ws-server';
import { randomUUID } from 'node:crypto';
import type { ApiKeyRecord } from './auth/api-key';
import type { GatewaySecurity } from './tenancy/gateway-security';
import { createGatewaySecurity, loadGatewayApiKeys } from './tenancy/gateway-security';
import { createGraphApiClient } from './upstream/graph-api-client';
import type { GroupsApi } from './upstream/types';

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
  let upstream: (GroupsApi & Disposable) | null = null;
  let http: HttpServer | null = null;
  let events: EventInfrastructure | null = null;
  let ingress: WebhookIngress | null = null;
  let groupCache: GroupCache | null = null;
  let wsServer: WsServer | null = null;
  /** Extra ingress hooks (e.g. operation completion), run after the cache invalidation. */
  const ingressHooks: IngressHooks[] = [];
  let operationStores: OperationStores | null = null;
  let security: GatewaySecurity | null = null;
  let apiKeys: ApiKeyRecord[] = [];

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

  const startUpstream = async (): Promise<GroupsApi & Disposable> => {
    let baseUrl = config.upstream.baseUrl;
    let accessToken = config.upstream.accessToken;
    if (config.mode === 'sandbox') {
      const embedded = createSandbox({
        host: config.sandbox.host,
        port: 0,
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
      baseUrl = (await embedded.start()).url;
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
      logger: logger.child({ part: 'upstream' }),
      // Throttled answers block the calling key in the gateway's limiter (created with the event infrastructure).
      onRateLimited: (error) => security?.onRateLimited(error),
    });
    onTeardown('upstream', () => client.dispose());
    return client;
  };

  const startEvents = (): EventInfrastructure => {
    const infrastructure = createEventInfrastructure({ redis: config.redis, events: config.events, logger: logger.child({ part: 'events' }) });
    onTeardown('events', () => infrastructure.dispose());
    const cache =
      options.groupCache ??
      (infrastructure.redis === null
        ? createInMemoryGroupCache({ ttlSeconds: config.cache.groupTtlSeconds })
        : createRedisGroupCache({ redis: infrastructure.redis.commands, keyPrefix: config.redis.keyPrefix, ttlSeconds: config.cache.groupTtlSeconds, logger: logger.child({ part: 'group-cache' }) }));
    groupCache = cache;
    if (options.groupCache === undefined) onTeardown('group-cache', () => cache.dispose());
    return infrastructure;
  };

  /** Operation + idempotency stores (on the event infrastructure's Redis when configured) and the hook completing operations. */
  const startOperations = (infrastructure: EventInfrastructure): OperationStores => {
    const stores = createOperationStores({ redis: infrastructure.redis?.commands ?? null, keyPrefix: config.redis.keyPrefix, operationTtlSeconds: config.events.operationTtlSeconds });
    onTeardown('operations', () => stores.dispose());
    ingressHooks.push(createOperationCompletionHook({ operations: stores.operations, bus: infrastructure.bus, topics: infrastructure.topics, logger: logger.child({ part: 'operations' }) }));
    return stores;
  };

  /** API keys, tenant rules and limits; on the event infrastructure's Redis when configured. */
  const startSecurity = (groupsApi: GroupsApi, infrastructure: EventInfrastructure): GatewaySecurity => {
    const created = createGatewaySecurity({
      config,
      records: apiKeys,
      redis: infrastructure.redis === null ? null : { commands: infrastructure.redis.commands, keyPrefix: config.redis.keyPrefix },
      upstream: groupsApi,
      configuredDefaultPhoneNumberId: configuredDefaultPhoneNumberId(),
      logger: logger.child({ part: 'security' }),
    });
    onTeardown('security', () => created.dispose());
    return created;
  };

  const configuredDefaultPhoneNumberId = (): string | null =>
    config.upstream.defaultPhoneNumberId ?? (config.mode === 'sandbox' ? (config.sandbox.phoneNumberIds[0] ?? null) : null);

  const startIngress = (infrastructure: EventInfrastructure, cache: GroupCache, guard: GatewaySecurity): WebhookIngress => {
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
        ...ingressHooks,
      ],
    });
    logger.info({ providers: [...providers.keys()] }, 'webhook providers enabled');
    return pipeline;
  };

  const startHttp = async (guard: GatewaySecurity, infrastructure: EventInfrastructure, cache: GroupCache, pipeline: WebhookIngress, groupsApi: GroupsApi): Promise<HttpServer> => {
    const createContext = createContextFactory({
      upstream: guard.upstream,
      security: guard.requestSecurity,
      batchMode: config.upstream.batch ? 'batch' : 'parallel',
      concurrency: config.upstream.concurrency,
      defaultPhoneNumberId: configuredDefaultPhoneNumberId(),
      cache,
      events: createEventServices({ log: infrastructure.log, bus: infrastructure.bus, topics: infrastructure.topics, subscriberQueueLimit: config.subscriptions.queueLimit }),
      ...(operationStores === null
        ? {}
        : {
            mutations: {
              operations: operationStores.operations,
              idempotency: operationStores.idempotency,
              bus: infrastructure.bus,
              topics: infrastructure.topics,
              groupCache: cache,
              idempotencyTtlSeconds: DEFAULTS.idempotencyTtlSeconds,
              awaitCompletionDefaultMs: DEFAULTS.awaitCompletionDefaultMs,
              awaitCompletionMaxMs: DEFAULTS.awaitCompletionMaxMs,
            },
          }),
    });
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
      browser: { cors: config.cors, ide: { apiKeyRequired: config.auth.enabled } },
      apolloPlugins: guard.apolloPlugins,
      maxTokens: config.limits.maxQueryTokens,
    });
    server.addReadinessCheck('upstream', () => groupsApi.ping());
    server.addReadinessCheck(infrastructure.kind === 'redis' ? 'redis' : 'event-log', () => infrastructure.ping());
    registerWebhookRoutes(server, pipeline, { bodyLimitBytes: config.http.webhookBodyLimitBytes });
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
        guard.authenticator.fromConnectionParams(connectionParams);
        return true;
      },
      checkOperation: (request) => guard.operationLimits.check(request),
      // Browser pages on origins CORS does not allow are closed with 4403 (pages cannot be stopped by CORS here).
      admitConnection: createOriginGate({ policy: config.cors.origins, logger: logger.child({ part: 'graphql-ws' }) }),
      // Events are vetted per subscriber before execution, and below the root field resolvers read only the event and
      // per-emission loaders: subscribers of one API key with equal operations can share each event's execution.
      shareExecutionKey: (context) => `${context.access?.principal.id ?? 'open'}\u0000${context.defaultPhoneNumberId ?? ''}`,
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
    onTeardown('http', () => server.close());
    return server;
  };

  const doStart = async (): Promise<{ url: string; graphqlUrl: string }> => {
    apiKeys = await loadGatewayApiKeys(config.auth, logger); // before anything opens: a bad key file fails the start
    upstream = await startUpstream();
    events = startEvents();
    const cache = groupCache as GroupCache | null;
    if (cache === null) throw new Error('createGateway: the group cache is created with the event infrastructure');
    operationStores = startOperations(events);
    security = startSecurity(upstream, events);
    ingress = startIngress(events, cache, security);
    http = await startHttp(security, events, cache, ingress, upstream);
    const { url } = await http.listen();
    const graphqlUrl = `${url}${GRAPHQL_PATH}`;
    if (sandbox !== null) {
      const port = new URL(url).port;
      sandbox.setWebhookUrl(`http://127.0.0.1:${port}/webhooks/meta`);
      logger.info(
        { sandboxUrl: sandbox.url, phoneNumberIds: config.sandbox.phoneNumberIds, auth: config.auth.enabled ? 'on' : 'off' },
        `sandbox mode: the embedded Groups API emulator stands in for Meta (no account needed); authentication is ${config.auth.enabled ? 'on (API keys required)' : 'off (open: no API key needed)'}`,
      );
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
