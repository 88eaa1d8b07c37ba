import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DocumentNode, ExecutionResult, GraphQLFormattedError, GraphQLSchema } from 'graphql';
import { execute, GraphQLError } from 'graphql';
import type { HandlerOptions, OperationArgs, Request, Response } from 'graphql-sse';
import { createHandler, TOKEN_HEADER_KEY, TOKEN_QUERY_KEY } from 'graphql-sse';
import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import { formatGatewayError, isUnexpectedError, unwrapThrown } from '../errors/format-error';
import type { Disposable } from '../lib/disposable';
import { once } from '../lib/disposable';
import { ensureError, isClientDisconnect } from '../lib/errors';
import type { Logger } from '../lib/logger';
import type { TurnBudget } from '../lib/turn-budget';
import { createTurnBudget } from '../lib/turn-budget';
import type { OnDelivery } from './delivery-observer';
import { createReceivedTimes } from './delivery-observer';
import { createDocumentCache } from './document-cache';
import { createSharedExecution } from './shared-execution';
import { withResumeCursor } from './sse-resume';
import type { OperationOutcomeObserver } from './operation-counter';
import { countSseOperations, createOperationCounter } from './operation-counter';

export interface SseServerStats {
  /** Event-stream responses open (distinct operations and single-connection streams). */
  streams: number;
  /** `next` results handed to a stream since start. */
  delivered: number;
}

export interface SseServerOptions<TContext extends object> {
  schema: GraphQLSchema;
  /** One context per operation, from the request's headers (`Authorization`). A thrown GraphQLError refuses it. */
  createContext(request: { headers: IncomingHttpHeaders; requestId: string }): Promise<TContext>;
  /** Runs after validation, before the context: a returned error refuses the operation (limits on depth, cost, ...). */
  checkDocument?(request: { schema: GraphQLSchema; document: DocumentNode; operationName: string | null; variables: Readonly<Record<string, unknown>> | null }): GraphQLError | null;
  /** Runs once the caller's context exists: a returned error refuses the operation (documents a key may not run). */
  checkCaller?(context: TContext, query: string): GraphQLError | null;
  logger: Logger;
  /** Tokens one document may have; parsing stops beyond it. @default unlimited */
  maxTokens?: number;
  /** Development only: unexpected errors keep their messages. @default false */
  exposeInternals?: boolean;
  /** Production: no "Did you mean …?" suggestions in error messages (they spell out the schema). @default false */
  hideSuggestions?: boolean;
  /** @default true */
  introspection?: boolean;
  /** @default 500 */
  documentCacheSize?: number;
  /** As the WebSocket server's: equal subscriptions of one caller share each event's execution. @default never share */
  shareExecutionKey?(context: TContext): string | null;
  /** The root subscription argument a `Last-Event-ID` sets (the cursor to resume after). @default 'after' */
  resumeArgument?: string;
  /** @default a 100 ms slice, as the WebSocket server's */
  turnBudget?: TurnBudget;
  /** Sees every delivery (e.g. delivery lag by transport, for metrics). @default none */
  onDelivery?: OnDelivery;
  /** Told, per subscriber and event, whether the result was shared with an equal subscription (metrics). @default none */
  onExecution?: (shared: boolean) => void;
  /** Told once per operation how it was answered, as HTTP requests are (metrics). @default none */
  onOperationOutcome?: OperationOutcomeObserver;
}

export interface SseServer extends Disposable {
  /** The route handler for every method on the stream path (GET/POST streams, PUT/DELETE of single-connection mode). */
  handle(request: FastifyRequest, reply: FastifyReply): Promise<void>;
  stats(): SseServerStats;
  /** Refuses new requests (503) and ends every open stream, resolving once their operations were returned. Idempotent. */
  dispose(): Promise<void>;
}

/** What the handler carries per HTTP request. */
interface RequestState {
  readonly requestId: string;
  readonly headers: IncomingHttpHeaders;
  /** The response the operation's events are written to, once it streams (distinct mode: its own; single: the token's). */
  stream: ServerResponse | null;
  /** Distinct-connections mode: cursors of the `next` messages queued for this response, in order (null: no cursor). */
  readonly ids: (string | null)[] | null;
}

type SseContext = Record<PropertyKey, unknown>;
const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' };
const HTTP_STATUS_BY_CODE: Readonly<Record<string, number>> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, RATE_LIMITED: 429, BAD_USER_INPUT: 400 };
const NEXT_PREFIX = 'event: next\n';

