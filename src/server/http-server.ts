import type { ApolloServerPlugin } from '@apollo/server';
import { fastifyApolloHandler } from '@as-integrations/fastify';
import fastifyCompress from '@fastify/compress';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';
import Fastify, { LogController } from 'fastify';
import type { GraphQLError, GraphQLSchema } from 'graphql';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { NodeEnv } from '../config/config';
import { DEFAULTS } from '../config/defaults';
import type { RequestInfo } from '../context';
import { once } from '../lib/disposable';
import { ensureError } from '../lib/errors';
import type { Logger } from '../lib/logger';
import type { DocumentLimits } from '../limits/document-limits';
import { createApolloServer } from './apollo-server';
import type { BrowserAccessOptions } from './browser-access';
import { registerBrowserAccess } from './browser-access';
import { graphqlRouteErrorHandler } from './graphql-route-errors';
import { addMultipartUploadParser } from './multipart-upload';
import { documentLimitsPlugin } from './plugins/document-limits.plugin';
import { compressionOptions } from './compression';
import type { RequestLog } from './plugins/request-log.plugin';
import { createRequestLog } from './plugins/request-log.plugin';
import { addSecurityHeaders } from './plugins/security-headers';
import { subscriptionOverHttpPlugin } from './plugins/subscription-over-http.plugin';
import type { RawBodyHandler, RawBodyMethod, RawBodyRouteOptions } from './raw-body-route';
import { rawBodyRoutePlugin } from './raw-body-route';
import type { ReadinessCheck } from './readiness';
import { createReadiness } from './readiness';
import { REQUEST_ID_HEADER, requestIdFrom } from './request-id';
import type { AroundRequest, GraphQLRequestObserver } from './request-observer';
import { requestObserverPlugin } from './plugins/request-observer.plugin';
import type { ResponseCacheRoute, ResponseCacheRouteOptions } from './response-cache-route';
import { createResponseCacheRoute } from './response-cache-route';
import { createPersistedQueryStore } from './persisted-queries';
import { trustedDocumentsPlugin } from './plugins/trusted-documents.plugin';
import type { RequestScopedContext } from './request-scoped-context';

export const GRAPHQL_PATH = '/graphql';
/** GraphQL over Server-Sent Events (graphql-sse). */
export const GRAPHQL_STREAM_PATH = '/graphql/stream';

export interface HttpServerOptions<TContext extends RequestScopedContext> {
  host: string;
  /** 0 picks a free port (tests). */
  port: number;
  /** Limit for GraphQL request bodies; raw-body routes set their own. */
  bodyLimitBytes: number;
  /** Largest file of a multipart GraphQL request (`Upload`). @default 16 MB (config.http.uploadLimitBytes, UPLOAD_LIMIT_BYTES) */
  uploadLimitBytes?: number;
  schema: GraphQLSchema;
  createContext: (request: RequestInfo) => Promise<TContext>;
  logger: Logger;
  nodeEnv: NodeEnv;
  introspection: boolean;
  /** Serve the bundled GraphiQL IDE at `GET /graphql` (Accept: text/html), `GET /` redirecting there. */
  landingPage: boolean;
  /** Depth, alias, cost, size and list-argument limits, checked once the operation is known. @default none */
  documentLimits?: DocumentLimits;
  /** Stack traces in error responses (GRAPHQL_EXPOSE_STACKTRACES); never in production. @default false */
  exposeStacktraces?: boolean;
  /** Browser access: CORS (@default no other origin) and the IDE's settings (used when landingPage is on). */
  browser?: { cors?: BrowserAccessOptions['cors']; ide?: NonNullable<BrowserAccessOptions['ide']> };
  /** Tokens one GraphQL document may have (parsing stops beyond it). @default unlimited */
  maxTokens?: number;
  /** Connections still open this long into close() are cut. @default 10_000 (10 s) */
  forceCloseAfterMs?: number;
  /**
   * How long a client may take: `headersMs` for a request's headers, `requestMs` for the whole request (body
   * included), `connectionMs` of silence on a socket. A request cut by the first two is answered 408 and its socket
   * closed. @default config's defaults (HTTP_HEADERS_TIMEOUT_MS, HTTP_REQUEST_TIMEOUT_MS, HTTP_CONNECTION_TIMEOUT_MS)
   */
  timeouts?: HttpTimeouts;
  /** Metrics (`graphql`) and tracing (`around` each GraphQL request, and `graphql.onOperation`). @default none */
  observe?: { graphql?: GraphQLRequestObserver; around?: AroundRequest };
  /**
   * Trusted documents (GRAPHQL_TRUSTED_DOCUMENTS_FILE): known to APQ by hash from the start, and `refusal` answers
   * the error for a caller that may not run a document (by its hash). @default APQ only, nothing refused
   */
  trustedDocuments?: { get(hash: string): string | undefined; refusal(context: TContext, documentHash: string): GraphQLError | null };
  /** The response cache in front of Apollo for JSON `POST /graphql` (see response-cache-route.ts). @default none */
  responseCache?: ResponseCacheRouteOptions<TContext, RequestInfo['admitted']>;
}

