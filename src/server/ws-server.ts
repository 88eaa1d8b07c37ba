import type { DocumentNode, ExecutionArgs, ExecutionResult, FormattedExecutionResult, GraphQLFormattedError, GraphQLSchema } from 'graphql';
import { execute, GraphQLError } from 'graphql';
import type { ServerOptions } from 'graphql-ws';
import { CloseCode } from 'graphql-ws';
import type { Extra } from 'graphql-ws/use/ws';
import { useServer } from 'graphql-ws/use/ws';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import WebSocket, { WebSocketServer } from 'ws';
import { formatGatewayError, isUnexpectedError, unwrapThrown } from '../errors/format-error';
import type { Disposable } from '../lib/disposable';
import { once } from '../lib/disposable';
import { ensureError, isClientDisconnect } from '../lib/errors';
import type { Logger } from '../lib/logger';
import type { TurnBudget } from '../lib/turn-budget';
import { createTurnBudget } from '../lib/turn-budget';
import type { OnDelivery } from './delivery-observer';
import { createReceivedTimes, deliveredEventOf } from './delivery-observer';
import { createDocumentCache } from './document-cache';
import { createSharedExecution } from './shared-execution';
import type { SharedFrames } from './shared-frames';
import { createSharedFrames } from './shared-frames';
import type { WsServerStats as WsActivityStats } from './ws-activity';
import { createWsActivity } from './ws-activity';
import type { BroadcastTarget, WsBroadcastStats } from './ws-broadcast';
import { createWsBroadcast } from './ws-broadcast';
import { createHeartbeat } from './ws-heartbeat';
import type { OperationOutcomeObserver } from './operation-counter';
import { countWsOperations, createOperationCounter } from './operation-counter';

export type { WsBroadcastStats } from './ws-broadcast';

export interface WsServerStats extends WsActivityStats {
  /** The broadcast path of equal subscriptions that start with the next event (see ws-broadcast.ts). */
  broadcast: WsBroadcastStats;
}

/** What a WebSocket connection offers the context factory. */
export interface WsConnectionInfo {
  /** The `connection_init` payload (e.g. `{ authorization: "Bearer ..." }`); `{}` when the client sent none. */
  connectionParams: Readonly<Record<string, unknown>>;
  /** The HTTP upgrade request (headers, remote address). */
  request: IncomingMessage;
  socket: WebSocket;
}

/** An upgrade request answered with an HTTP status instead of a WebSocket. */
export interface UpgradeRefusal {
  status: number;
  reason: string;
}

