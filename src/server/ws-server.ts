import type { DocumentNode, ExecutionArgs, ExecutionResult, FormattedExecutionResult, GraphQLFormattedError, GraphQLSchema } from 'graphql';
import { execute, GraphQLError, NoSchemaIntrospectionCustomRule, parse, specifiedRules, validate } from 'graphql';
import { CloseCode, handleProtocols, makeServer } from 'graphql-ws';
import type { ServerOptions } from 'graphql-ws';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type WebSocket from 'ws';
import { WebSocketServer } from 'ws';
import { formatGatewayError, isUnexpectedError, unwrapThrown } from '../graph/errors/format-error';
import type { Disposable } from '../lib/disposable';
import { once } from '../lib/disposable';
import { ensureError } from '../lib/errors';
import type { Logger } from '../lib/logger';
import type { TurnBudget } from '../lib/turn-budget';
import { createTurnBudget } from '../lib/turn-budget';
import { createSharedExecution } from './shared-execution';
import { createSharedFrames } from './shared-frames';

/** What a WebSocket connection offers the context factory. */
export interface WsConnectionInfo {
  /** The `connection_init` payload (e.g. `{ authorization: "Bearer ..." }`); `{}` when the client sent none. */
  connectionParams: Readonly<Record<string, unknown>>;
  /** The HTTP upgrade request (headers, remote address). */
  request: IncomingMessage;
  socket: WebSocket;
}

export interface WsServerOptions<TContext extends object> {
  /** The HTTP server whose `upgrade` requests for `path` become GraphQL WebSocket connections. Borrowed. */
  httpServer: Server;
  path: string;
  schema: GraphQLSchema;
  /** One context per operation (subscribe message), like one per HTTP request. A thrown GraphQLError reaches the client. */
  createContext(connection: WsConnectionInfo): Promise<TContext>;
  logger: Logger;
  /** A connection that sends no `connection_init` within this is closed with 4408. */
  connectionInitWaitTimeoutMs: number;
  /** Interval of WebSocket pings; a socket that misses the pong by another interval is cut. 0 disables them. */
  keepAliveMs: number;
  /**
   * Decides on `connection_init`: false closes with 4403 Forbidden; an object is sent as the `connection_ack` payload.
   * Throwing a GraphQLError with code UNAUTHENTICATED closes with 4401 Unauthorized (FORBIDDEN: 4403), its message as reason.
   */
  onConnect?(connectionParams: Readonly<Record<string, unknown>>, request: IncomingMessage): Promise<boolean | Record<string, unknown>>;
  /**
   * Runs once the upgrade completed, before graphql-ws sees the socket; false: the hook closed it (e.g. 4403 for a
   * browser page whose Origin is not allowed, see origin-check.ts). @default admit every socket
   */
  admitConnection?(socket: WebSocket, request: IncomingMessage): boolean;
  /** Runs after validation, before the context: a returned error refuses the operation (limits on depth, cost, ...). */
  checkOperation?(request: { schema: GraphQLSchema; document: DocumentNode; operationName: string | null; variables: Readonly<Record<string, unknown>> | null }): GraphQLError | null;
  /** Tokens one document may have; parsing stops beyond it. @default unlimited */
  maxTokens?: number;
  /** Development only: unexpected errors keep their messages. @default false */
  exposeInternals?: boolean;
  /** Whether introspection queries are allowed (as over HTTP: config.graphql.introspection). @default true */
  introspection?: boolean;
  /** Largest message a client may send. @default 1_048_576 (1 MiB) */
  maxPayloadBytes?: number;
  /** Sockets still open this long into dispose() are cut. @default 5_000 (5 s) */
  forceCloseAfterMs?: number;
  /** Parsed and validated documents kept by query text, so equal subscriptions skip parse and validate. @default 500 */
  documentCacheSize?: number;
  /**
   * Subscriptions whose contexts give the same key (and that have the same document, operation name and variables)
   * share one execution of each event instead of one per subscriber. Return a key only if nothing else in the
   * context changes what an event's execution returns. @default never share
   */
  shareExecutionKey?(context: TContext): string | null;
  /**
   * How long subscription deliveries may run before giving the event loop back to timers and I/O (webhooks, Redis
   * replies). Deliveries keep priority (a fast subscriber must not fall behind because ingest got the CPU), but no
   * backlog holds the loop for seconds (Redis commands would time out with their replies already in the socket).
   * @default a 100 ms slice (10 ms answered webhooks sooner under overload but let a lone subscriber fall behind)
   */
  turnBudget?: TurnBudget;
}