export interface HttpTimeouts {
  headersMs: number;
  requestMs: number;
  connectionMs: number;
}

export interface HttpServer {
  /** The underlying Node server, e.g. for a WebSocket server's `upgrade` handling on the same port. */
  readonly server: Server;
  /** A route that receives the exact request bytes (webhooks). Before listen() only. */
  registerRawBodyRoute(method: RawBodyMethod, path: string, handler: RawBodyHandler, options: RawBodyRouteOptions): void;
  /** Routes of other transports (SSE, the IDE), in their own Fastify context, under the server's hooks. Before listen() only. */
  registerPlugin(plugin: FastifyPluginAsync): void;
  /** A route that handles its own response (e.g. GraphQL over SSE). Before listen() only. */
  registerRoute(methods: HTTPMethods[], path: string, handler: (request: FastifyRequest, reply: FastifyReply) => Promise<void>): void;
  /** Named check for GET /readyz; a rejection's message becomes the reason. */
  addReadinessCheck(name: string, check: ReadinessCheck): void;
  /** The response cache's fast path (when configured), else null: its stats count query executions. */
  readonly responseCache: Pick<ResponseCacheRoute<object, unknown>, 'stats'> | null;
  /** Runs while the server drains, beside closing HTTP (e.g. disposing graphql-ws). */
  addDrainStep(name: string, step: () => Promise<void>): void;
  listen(): Promise<{ url: string }>;
  /** Stops accepting, lets in-flight requests finish (cut after forceCloseAfterMs), runs drain steps. Idempotent. */
  close(): Promise<void>;
}

type State = 'created' | 'listening' | 'closed';

/**
 * The one place that knows HTTP: Fastify with GraphQL over HTTP (Apollo) on /graphql, /healthz, /readyz,
 * a request id per request (x-request-id honoured or generated, logged, echoed, and put on GraphQL errors).
 */
