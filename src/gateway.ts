import type { Config } from './config/config';
import { createContextFactory } from './context';
import type { GatewayContext } from './context';
import { createSchema } from './graph/create-schema';
import type { Disposable } from './lib/disposable';
import { ensureError } from './lib/errors';
import type { Logger } from './lib/logger';
import type { GroupCacheLike } from './loaders/group-cache';
import { createSandbox } from './sandbox/sandbox';
import type { Sandbox } from './sandbox/sandbox-types';
import type { HttpServer } from './server/http-server';
import { createHttpServer, GRAPHQL_PATH } from './server/http-server';
import { createGraphApiClient } from './upstream/graph-api-client';
import type { GroupsApi } from './upstream/types';

export interface GatewayOptions {
  config: Config;
  logger: Logger;
  /** Shared group cache for the loaders; without one every lookup asks the upstream. */
  groupCache?: GroupCacheLike;
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
    });
    onTeardown('upstream', () => client.dispose());
    return client;
  };

  const startHttp = async (groupsApi: GroupsApi): Promise<HttpServer> => {
    const createContext = createContextFactory({
      upstream: groupsApi,
      batchMode: config.upstream.batch ? 'batch' : 'parallel',
      concurrency: config.upstream.concurrency,
      defaultPhoneNumberId: config.upstream.defaultPhoneNumberId ?? (config.mode === 'sandbox' ? (config.sandbox.phoneNumberIds[0] ?? null) : null),
      ...(options.groupCache === undefined ? {} : { cache: options.groupCache }),
    });
    const server = createHttpServer<GatewayContext>({
      host: config.http.host,
      port: config.http.port,
      bodyLimitBytes: config.http.graphqlBodyLimitBytes,
      schema: await createSchema(),
      createContext,
      logger,
      nodeEnv: config.nodeEnv,
      introspection: config.graphql.introspection,
      landingPage: config.graphql.landingPage,
    });
    server.addReadinessCheck('upstream', () => groupsApi.ping());
    // Webhook routes (server.registerRawBodyRoute), the event bus/log readiness checks and the graphql-ws
    // server (server.server + server.addDrainStep) attach here, before listen().
    onTeardown('http', () => server.close());
    return server;
  };

  const doStart = async (): Promise<{ url: string; graphqlUrl: string }> => {
    upstream = await startUpstream();
    http = await startHttp(upstream);
    const { url } = await http.listen();
    const graphqlUrl = `${url}${GRAPHQL_PATH}`;
    if (sandbox !== null) {
      const port = new URL(url).port;
      sandbox.setWebhookUrl(`http://127.0.0.1:${port}/webhooks/meta`);
      logger.info(
        { sandboxUrl: sandbox.url, phoneNumberIds: config.sandbox.phoneNumberIds, auth: 'off' },
        'sandbox mode: the embedded Groups API emulator stands in for Meta (no account needed); authentication is off',
      );
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