export interface WsServerOptions<TContext extends object> {
  /** The HTTP server whose `upgrade` requests for `path` become GraphQL WebSocket connections. Borrowed. */
  httpServer: Server;
  path: string;
  schema: GraphQLSchema;
  /**
   * Decides on each upgrade request for `path` before the handshake (e.g. its Origin): a refusal is answered with
   * its status and no socket is opened. @default admit every request
   */
  admitUpgrade?(request: IncomingMessage): UpgradeRefusal | null;
  /** One context per operation (subscribe message), like one per HTTP request. A thrown GraphQLError reaches the client. */
  createContext(connection: WsConnectionInfo): Promise<TContext>;
  logger: Logger;
  /** A connection that sends no `connection_init` within this is closed with 4408. */
  connectionInitWaitTimeoutMs: number;
  /** Interval of WebSocket pings; a socket that misses the pong by another interval is cut. 0 disables them. */
  keepAliveMs: number;
  /**
   * Decides on `connection_init`: false closes with 4403 Forbidden; an object is sent as the `connection_ack` payload.
   * Throwing a GraphQLError with code UNAUTHENTICATED closes with 4401 Unauthorized (FORBIDDEN: 4403, RATE_LIMITED:
   * 4429 Too many requests), its message as reason. `socket` is the connection's, e.g. to count it until it closes.
   */
  onConnect?(connectionParams: Readonly<Record<string, unknown>>, request: IncomingMessage, socket: WebSocket): Promise<boolean | Record<string, unknown>>;
  /**
   * Runs once the upgrade completed, before graphql-ws sees the socket; false: the hook closed it (e.g. 4403 for a
   * browser page whose Origin is not allowed, see origin-check.ts). @default admit every socket
   */
  admitConnection?(socket: WebSocket, request: IncomingMessage): boolean;
  /**
   * Whether a connection accepted earlier may stay open (its API key not revoked or expired since), asked of every
   * socket every `revalidateEveryMs`: false closes it with 4403 Forbidden, which returns all its subscriptions (and
   * frees their slots). @default every connection stays
   */
  stillAllowed?(connectionParams: Readonly<Record<string, unknown>>): boolean;
  /** How often `stillAllowed` is asked. @default 2_000 */
  revalidateEveryMs?: number;
  /** Runs after validation, before the context: a returned error refuses the operation (limits on depth, cost, ...). */
  checkDocument?(request: { schema: GraphQLSchema; document: DocumentNode; operationName: string | null; variables: Readonly<Record<string, unknown>> | null }): GraphQLError | null;
  /** Runs once the caller's context exists: a returned error refuses the operation (documents a key may not run). */
  checkCaller?(context: TContext, query: string): GraphQLError | null;
  /** Tokens one document may have; parsing stops beyond it. @default unlimited */
  maxTokens?: number;
  /** Development only: unexpected errors keep their messages. @default false */
  exposeInternals?: boolean;
  /** Production: no "Did you mean …?" suggestions in error messages (they spell out the schema). @default false */
  hideSuggestions?: boolean;
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
  /**
   * Frames a broadcast subscriber's socket may hold unsent, counted in frames of the current event's size, before
   * its subscription ends with SUBSCRIBER_TOO_SLOW (config.subscriptions.queueLimit, as the per-subscriber event
   * queue). @default 1_000
   */
  queueLimit?: number;
  /** Sees every delivery (e.g. delivery lag by transport, for metrics). @default none */
  onDelivery?: OnDelivery;
  /** Told, per subscriber and event, whether the result was shared with an equal subscription (metrics). @default none */
  onExecution?: (shared: boolean) => void;
  /** Told once per operation how it was answered, as HTTP requests are (metrics). @default none */
  onOperationOutcome?: OperationOutcomeObserver;
}

