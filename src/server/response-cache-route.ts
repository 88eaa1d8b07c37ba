import type { ApolloServerPlugin } from '@apollo/server';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { OperationDefinitionNode } from 'graphql';
import { Kind } from 'graphql';
import type { ResponseCache, ResponseCacheTicket } from '../response-cache/response-cache';
import { documentHash, responseCacheKey } from '../response-cache/response-cache-key';

export interface ResponseCacheRouteOptions<TContext, TAdmitted> {
  cache: ResponseCache;
  /**
   * Authenticates and admits (rate limit) a request before the cache is asked, and answers the caller's scope
   * (answers are never shared across scopes) with what the context factory reuses on a miss. Throws as the context
   * factory would (the request then goes to Apollo, which answers the error).
   */
  admit(headers: FastifyRequest['headers']): Promise<{ scope: string; admitted: TAdmitted }>;
  /** The tags of what the request read (its loaders record them). */
  tagsOf(context: TContext): readonly string[];
  /** Root fields whose answers may be stored: queries of group data, whose every change arrives as an event. */
  cacheableRootFields: ReadonlySet<string>;
  /** Told about each hit (metrics count it as the query it answers), with the time it took. Must not throw. @default none */
  onHit?(hit: { operationName: string | null; durationSeconds: number }): void;
}

export interface ResponseCacheRouteStats {
  /** Query executions Apollo ran for HTTP requests (a hit runs none). */
  executions: number;
}

/** One request's way through the cache. */
interface Pending<TAdmitted> {
  key: string;
  ticket: ResponseCacheTicket;
  admitted: TAdmitted;
  /** Set by the plugin once the answer is known to be storable: the tags of what it read. */
  tags: readonly string[] | null;
  /** Set with the tags: the name of the operation that ran. */
  operationName: string | null;
}

export interface ResponseCacheRoute<TContext, TAdmitted> {
  /** Before Apollo: the cached body of a hit (headers set), or null after remembering the miss. */
  serve(request: FastifyRequest, reply: FastifyReply): Promise<string | null>;
  /** What admit() answered for this request, for the context factory. */
  admittedFor(request: FastifyRequest): TAdmitted | undefined;
  /** Ties the request to the context Apollo runs it with. */
  bind(request: FastifyRequest, context: TContext): void;
  /** After Apollo: stores a storable answer's exact bytes. */
  fill(request: FastifyRequest, reply: FastifyReply, body: unknown): void;
  /** Marks answers storable: a query of cacheable root fields, answered without errors. Counts executions. */
  readonly plugin: ApolloServerPlugin<TContext & object>;
  readonly stats: Readonly<ResponseCacheRouteStats>;
}

interface GraphQLBody {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
  extensions?: { persistedQuery?: { sha256Hash?: unknown } };
}

/**
 * The fast path in front of Apollo for `POST /graphql` with a JSON body: a hit is answered from the response cache
 * without parsing, validating or executing anything (only the key is authenticated and counted against its rate);
 * a miss goes to Apollo with the admission it already passed, and its answer is stored when it may be.
 */
