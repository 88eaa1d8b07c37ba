import type { ApolloServerPlugin, GraphQLResponse } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { OperationDefinitionNode } from 'graphql';
import { Kind } from 'graphql';
import { createDocumentHashes } from '../response-cache/document-hash';
import type { ResponseCache, ResponseCacheTicket } from '../response-cache/response-cache';
import { responseCacheKey } from '../response-cache/response-cache-key';
import type { GraphQLParams } from './graphql-request-params';
import { graphQLParamsOf, isRecord } from './graphql-request-params';

/**
 * Where a hit is answered: `before-apollo` (the default) in the route, before Apollo is called at all; `in-apollo`
 * from an Apollo plugin's `responseForOperation` (after Apollo built the context and resolved the operation). The
 * second exists for the bench's comparison (BENCHMARKS.md, issue 14): the first is the faster.
 */
export type ResponseCacheAnswerAt = 'before-apollo' | 'in-apollo';

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
  /** @default 'before-apollo' */
  answerAt?: ResponseCacheAnswerAt;
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
  /** Answered from the cache by the plugin (answerAt 'in-apollo'): nothing to store. */
  hit: boolean;
}

export interface ResponseCacheRoute<TContext, TAdmitted> {
  /** Before Apollo: the cached body of a hit (headers set), or null after remembering the miss. */
  serve(request: FastifyRequest, reply: FastifyReply): Promise<Buffer | null>;
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

/** Characters of document text whose hashes are remembered (a few hundred typical documents). */
const REMEMBERED_DOCUMENT_CHARS = 1024 * 1024;

/**
 * The fast path in front of Apollo for queries over HTTP (`POST /graphql` with a JSON body, `GET /graphql` with
 * query parameters): a hit is answered from the response cache without parsing, validating or executing anything
 * (only the key is authenticated and counted against its rate); a miss goes to Apollo with the admission it already
 * passed, and its answer is stored when it may be. Multipart requests (uploads) are never looked up.
 */
export function createResponseCacheRoute<TContext extends object, TAdmitted>(options: ResponseCacheRouteOptions<TContext, TAdmitted>): ResponseCacheRoute<TContext, TAdmitted> {
  const { cache, cacheableRootFields } = options;
  const answerInApollo = options.answerAt === 'in-apollo';
  const hashes = createDocumentHashes({ maxChars: REMEMBERED_DOCUMENT_CHARS });
  const pending = new WeakMap<object, Pending<TAdmitted>>();
  const byContext = new WeakMap<object, Pending<TAdmitted>>();
  const stats: ResponseCacheRouteStats = { executions: 0 };
  const SLOT = Symbol('responseCachePending');
  const stateOf = (context: object): Pending<TAdmitted> | undefined => ((context as Record<symbol, unknown>)[SLOT] as Pending<TAdmitted> | undefined) ?? byContext.get(context);

  /** The document's sha256: of its text, or the APQ hash when only that is sent. Null: not ours to cache. */
  function hashOf(params: GraphQLParams): string | null {
    const { query, extensions } = params;
    const claimed = isRecord(extensions) && isRecord(extensions.persistedQuery) && typeof extensions.persistedQuery.sha256Hash === 'string' ? extensions.persistedQuery.sha256Hash : null;
    if (typeof query === 'string') {
      // Writes are never stored: skip hashing and keying them (a document that only starts with a fragment is keyed, and not stored).
      if (WRITE_OR_STREAM.test(query)) return null;
      const hash = hashes.of(query);
      // A text that does not match its claimed hash is Apollo's to refuse, never a hit.
      return claimed === null || claimed === hash ? hash : null;
    }
    return query === undefined ? claimed : null;
  }

  return {
    stats,
    async serve(request, reply) {
      const started = performance.now();
      if (!cache.enabled) return null;
      const params = graphQLParamsOf(request);
      if (params === null) return null;
      const hash = hashOf(params);
      if (hash === null) return null;
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
          operationName: typeof params.operationName === 'string' ? params.operationName : null,
          variables: isRecord(params.variables) ? params.variables : null,
          scope: admission.scope,
          accept: typeof request.headers.accept === 'string' ? request.headers.accept : '',
        });
      } catch {
        return null; // variables too deep to key: Apollo's limits answer them
      }
      const hit = answerInApollo ? null : cache.get(key);
      if (hit !== null) {
        void reply.header('content-type', hit.contentType).header('cache-control', 'no-store');
        options.onHit?.({ operationName: hit.operationName, durationSeconds: (performance.now() - started) / 1000 });
        return hit.body;
      }
      pending.set(request, { key, ticket: cache.ticket(), admitted: admission.admitted, tags: null, operationName: null, hit: false });
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
      cache.set(state.key, { body: Buffer.from(body, 'utf8'), contentType, operationName: state.operationName }, state.tags, state.ticket);
    },
    plugin: {
      async requestDidStart() {
        return {
          ...(answerInApollo
            ? {
                async responseForOperation({ contextValue, operation }): Promise<GraphQLResponse | null> {
                  const state = stateOf(contextValue);
                  if (state === undefined || !storable(operation, cacheableRootFields)) return null;
                  const hit = cache.get(state.key);
                  if (hit === null) return null;
                  state.hit = true;
                  return { http: { status: undefined, headers: new HeaderMap([['cache-control', 'no-store']]) }, body: { kind: 'single', singleResult: JSON.parse(hit.body.toString('utf8')) as never } };
                },
              }
            : {}),
          async executionDidStart({ operation }) {
            // Typed as always there, but undefined when operationName names no operation of the document: Apollo
            // still starts execution, and graphql-js answers the unknown name.
            if ((operation as typeof operation | undefined)?.operation === 'query') stats.executions++;
          },
          async willSendResponse({ contextValue, operation, response }) {
            const state = stateOf(contextValue);
            if (state === undefined || state.hit || operation === undefined || response.body.kind !== 'single') return;
            if (response.body.singleResult.errors !== undefined || !storable(operation, cacheableRootFields)) return;
            state.tags = options.tagsOf(contextValue);
            state.operationName = operation.name?.value ?? null;
          },
        };
      },
    },
  };
}

const WRITE_OR_STREAM = /^\s*(mutation|subscription)\b/;

function storable(operation: OperationDefinitionNode, rootFields: ReadonlySet<string>): boolean {
  return (
    operation.operation === 'query' &&
    operation.selectionSet.selections.every((selection) => selection.kind === Kind.FIELD && (selection.name.value === '__typename' || rootFields.has(selection.name.value)) && (selection.directives?.length ?? 0) === 0)
  );
}