export interface WsServer extends Disposable {
  stats(): WsServerStats;
  /** Asks `stillAllowed` of every acknowledged socket now and closes the refused ones with 4403; answers how many. */
  revalidate(): number;
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
const DEFAULT_REVALIDATE_EVERY_MS = 2_000;
const DEFAULT_QUEUE_LIMIT = 1_000;
/** Close codes for a refused `connection_init`, by the error code onConnect threw. */
const REFUSAL_CLOSE_CODES: Readonly<Record<string, number>> = {
  UNAUTHENTICATED: CloseCode.Unauthorized,
  FORBIDDEN: CloseCode.Forbidden,
  // graphql-ws' 4429 ("too many initialisation requests"): the HTTP 429 of WebSocket closes.
  RATE_LIMITED: CloseCode.TooManyInitialisationRequests,
};
/** A close frame's reason must fit in 123 bytes. */
const MAX_CLOSE_REASON_CHARS = 100;
const NOT_FOUND: UpgradeRefusal = { status: 404, reason: 'Not Found' };
const SHUTTING_DOWN: UpgradeRefusal = { status: 503, reason: 'Service Unavailable' };

/**
 * GraphQL over WebSocket (graphql-ws, subprotocol graphql-transport-ws) on the HTTP server's port: subscriptions,
 * and queries or mutations if a client sends them this way. Errors get the same `extensions.code`s and masking as
 * over HTTP. The sockets are graphql-ws' own `ws` adapter (`useServer`: the protocol on each socket, 1001 on
 * dispose); what is added here: admission of upgrades, equal subscriptions sharing one execution and one
 * serialisation per event, deliveries paced by the turn budget, one keep-alive timer for all sockets, stats, and a
 * dispose() that waits until every socket's subscriptions were returned.
 */
export function createWsServer<TContext extends object>(options: WsServerOptions<TContext>): WsServer {
  const { httpServer, path, schema, logger } = options;
  const exposeInternals = options.exposeInternals ?? false;
  const hideSuggestions = options.hideSuggestions ?? false;
  const documents = createDocumentCache({
    schema,
    size: options.documentCacheSize ?? DEFAULT_DOCUMENT_CACHE_SIZE,
    introspection: options.introspection ?? true,
    maxTokens: options.maxTokens,
  });
  const { shareExecutionKey, onDelivery } = options;
  const receivedTimes = onDelivery === undefined ? null : createReceivedTimes();
  const sharedExecution = createSharedExecution({
    shareKey: (contextValue) => (shareExecutionKey === undefined ? null : shareExecutionKey(contextValue as TContext)),
    ...(receivedTimes === null ? {} : { onResult: receivedTimes.record }),
    ...(options.onExecution === undefined ? {} : { onExecution: options.onExecution }),
  });
  const turnBudget = options.turnBudget ?? createTurnBudget({ sliceMs: DEFAULT_TURN_SLICE_MS });
  /** The socket and operation id of each operation graphql-ws runs, by the arguments onSubscribe returned for it. */
  const targets = new WeakMap<ExecutionArgs, BroadcastTarget>();
  const broadcast = createWsBroadcast({
    keyOf: (args) => sharedExecution.keyOf(args),
    targetOf: (args) => targets.get(args) ?? null,
    subscribe: (args) => sharedExecution.subscribe(args),
    map: (args, source) => sharedExecution.map(args, source),
    format: (result, operationId) => formatResult(result, operationId),
    turnBudget,
    queueLimit: options.queueLimit ?? DEFAULT_QUEUE_LIMIT,
    onWritten(payload, subscribers) {
      activity.countDelivered(subscribers);
      if (onDelivery === undefined) return;
      const delivery = { transport: 'ws', ...deliveredEventOf(payload) } as const;
      for (let i = 0; i < subscribers; i++) onDelivery(delivery);
    },
    logger,
  });
  const activity = createWsActivity({ subscribe: (args) => broadcast.subscribe(args), turnBudget, logger });
  const frames = createSharedFrames();
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxPayloadBytes ?? DEFAULT_MAX_PAYLOAD_BYTES, WebSocket: gatewaySocketClass(frames, logger) });
  const heartbeat = createHeartbeat(wss, options.keepAliveMs);
  let accepting = true;
  /** Acknowledged sockets and their connection_init payloads, for revalidate(). */
  const acknowledged = new Map<WebSocket, Readonly<Record<string, unknown>>>();

  function revalidate(): number {
    const { stillAllowed } = options;
    if (stillAllowed === undefined) return 0;
    let closed = 0;
    for (const [socket, params] of acknowledged) {
      if (stillAllowed(params)) continue;
      acknowledged.delete(socket);
      socket.close(CloseCode.Forbidden, 'Forbidden: the API key was revoked or has expired');
      closed++;
    }
    if (closed > 0) logger.info({ closed }, 'closed WebSocket connections whose API key was revoked or expired');
    return closed;
  }
  const revalidation = options.stillAllowed === undefined ? null : setInterval(revalidate, options.revalidateEveryMs ?? DEFAULT_REVALIDATE_EVERY_MS);
  revalidation?.unref();

  /** A `next` payload as the client gets it: unexpected errors logged and masked, every error with a code. */
  function formatResult({ errors, ...rest }: ExecutionResult, operationId: string): FormattedExecutionResult {
    return errors === undefined || errors.length === 0 ? rest : { ...rest, errors: formatErrors(errors, operationId, 'INTERNAL_SERVER_ERROR') };
  }

  function formatErrors(errors: readonly GraphQLError[], operationId: string, fallbackCode: string): GraphQLFormattedError[] {
    return errors.map((error) => {
      if (isClientDisconnect(unwrapThrown(error))) logger.info({ operationId, path: error.path }, 'client disconnected during a WebSocket operation');
      else if (isUnexpectedError(error)) logger.error({ err: ensureError(unwrapThrown(error)), operationId, path: error.path }, 'unexpected error in a WebSocket operation');
      const formatted = formatGatewayError(error.toJSON(), error, { exposeInternals, hideSuggestions });
      return formatted.extensions?.code === undefined ? { ...formatted, extensions: { ...formatted.extensions, code: fallbackCode } } : formatted;
    });
  }

  const serverOptions: ServerOptions<Record<string, unknown> | undefined, Extra> = {
    schema,
    connectionInitWaitTimeout: options.connectionInitWaitTimeoutMs,
    subscribe: (args) => activity.subscribe(args),
    execute,
    jsonMessageReplacer: frames.replacer,
    async onConnect(ctx) {
      const remember = <T>(answer: T): T => {
        if (answer !== false) {
          const { socket } = ctx.extra;
          acknowledged.set(socket, ctx.connectionParams ?? {});
          socket.once('close', () => acknowledged.delete(socket));
        }
        return answer;
      };
      if (options.onConnect === undefined) return remember(true);
      try {
        return remember(await options.onConnect(ctx.connectionParams ?? {}, ctx.extra.request, ctx.extra.socket));
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
      let refused: GraphQLError | null;
      try {
        refused = options.checkDocument?.({ schema, document, operationName: payload.operationName ?? null, variables: payload.variables ?? null }) ?? null;
      } catch (error) {
        // Thrown out of onSubscribe, graphql-ws would close the whole socket (4500) and end its other subscriptions.
        logger.error({ err: ensureError(error), operationId: id }, 'could not check a WebSocket operation against the limits');
        return [new GraphQLError('Internal server error', { extensions: { code: 'INTERNAL_SERVER_ERROR' } })];
      }
      if (refused !== null) return [refused];
      let contextValue: TContext;
      try {
        contextValue = await options.createContext({ connectionParams: ctx.connectionParams ?? {}, request: ctx.extra.request, socket: ctx.extra.socket });
      } catch (error) {
        if (error instanceof GraphQLError) return [error];
        logger.error({ err: ensureError(error), operationId: id }, 'could not create the context of a WebSocket operation');
        return [new GraphQLError('Internal server error', { extensions: { code: 'INTERNAL_SERVER_ERROR' } })];
      }
      const forbidden = options.checkCaller?.(contextValue, payload.query) ?? null;
      if (forbidden !== null) return [forbidden];
      const args: ExecutionArgs = { schema, document, operationName: payload.operationName ?? null, variableValues: payload.variables ?? null, contextValue };
      targets.set(args, { socket: ctx.extra.socket, id });
      return args;
    },
    onNext(_ctx, id, _payload, _args, result) {
      if (receivedTimes !== null) onDelivery?.({ transport: 'ws', ...receivedTimes.of(result) });
      // Formatted (errors masked, unexpected ones logged) and serialised once per result, however many sockets share it.
      return frames.payloadFor(result, (formatted) => formatResult(formatted, id));
    },
    onError(_ctx, id, _payload, errors) {
      return formatErrors(errors, id, 'BAD_REQUEST');
    },
    // The last step of graphql-ws' cleanup of a socket, after every subscription of it was returned.
    onClose: () => activity.socketCleanedUp(),
  };
  // Keep-alive 0: the heartbeat pings all sockets from one timer.
  const counted = options.onOperationOutcome === undefined ? serverOptions : countWsOperations(serverOptions, createOperationCounter('ws', options.onOperationOutcome));
  const adapter = useServer({ ...counted, isProd: !exposeInternals }, wss, 0);

  /** Every upgrade request for `path` passes here: the one place that decides who may open a socket. */
  function admissionOf(request: IncomingMessage): UpgradeRefusal | null {
    if (!accepting) return SHUTTING_DOWN;
    return options.admitUpgrade?.(request) ?? null;
  }

  function onUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    if (pathOf(request.url) !== path) {
      // Another upgrade handler may own that path; with none, answer instead of leaving the socket hanging.
      if (httpServer.listenerCount('upgrade') === 1) refuse(socket, NOT_FOUND);
      return;
    }
    const refusal = admissionOf(request);
    if (refusal !== null) {
      refuse(socket, refusal);
      return;
    }
    wss.handleUpgrade(request, socket, head, (client) => {
      if (!(options.admitConnection?.(client, request) ?? true)) return; // the hook closed it (4403)
      activity.socketOpened();
      heartbeat.watch(client);
      wss.emit('connection', client, request);
    });
  }
  httpServer.on('upgrade', onUpgrade);

  const disposer = once(async () => {
    accepting = false;
    if (revalidation !== null) clearInterval(revalidation);
    // A client that never answers the close frame would hold dispose() for ws' own 30 s timeout.
    const cut = setTimeout(() => {
      for (const client of wss.clients) client.terminate();
    }, options.forceCloseAfterMs ?? DEFAULT_FORCE_CLOSE_AFTER_MS);
    cut.unref();
    try {
      await adapter.dispose(); // 1001 "Going away" to every socket; resolves once they all closed
      await activity.whenIdle();
      await broadcast.whenIdle();
    } finally {
      clearTimeout(cut);
      heartbeat.stop();
      httpServer.off('upgrade', onUpgrade);
    }
  });

  return { stats: () => ({ ...activity.stats(), broadcast: broadcast.stats() }), revalidate, dispose: disposer.dispose };
}