export function createResponseCacheRoute<TContext extends object, TAdmitted>(options: ResponseCacheRouteOptions<TContext, TAdmitted>): ResponseCacheRoute<TContext, TAdmitted> {
  const { cache, cacheableRootFields } = options;
  const pending = new WeakMap<object, Pending<TAdmitted>>();
  const byContext = new WeakMap<object, Pending<TAdmitted>>();
  const stats: ResponseCacheRouteStats = { executions: 0 };
  const SLOT = Symbol('responseCachePending');

  return {
    stats,
    async serve(request, reply) {
      const started = performance.now();
      if (!cache.enabled || request.method !== 'POST' || !isJson(request.headers['content-type'])) return null;
      const hash = hashOf(request.body);
      if (hash === null) return null;
      const body = request.body as GraphQLBody;
      let admission: { scope: string; admitted: TAdmitted };
      try {
        admission = await options.admit(request.headers);
      } catch {
        return null; // Apollo's context factory meets the same refusal and answers it
      }
      let key: string;
      try {
        key = responseCacheKey({
          documentHash: hash,
          operationName: typeof body.operationName === 'string' ? body.operationName : null,
          variables: isRecord(body.variables) ? body.variables : null,
          scope: admission.scope,
          accept: typeof request.headers.accept === 'string' ? request.headers.accept : '',
        });
      } catch {
        return null; // variables too deep to key: Apollo's limits answer them
      }
      const hit = cache.get(key);
      if (hit !== null) {
        void reply.header('content-type', hit.contentType).header('cache-control', 'no-store');
        options.onHit?.({ operationName: hit.operationName, durationSeconds: (performance.now() - started) / 1000 });
        return hit.body;
      }
      pending.set(request, { key, ticket: cache.ticket(), admitted: admission.admitted, tags: null, operationName: null });
      return null;
    },
    admittedFor: (request) => pending.get(request)?.admitted,
    bind(request, context) {
      const state = pending.get(request);
      if (state === undefined) return;
      byContext.set(context, state);
      // Apollo hands plugins a shallow copy of the context, which keeps symbol keys.
      (context as Record<symbol, unknown>)[SLOT] = state;
    },
    fill(request, reply, body) {
      const state = pending.get(request);
      if (state === undefined || state.tags === null || typeof body !== 'string' || reply.statusCode !== 200) return;
      const contentType = reply.getHeader('content-type');
      if (typeof contentType !== 'string') return;
      cache.set(state.key, { body, contentType, operationName: state.operationName }, state.tags, state.ticket);
    },
    plugin: {
      async requestDidStart() {
        return {
          async executionDidStart({ operation }) {
            // Typed as always there, but undefined when operationName names no operation of the document: Apollo
            // still starts execution, and graphql-js answers the unknown name.
            if ((operation as typeof operation | undefined)?.operation === 'query') stats.executions++;
          },
          async willSendResponse({ contextValue, operation, response }) {
            const state = ((contextValue as Record<symbol, unknown>)[SLOT] as Pending<TAdmitted> | undefined) ?? byContext.get(contextValue);
            if (state === undefined || operation === undefined || response.body.kind !== 'single') return;
            if (response.body.singleResult.errors !== undefined || !storable(operation, cacheableRootFields)) return;
            state.tags = options.tagsOf(contextValue);
            state.operationName = operation.name?.value ?? null;
          },
        };
      },
    },
  };
}

/** The sha256 of the request's document: of its text, or the APQ hash when only that is sent. Null: not ours to cache. */
function hashOf(body: unknown): string | null {
  if (!isRecord(body)) return null;
  const { query, extensions, variables, operationName } = body as GraphQLBody;
  // Malformed parameters are Apollo's to refuse (400), never a hit for the well-formed request they resemble.
  if (!optional(variables, isRecord) || !optional(operationName, (name) => typeof name === 'string') || !optional(extensions, isRecord)) return null;
  const claimed = isRecord(extensions) && isRecord(extensions.persistedQuery) && typeof extensions.persistedQuery.sha256Hash === 'string' ? extensions.persistedQuery.sha256Hash : null;
  if (typeof query === 'string') {
    // Writes are never stored: skip hashing and keying them (a document that only starts with a fragment is keyed, and not stored).
    if (WRITE_OR_STREAM.test(query)) return null;
    const hash = documentHash(query);
    // A text that does not match its claimed hash is Apollo's to refuse, never a hit.
    return claimed === null || claimed === hash ? hash : null;
  }
  return query === undefined ? claimed : null;
}

const WRITE_OR_STREAM = /^\s*(mutation|subscription)\b/;

/** Multipart requests (uploads) are mutations: only JSON bodies are looked up. */
function isJson(contentType: string | undefined): boolean {
  return contentType !== undefined && /^application\/(graphql-response\+)?json\b/i.test(contentType.trimStart());
}

function storable(operation: OperationDefinitionNode, rootFields: ReadonlySet<string>): boolean {
  return (
    operation.operation === 'query' &&
    operation.selectionSet.selections.every((selection) => selection.kind === Kind.FIELD && (selection.name.value === '__typename' || rootFields.has(selection.name.value)) && (selection.directives?.length ?? 0) === 0)
  );
}

function optional(value: unknown, check: (value: unknown) => boolean): boolean {
  return value === undefined || value === null || check(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