/**
 * GraphQL over Server-Sent Events with graphql-sse's protocol and handler, in both of its modes:
 * - distinct connections: each GET/POST with `Accept: text/event-stream` is one operation on its own stream (what
 *   `EventSource` and `curl` use). Each `next` of an event carries the event's cursor as its SSE `id:`, and a
 *   request with `Last-Event-ID` resumes the subscription strictly after it (the header replaces the root field's
 *   `after`): the library writes no ids, so the stream is written here, the ids inserted in order (one operation per
 *   stream, so the n-th cursor recorded belongs to the n-th `next`).
 * - single connection: PUT reserves a token, a GET with the token opens its stream, operations are POSTed with it.
 *   Messages carry no ids there (several operations share the stream); resume by passing `after` again.
 * The same schema (hence scopes, tenancy and the subscription cap), context factory, document limits and error
 * formatting as the other transports. Back-pressure: a `next` waits while its stream's socket needs draining, so a
 * stalled client stops pulling and its event stream ends SUBSCRIBER_TOO_SLOW, as over WebSocket. graphql-sse sends
 * a keep-alive comment (`:`) every 12 s.
 */
export function createSseServer<TContext extends object>(options: SseServerOptions<TContext>): SseServer {
  const { schema, logger } = options;
  const exposeInternals = options.exposeInternals ?? false;
  const hideSuggestions = options.hideSuggestions ?? false;
  const resumeArgument = options.resumeArgument ?? 'after';
  const turnBudget = options.turnBudget ?? createTurnBudget({ sliceMs: 100 });
  const documents = createDocumentCache({ schema, size: options.documentCacheSize ?? 500, introspection: options.introspection ?? true, maxTokens: options.maxTokens });
  const cursors = new WeakMap<ExecutionResult, string>();
  const { shareExecutionKey, onDelivery } = options;
  const receivedTimes = createReceivedTimes();
  const sharedExecution = createSharedExecution({
    shareKey: (contextValue) => (shareExecutionKey === undefined ? null : shareExecutionKey(contextValue as TContext)),
    ...(options.onExecution === undefined ? {} : { onExecution: options.onExecution }),
    onResult(result, payload) {
      const cursor = cursorOf(payload);
      if (cursor !== null) cursors.set(result, cursor);
      if (onDelivery !== undefined) receivedTimes.record(result, payload);
    },
  });
  /** Single-connection streams by token, so operations POSTed with the token find their stream's socket. */
  const tokenStreams = new Map<string, ServerResponse>();
  const open = new Set<{ body: AsyncGenerator<string>; written: Promise<void> }>();
  let accepting = true;
  let delivered = 0;

  function formatErrors(errors: readonly GraphQLError[], requestId: string, fallbackCode: string): GraphQLFormattedError[] {
    return errors.map((error) => {
      if (isClientDisconnect(unwrapThrown(error))) logger.info({ requestId, path: error.path }, 'client disconnected during an SSE operation');
      else if (isUnexpectedError(error)) logger.error({ err: ensureError(unwrapThrown(error)), requestId, path: error.path }, 'unexpected error in an SSE operation');
      const formatted = formatGatewayError(error.toJSON(), error, { exposeInternals, hideSuggestions });
      return formatted.extensions?.code === undefined ? { ...formatted, extensions: { ...formatted.extensions, code: fallbackCode } } : formatted;
    });
  }

  function refusal(errors: readonly GraphQLError[], requestId: string, fallbackStatus: number): Response {
    const formatted = formatErrors(errors, requestId, 'BAD_REQUEST');
    const code = String(formatted[0]?.extensions?.code ?? '');
    const status = HTTP_STATUS_BY_CODE[code] ?? (code === 'INTERNAL_SERVER_ERROR' ? 500 : fallbackStatus);
    return [JSON.stringify({ errors: formatted }), { status, statusText: '', headers: JSON_HEADERS }];
  }

  const handlerOptions: HandlerOptions<FastifyRequest, RequestState, SseContext> = {
    schema,
    execute,
    subscribe: (args) => sharedExecution.subscribe(args),
    // Documents are validated by the document cache in onSubscribe; a resume only sets a String argument.
    validate: () => [],
    async onSubscribe(req, params): Promise<Response | OperationArgs<SseContext>> {
      const state = req.context;
      const document = documents.get(params.query);
      if (!('kind' in document)) return refusal(document.errors, state.requestId, 400);
      const operationName = params.operationName ?? null;
      const variables = params.variables ?? null;
      const refused = options.checkDocument?.({ schema, document, operationName, variables }) ?? null;
      if (refused !== null) return refusal([refused], state.requestId, 400);
      let contextValue: TContext;
      try {
        contextValue = await options.createContext({ headers: state.headers, requestId: state.requestId });
      } catch (error) {
        if (error instanceof GraphQLError) return refusal([error], state.requestId, 400);
        logger.error({ err: ensureError(error), requestId: state.requestId }, 'could not create the context of an SSE operation');
        return refusal([new GraphQLError('Internal server error', { extensions: { code: 'INTERNAL_SERVER_ERROR' } })], state.requestId, 500);
      }
      const forbidden = options.checkCaller?.(contextValue, params.query) ?? null;
      if (forbidden !== null) return refusal([forbidden], state.requestId, 403);
      const lastEventId = headerValue(state.headers['last-event-id']);
      const resumed = state.ids !== null && lastEventId !== null && lastEventId !== '' ? withResumeCursor(schema, document, operationName, resumeArgument, lastEventId) : document;
      return { schema, document: resumed, operationName, variableValues: variables, contextValue: contextValue as unknown as SseContext };
    },
    async onNext(_ctx, req, result) {
      const state = req.context;
      delivered++;
      state.ids?.push(cursors.get(result as ExecutionResult) ?? null);
      onDelivery?.({ transport: 'sse', ...receivedTimes.of(result as ExecutionResult) });
      const spent = turnBudget.yieldIfSpent();
      if (spent !== null) await spent;
      // Back-pressure: while the socket holds unsent bytes, the operation stops pulling events (see above).
      const stream = state.stream ?? streamOfToken(state.headers);
      if (stream !== null) await writable(stream);
      const { errors, ...rest } = result;
      return errors === undefined || errors.length === 0 ? result : { ...rest, errors: formatErrors(errors, state.requestId, 'INTERNAL_SERVER_ERROR') as unknown as GraphQLError[] };
    },
  };
  const handler = createHandler(options.onOperationOutcome === undefined ? handlerOptions : countSseOperations(handlerOptions, createOperationCounter('sse', options.onOperationOutcome)));

  function streamOfToken(headers: IncomingHttpHeaders): ServerResponse | null {
    const token = headerValue(headers[TOKEN_HEADER_KEY]);
    return token === null ? null : (tokenStreams.get(token) ?? null);
  }

  async function write(state: RequestState, body: AsyncGenerator<string>, response: ServerResponse): Promise<void> {
    const stop = (): void => void body.return(undefined);
    response.once('close', stop);
    try {
      for await (const message of body) {
        if (response.destroyed || !response.writable) break;
        const id = state.ids !== null && message.startsWith(NEXT_PREFIX) ? state.ids.shift() : null;
        // An `id:` line may come anywhere in an event; first, as browsers write it.
        if (!response.write(id === null || id === undefined ? message : `id: ${id}\n${message}`)) await writable(response);
      }
    } finally {
      response.off('close', stop);
      if (!response.writableEnded) response.end();
    }
  }

  async function handle(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    if (!accepting) {
      await reply.code(503).header('retry-after', '1').send();
      return;
    }
    const headers = request.headers;
    const accept = headerValue(headers.accept);
    // A stream may stay quiet for longer than the connection timeout (HTTP_CONNECTION_TIMEOUT_MS) allows a socket;
    // the request itself has arrived by now, so the slow-client bounds have done their work.
    if (accept === 'text/event-stream') request.raw.socket.setTimeout(0);
    const token = headerValue(headers[TOKEN_HEADER_KEY]) ?? new URL(request.url, 'http://localhost/').searchParams.get(TOKEN_QUERY_KEY);
    const distinct = accept === 'text/event-stream' && token === null;
    const state: RequestState = { requestId: request.id, headers, stream: distinct ? reply.raw : null, ids: distinct ? [] : null };
    const [body, init] = await handler({
      method: request.method,
      url: request.url,
      headers: { get: (key) => headerValue(headers[key.toLowerCase()]) },
      body: request.body === undefined ? null : (request.body as Request['body']),
      raw: request,
      context: state,
    });
    reply.hijack();
    const response = reply.raw;
    response.writeHead(init.status, init.statusText, { ...init.headers, 'x-request-id': request.id });
    if (body === null || typeof body === 'string') {
      response.end(body ?? undefined);
      return;
    }
    const streamToken = distinct ? null : token;
    if (streamToken !== null) tokenStreams.set(streamToken, response);
    const entry = { body, written: write(state, body, response) };
    open.add(entry);
    try {
      await entry.written;
    } catch (error) {
      logger.warn({ err: ensureError(error), requestId: request.id }, 'SSE stream ended with an error');
    } finally {
      open.delete(entry);
      if (streamToken !== null && tokenStreams.get(streamToken) === response) tokenStreams.delete(streamToken);
    }
  }

  const disposer = once(async () => {
    accepting = false;
    const entries = [...open];
    // return() completes every operation of the stream (each subscription iterator returned) before it resolves.
    await Promise.all(entries.map(async ({ body, written }) => {
      await body.return(undefined);
      await written.catch(() => undefined);
    }));
  });

  return { handle, stats: () => ({ streams: open.size, delivered }), dispose: disposer.dispose };
}

function cursorOf(payload: unknown): string | null {
  if (typeof payload !== 'object' || payload === null || !('cursor' in payload)) return null;
  const { cursor } = payload as { cursor: unknown };
  return typeof cursor === 'string' ? cursor : null;
}

function headerValue(value: string | string[] | undefined): string | null {
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(', ') : value;
}

/** Resolves once the response has no unsent bytes to drain (at once if it has none), or once it closed. */
function writable(response: ServerResponse): Promise<void> {
  if (!response.writableNeedDrain || response.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      response.off('drain', done);
      response.off('close', done);
      resolve();
    };
    response.on('drain', done);
    response.on('close', done);
  });
}