/**
 * ws' socket as the gateway needs it. send(): the shared frames' splice on the way out (graphql-ws stringifies a
 * message, the replacer leaving a placeholder for a prepared payload, and the adapter calls send() with it at once;
 * a message it drops for a closed socket leaves a payload pending that the next prepared one replaces).
 * 'error' (a client's protocol violation, an oversized message, a reset): logged to the gateway's log and closed
 * with 1011, instead of reaching graphql-ws' adapter, which writes it to the console.
 */
function gatewaySocketClass(frames: SharedFrames, logger: Logger): typeof WebSocket {
  type SendArgs = Parameters<WebSocket['send']>;
  return class GatewayWebSocket extends WebSocket {
    override send(data: SendArgs[0], options?: SendArgs[1] | SendArgs[2], callback?: SendArgs[2]): void {
      const message = typeof data === 'string' ? frames.complete(data) : data;
      if (typeof options === 'function') super.send(message, options);
      else super.send(message, options ?? {}, callback);
    }

    override emit(event: string | symbol, ...args: unknown[]): boolean {
      if (event !== 'error') return super.emit(event, ...args);
      // A reset or broken pipe is the client leaving, not a fault of either side worth a warning.
      if (isClientDisconnect(args[0])) logger.info({ code: (args[0] as { code?: unknown }).code }, 'WebSocket client disconnected mid-frame; closing the connection');
      else logger.warn({ err: ensureError(args[0]) }, 'WebSocket error; closing the connection');
      this.close(CloseCode.InternalServerError, 'Internal server error');
      return true;
    }
  };
}

function pathOf(url: string | undefined): string {
  const query = (url ?? '/').indexOf('?');
  return query === -1 ? (url ?? '/') : (url ?? '/').slice(0, query);
}

function refuse(socket: Duplex, refusal: UpgradeRefusal): void {
  socket.end(`HTTP/1.1 ${refusal.status} ${refusal.reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`, () => socket.destroy());
}