export interface WsServerStats {
  /** Connections whose cleanup has not finished. */
  sockets: number;
  /** Subscription iterators not yet returned or finished. */
  subscriptions: number;
  /** Operations still being set up (context, subscribe resolver, replay start). */
  starting: number;
  /** Subscription results handed to graphql-ws for sending, since start. */
  delivered: number;
}

export interface WsServer extends Disposable {
  stats(): WsServerStats;
  /**
   * Stops accepting connections, closes every socket with 1001 "Going away", and resolves once each socket's
   * cleanup ran (every subscription iterator returned). Idempotent.
   */
  dispose(): Promise<void>;
}

const DEFAULT_MAX_PAYLOAD_BYTES = 1_048_576;
const DEFAULT_FORCE_CLOSE_AFTER_MS = 5_000;
const DEFAULT_DOCUMENT_CACHE_SIZE = 500;
const DEFAULT_TURN_SLICE_MS = 100;
/** Close codes for a refused `connection_init`, by the error code onConnect threw. */
const REFUSAL_CLOSE_CODES: Readonly<Record<string, number>> = { UNAUTHENTICATED: CloseCode.Unauthorized, FORBIDDEN: CloseCode.Forbidden };
/** A close frame's reason must fit in 123 bytes. */
const MAX_CLOSE_REASON_CHARS = 100;
/** RFC 6455 close code: the server is going down. */
const GOING_AWAY = 1001;

/** What graphql-ws keeps of each connection, for our hooks. */
interface ConnectionExtra {
  readonly socket: WebSocket;
  readonly request: IncomingMessage;
}

/**
 * GraphQL over WebSocket (graphql-ws, subprotocol graphql-transport-ws) on the HTTP server's port: subscriptions,
 * and queries or mutations if a client sends them this way. Errors get the same `extensions.code`s and masking as
 * over HTTP. The socket glue is graphql-ws' `useServer` for `ws`, rewritten (the tsconfig's module resolution
 * cannot see the `graphql-ws/use/ws` export) with one shared keep-alive timer instead of one per socket and a
 * dispose() that waits until every socket's cleanup ran.
 */