export function createHttpServer<TContext extends RequestScopedContext>(options: HttpServerOptions<TContext>): HttpServer {
  const { logger } = options;
  const forceCloseAfterMs = options.forceCloseAfterMs ?? 10_000;
  const readiness = createReadiness();
  const drainSteps = new Map<string, () => Promise<void>>();
  let state: State = 'created';
  let apolloStarted = false;

  const requestLog = createRequestLog<TContext>();
  const cacheRoute = options.responseCache === undefined ? null : createResponseCacheRoute<TContext, RequestInfo['admitted']>(options.responseCache);
  const fastify = createFastify(options, requestLog);
  registerBrowserAccess(fastify, {
    ...(options.browser?.cors === undefined ? {} : { cors: options.browser.cors }),
    ide: options.landingPage ? (options.browser?.ide ?? { apiKeyRequired: false }) : null,
    graphqlPath: GRAPHQL_PATH,
    logger,
  });
  addMultipartUploadParser(fastify, { maxFileBytes: options.uploadLimitBytes ?? DEFAULTS.uploadLimitBytes, maxFieldBytes: options.bodyLimitBytes });
  fastify.get('/healthz', async (_request, reply) => reply.code(200).send({ status: 'ok' }));
  fastify.get('/readyz', async (_request, reply) => {
    const report = await readiness.evaluate();
    return reply.code(report.ready ? 200 : 503).send({ status: report.ready ? 'ready' : 'unavailable', checks: report.checks });
  });

  const closeFastify = async (): Promise<void> => {
    // Keep-alive connections that stay busy would hold close() forever; cut them after a grace period.
    const timer = setTimeout(() => fastify.server.closeAllConnections(), forceCloseAfterMs);
    timer.unref();
    try {
      await fastify.close();
    } finally {
      clearTimeout(timer);
    }
  };

  const drainPlugin: ApolloServerPlugin<TContext> = {
    async serverWillStart() {
      return {
        async drainServer() {
          const steps = [...drainSteps].map(async ([name, step]) => {
            try {
              await step();
            } catch (error) {
              logger.error({ err: ensureError(error), step: name }, 'drain step failed');
            }
          });
          await Promise.all([...steps, closeFastify()]);
        },
      };
    },
  };

  const apollo = createApolloServer<TContext>({
    schema: options.schema,
    logger,
    nodeEnv: options.nodeEnv,
    introspection: options.introspection,
    exposeStacktraces: options.exposeStacktraces ?? false,
    persistedQueries: createPersistedQueryStore({ trusted: (hash) => options.trustedDocuments?.get(hash) }),
    plugins: [
      drainPlugin,
      requestLog.plugin,
      ...(cacheRoute === null ? [] : [cacheRoute.plugin]),
      ...(options.trustedDocuments === undefined ? [] : [trustedDocumentsPlugin<TContext>(options.trustedDocuments.refusal)]),
      subscriptionOverHttpPlugin<TContext>({ graphqlPath: GRAPHQL_PATH }),
      ...(options.documentLimits === undefined ? [] : [documentLimitsPlugin<TContext>(options.documentLimits)]),
      ...(options.observe?.graphql === undefined ? [] : [requestObserverPlugin<TContext>(options.observe.graphql)]),
    ],
    ...(options.maxTokens === undefined ? {} : { maxTokens: options.maxTokens }),
  });

  const assertNotListening = (what: string): void => {
    if (state !== 'created') throw new Error(`${what} must be called before listen(); the server is ${state}`);
  };

  const closer = once(async () => {
    state = 'closed';
    if (apolloStarted) await apollo.stop();
    else await closeFastify();
  });

  return {
    server: fastify.server,
    responseCache: cacheRoute,
    registerRawBodyRoute(method, path, handler, routeOptions) {
      assertNotListening('registerRawBodyRoute()');
      void fastify.register(rawBodyRoutePlugin({ method, path, handler, options: routeOptions, logger }));
    },
    registerPlugin(plugin) {
      assertNotListening('registerPlugin()');
      void fastify.register(plugin);
    },
    registerRoute(methods, path, handler) {
      assertNotListening('registerRoute()');
      fastify.route({ method: methods, url: path, handler });
    },
    addReadinessCheck: (name, check) => readiness.add(name, check),
    addDrainStep(name, step) {
      if (drainSteps.has(name)) throw new Error(`Drain step "${name}" is already registered; give each step its own name`);
      drainSteps.set(name, step);
    },
    async listen() {
      if (state !== 'created') throw new Error(`listen() can be called once, on a new server; the server is ${state}`);
      state = 'listening';
      await apollo.start();
      apolloStarted = true;
      const apolloHandler = fastifyApolloHandler<TContext>(apollo, {
        context: async (request) => {
          const admitted = cacheRoute?.admittedFor(request);
          const context = await options.createContext({
            requestId: request.id,
            logger: logger.child({ requestId: request.id }),
            headers: request.headers,
            transport: 'http',
            ...(admitted === undefined ? {} : { admitted }),
          });
          requestLog.bind(request, context);
          cacheRoute?.bind(request, context);
          return context;
        },
      });
      // In a plugin, so that it is registered after @fastify/compress and gets its hooks.
      void fastify.register(async (scope) => {
        // A hit of the response cache is answered without Apollo; a miss runs Apollo and fills the cache.
        const cachedGraphQL = async (request: FastifyRequest, reply: FastifyReply): Promise<unknown> => {
          // The integration types its handler for its own route generics; the request is the same object.
          const runApollo = async (): Promise<unknown> => apolloHandler.call(scope, request as never, reply as never);
          if (cacheRoute === null) return runApollo();
          const hit = await cacheRoute.serve(request, reply);
          if (hit !== null) return hit;
          const body = await runApollo();
          cacheRoute.fill(request, reply, body);
          return body;
        };
        const around = options.observe?.around;
        scope.route({
          method: ['GET', 'POST'],
          url: GRAPHQL_PATH,
          errorHandler: graphqlRouteErrorHandler,
          handler: around === undefined ? cachedGraphQL : function observedGraphQL(request, reply) {
            return around({ name: `${request.method} ${GRAPHQL_PATH}`, headers: request.headers }, () => Promise.resolve(cachedGraphQL(request, reply)));
          },
        });
      });
      await fastify.listen({ host: options.host, port: options.port });
      return { url: urlOf(fastify.server.address() as AddressInfo) };
    },
    close: () => closer.dispose(),
  };
}

