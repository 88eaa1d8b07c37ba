import type { DocumentNode, GraphQLSchema } from 'graphql';
import { GraphQLError, NoSchemaIntrospectionCustomRule, parse, specifiedRules, validate } from 'graphql';
import { ensureError } from '../lib/errors';

export interface DocumentCacheOptions {
  schema: GraphQLSchema;
  /** Documents kept. */
  size: number;
  /** Whether introspection queries pass validation. */
  introspection: boolean;
  /** Tokens one document may have; parsing stops beyond it. Unlimited when undefined. */
  maxTokens: number | undefined;
}

export interface DocumentCache {
  /** The parsed, validated document, or the errors to send (codes as Apollo's: GRAPHQL_PARSE_FAILED / _VALIDATION_FAILED). */
  get(query: string): DocumentNode | { errors: GraphQLError[] };
}

/** Validation depends only on the schema and the text, so a document valid once stays valid: keep the last few. */
export function createDocumentCache(options: DocumentCacheOptions): DocumentCache {
  const { schema, size, maxTokens } = options;
  const rules = options.introspection ? specifiedRules : [...specifiedRules, NoSchemaIntrospectionCustomRule];
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