export function createWsServer<TContext extends object>(options: WsServerOptions<TContext>): WsServer {
  const { httpServer, path, schema, logger } = options;
  const exposeInternals = options.exposeInternals ?? false;
  const forceCloseAfterMs = options.forceCloseAfterMs ?? DEFAULT_FORCE_CLOSE_AFTER_MS;
  const documents = createDocumentCache(schema, options.documentCacheSize ?? DEFAULT_DOCUMENT_CACHE_SIZE, options.introspection ?? true, options.maxTokens);
  const shareExecutionKey = options.shareExecutionKey;
  const sharedExecution = createSharedExecution({
    shareKey: (contextValue) => (shareExecutionKey === undefined ? null : shareExecutionKey(contextValue as TContext)),
  });
  const frames = createSharedFrames();
  const turnBudget = options.turnBudget ?? createTurnBudget({ sliceMs: DEFAULT_TURN_SLICE_MS });
  const wss = new WebSocketServer({
    noServer: true,
    clientTracking: false,
    maxPayload: options.maxPayloadBytes ?? DEFAULT_MAX_PAYLOAD_BYTES,
    handleProtocols: (protocols) => handleProtocols(protocols),
  });

  /** Open sockets, each until graphql-ws finished its cleanup (every subscription returned); value: answered the last ping. */
  const sockets = new Map<WebSocket, { alive: boolean }>();
  const subscriptions = new Set<object>();
  let starting = 0;
  let delivered = 0;
  let idleWaiters: (() => void)[] = [];
  let accepting = true;
  let heartbeat: NodeJS.Timeout | null = null;

  const settleIdle = (): void => {
    if (sockets.size === 0) stopHeartbeat();
    if (sockets.size > 0 || subscriptions.size > 0 || starting > 0) return;
    for (const resolve of idleWaiters.splice(0)) resolve();
  };
  const whenIdle = (): Promise<void> =>
    new Promise((resolve) => {
      idleWaiters.push(resolve);
      settleIdle();
    });

  /** One timer for every socket: a socket that did not answer the previous ping is cut, the others pinged again. */
  function startHeartbeat(): void {
    if (heartbeat !== null || options.keepAliveMs <= 0) return;
    heartbeat = setInterval(() => {
      for (const [socket, liveness] of sockets) {
        if (socket.readyState !== socket.OPEN) continue;
        if (!liveness.alive) {
          socket.terminate();
          continue;
        }
        liveness.alive = false;
        socket.ping();
      }
    }, options.keepAliveMs);
    heartbeat.unref();
  }
  function stopHeartbeat(): void {
    if (heartbeat === null) return;
    clearInterval(heartbeat);
    heartbeat = null;
  }

  /** Wraps a subscription's iterator so the server knows when it finished and can wait for its return(). */
  function track(source: AsyncIterable<ExecutionResult>): AsyncGenerator<ExecutionResult> {
    const iterator = source[Symbol.asyncIterator]();
    const entry = {};
    subscriptions.add(entry);
    let returning: Promise<IteratorResult<ExecutionResult>> | null = null;
    const finished = (): void => {
      subscriptions.delete(entry);
      settleIdle();
    };
    const tracked = {
      async next(): Promise<IteratorResult<ExecutionResult>> {
        // A backlog drains through here one delivery per subscriber after another, all in promise continuations.
        const spent = turnBudget.yieldIfSpent();
        if (spent !== null) await spent;
        try {
          const result = await iterator.next();
          if (result.done === true) finished();
          else delivered++;
          return result;
        } catch (error) {
          finished();
          throw error;
        }
      },
      async return(value?: unknown): Promise<IteratorResult<ExecutionResult>> {
        returning ??= iterator.return?.(value) ?? Promise.resolve({ value: undefined, done: true });
        try {
          return await returning;
        } finally {
          finished();
        }
      },
      async throw(error?: unknown): Promise<IteratorResult<ExecutionResult>> {
        try {
          if (iterator.throw !== undefined) return await iterator.throw(error);
          await iterator.return?.();
          throw error;
        } finally {
          finished();
        }
      },
      [Symbol.asyncIterator]() {
        return tracked;
      },
    };
    return tracked as AsyncGenerator<ExecutionResult>;
  }

  async function trackedSubscribe(args: ExecutionArgs): Promise<AsyncGenerator<ExecutionResult> | ExecutionResult> {
    starting++;
    try {
      const result = await sharedExecution.subscribe(args);
      return isAsyncIterable(result) ? track(result) : result;
    } finally {
      starting--;
      settleIdle();
    }
  }

  function formatErrors(errors: readonly GraphQLError[], operationId: string, fallbackCode: string): GraphQLFormattedError[] {
    return errors.map((error) => {
      if (isUnexpectedError(error)) logger.error({ err: ensureError(unwrapThrown(error)), operationId, path: error.path }, 'unexpected error in a WebSocket operation');
      const formatted = formatGatewayError(error.toJSON(), error, { exposeInternals });
      return formatted.extensions?.code === undefined ? { ...formatted, extensions: { ...formatted.extensions, code: fallbackCode } } : formatted;
    });
  }

  const serverOptions: ServerOptions<Record<string, unknown> | undefined, ConnectionExtra> = {
    schema,
    connectionInitWaitTimeout: options.connectionInitWaitTimeoutMs,
    subscribe: trackedSubscribe,
    execute,
    jsonMessageReplacer: frames.replacer,
    async onConnect(ctx) {
      if (options.onConnect === undefined) return true;
      try {
        return await options.onConnect(ctx.connectionParams ?? {}, ctx.extra.request);
      } catch (error) {
        const refusal = error instanceof GraphQLError ? REFUSAL_CLOSE_CODES[String(error.extensions.code)] : undefined;
        if (refusal !== undefined) {
          ctx.extra.socket.close(refusal, error instanceof GraphQLError ? error.message.slice(0, MAX_CLOSE_REASON_CHARS) : '');
          return false;
        }
        logger.error({ err: ensureError(error) }, 'WebSocket connection check failed');
        ctx.extra.socket.close(CloseCode.InternalServerError, 'Internal server error');
        return false;
      }
    },
    async onSubscribe(ctx, id, payload) {
      const document = documents.get(payload.query);
      if (!('kind' in document)) return document.errors;
      const refused = options.checkOperation?.({ schema, document, operationName: payload.operationName ?? null, variables: payload.variables ?? null }) ?? null;
      if (refused !== null) return [refused];
      let contextValue: TContext;
      try {
        contextValue = await options.createContext({ connectionParams: ctx.connectionParams ?? {}, request: ctx.extra.request, socket: ctx.extra.socket });
      } catch (error) {
        if (error instanceof GraphQLError) return [error];
        logger.error({ err: ensureError(error), operationId: id }, 'could not create the context of a WebSocket operation');
        return [new GraphQLError('Internal server error', { extensions: { code: 'INTERNAL_SERVER_ERROR' } })];
      }
      return { schema, document, operationName: payload.operationName ?? null, variableValues: payload.variables ?? null, contextValue };
    },
    onNext(_ctx, id, _payload, _args, result): FormattedExecutionResult {
      // Formatted (errors masked, unexpected ones logged) and serialised once per result, however many sockets share it.
      return frames.payloadFor(result, ({ errors, ...rest }) =>
        errors === undefined || errors.length === 0 ? rest : { ...rest, errors: formatErrors(errors, id, 'INTERNAL_SERVER_ERROR') },
      );
    },
    onError(_ctx, id, _payload, errors) {
      return formatErrors(errors, id, 'BAD_REQUEST');
    },
  };
  const server = makeServer(serverOptions);

  function onConnection(socket: WebSocket, request: IncomingMessage): void {
    const liveness = { alive: true };
    sockets.set(socket, liveness);
    startHeartbeat();
    socket.on('pong', () => {
      liveness.alive = true;
    });
    socket.once('error', (error) => {
      logger.warn({ err: error }, 'WebSocket error; closing the connection');
      socket.close(CloseCode.InternalServerError, 'Internal server error');
    });
    const closed = server.opened(
      {
        protocol: socket.protocol,
        send: (message) =>
          new Promise<void>((resolve, reject) => {
            // First: graphql-ws calls this synchronously after stringify, whose prepared payload goes in here.
            const data = frames.complete(message);
            if (socket.readyState !== socket.OPEN) return resolve();
            socket.send(data, (error) => (error === undefined || error === null ? resolve() : reject(error)));
          }),
        close: (code, reason) => socket.close(code, reason),
        onMessage: (handle) =>
          socket.on('message', async (data) => {
            try {
              await handle(String(data));
            } catch (error) {
              logger.error({ err: ensureError(error) }, 'WebSocket message handling failed; closing the connection');
              socket.close(CloseCode.InternalServerError, 'Internal server error');
            }
          }),
      },
      { socket, request },
    );
    socket.once('close', (code, reason) => {
      // graphql-ws returns the socket's subscriptions here; the socket counts as open until that finished.
      closed(code, String(reason))
        .catch((error: unknown) => logger.error({ err: ensureError(error) }, 'WebSocket cleanup failed'))
        .finally(() => {
          sockets.delete(socket);
          settleIdle();
        });
    });
  }

  function onUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    if (pathOf(request.url) !== path) {
      // Another upgrade handler may own that path; with none, answer instead of leaving the socket hanging.
      if (httpServer.listenerCount('upgrade') === 1) refuse(socket, 404, 'Not Found');
      return;
    }
    if (!accepting) {
      refuse(socket, 503, 'Service Unavailable');
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      if (!accepting) ws.close(GOING_AWAY, 'Going away'); // dispose() started during the handshake
      else if (options.admitConnection?.(ws, request) ?? true) onConnection(ws, request);
    });
  }
  httpServer.on('upgrade', onUpgrade);

  const disposer = once(async () => {
    accepting = false;
    for (const socket of sockets.keys()) socket.close(GOING_AWAY, 'Going away');
    // A client that never answers the close frame would hold dispose() for ws' own 30 s timeout.
    const cut = setTimeout(() => {
      for (const socket of sockets.keys()) socket.terminate();
    }, forceCloseAfterMs);
    cut.unref();
    try {
      await whenIdle();
    } finally {
      clearTimeout(cut);
      stopHeartbeat();
      idleWaiters = [];
      httpServer.off('upgrade', onUpgrade);
      wss.close();
    }
  });

  return {
    stats: () => ({ sockets: sockets.size, subscriptions: subscriptions.size, starting, delivered }),
    dispose: disposer.dispose,
  };
}