// Return type inferred: Fastify types its instance by the pino logger it was given.
function createFastify<TContext extends RequestScopedContext>(options: HttpServerOptions<TContext>, requestLog: RequestLog<TContext>) {
  const timeouts = options.timeouts ?? { headersMs: DEFAULTS.httpHeadersTimeoutMs, requestMs: DEFAULTS.httpRequestTimeoutMs, connectionMs: DEFAULTS.httpConnectionTimeoutMs };
  const fastify = Fastify({
    // Node checks both request timeouts only every connectionsCheckingInterval (30 s by default): checked this
    // often, a slow-header socket is cut within 1.25 × headersMs rather than after up to headersMs + 30 s.
    http: { headersTimeout: timeouts.headersMs, connectionsCheckingInterval: Math.max(50, Math.floor(Math.min(timeouts.headersMs, timeouts.requestMs) / 4)) },
    requestTimeout: timeouts.requestMs,
    connectionTimeout: timeouts.connectionMs,
    loggerInstance: options.logger,
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'requestId' }),
    bodyLimit: options.bodyLimitBytes,
    requestIdHeader: false,
    genReqId: (request) => requestIdFrom(request.headers),
    return503OnClosing: true,
    forceCloseConnections: 'idle',
  });
  // First, so that every route registered after it (in a plugin) can be compressed; /healthz and /readyz are tiny.
  void fastify.register(fastifyCompress, compressionOptions());
  // Hooks that run for every request (response cache hits included) take callbacks: no promise per request.
  fastify.addHook('onSend', (request, reply, payload, done) => {
    void reply.header(REQUEST_ID_HEADER, request.id);
    addSecurityHeaders(request, reply);
    done(null, payload);
  });
  const { logger } = options;
  fastify.addHook('onResponse', (request, reply, done) => {
    done();
    const probe = request.url === '/healthz' || request.url === '/readyz';
    // The line is built only when it is written (LOG_LEVEL=warn and above skip it).
    if (!logger.isLevelEnabled(probe ? 'debug' : 'info')) return;
    const entry = {
      requestId: request.id,
      method: request.method,
      url: request.url,
      ...requestLog.fieldsFor(request),
      statusCode: reply.statusCode,
      responseTimeMs: Math.round(reply.elapsedTime),
    };
    if (probe) logger.debug(entry, 'request completed');
    else logger.info(entry, 'request completed');
  });
  return fastify;
}

/** A URL clients on this machine can use, also when listening on every interface. */
function urlOf(address: AddressInfo): string {
  const host = address.address === '0.0.0.0' ? '127.0.0.1' : address.address === '::' ? '::1' : address.address;
  return `http://${address.family === 'IPv6' || host.includes(':') ? `[${host}]` : host}:${address.port}`;
}