interface DocumentCache {
  /** The parsed, validated document, or the errors to send (codes as Apollo's: GRAPHQL_PARSE_FAILED / _VALIDATION_FAILED). */
  get(query: string): DocumentNode | { errors: GraphQLError[] };
}

/** Validation depends only on the schema and the text, so a document valid once stays valid: keep the last few. */
function createDocumentCache(schema: GraphQLSchema, size: number, introspection: boolean, maxTokens: number | undefined): DocumentCache {
  const rules = introspection ? specifiedRules : [...specifiedRules, NoSchemaIntrospectionCustomRule];
  const cache = new Map<string, DocumentNode>();
  return {
    get(query) {
      const cached = cache.get(query);
      if (cached !== undefined) {
        // Refresh its place: the Map's first key is always the least recently used.
        cache.delete(query);
        cache.set(query, cached);
        return cached;
      }
      let document: DocumentNode;
      try {
        document = parse(query, maxTokens === undefined ? undefined : { maxTokens });
      } catch (error) {
        const syntax = error instanceof GraphQLError ? error : new GraphQLError(ensureError(error).message);
        return { errors: [withCode(syntax, 'GRAPHQL_PARSE_FAILED')] };
      }
      const errors = validate(schema, document, rules);
      if (errors.length > 0) return { errors: errors.map((error) => withCode(error, 'GRAPHQL_VALIDATION_FAILED')) };
      cache.set(query, document);
      if (cache.size > size) cache.delete(cache.keys().next().value as string);
      return document;
    },
  };
}

function withCode(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, { nodes: error.nodes, source: error.source, positions: error.positions, path: error.path, extensions: { ...error.extensions, code } });
}

function isAsyncIterable(value: unknown): value is AsyncIterable<ExecutionResult> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

function pathOf(url: string | undefined): string {
  const query = (url ?? '/').indexOf('?');
  return query === -1 ? (url ?? '/') : (url ?? '/').slice(0, query);
}

function refuse(socket: Duplex, status: number, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`, () => socket.destroy());
}
