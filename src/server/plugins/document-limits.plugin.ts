import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { DocumentLimits } from '../../limits/document-limits';

/**
 * Refuses an operation over the depth, alias, cost, size or list-argument limits before it runs: HTTP 400 with the
 * error (GRAPHQL_VALIDATION_FAILED + `extensions.limit`, or BAD_USER_INPUT for a list argument). Runs after
 * validation, when the operation and its variables are known.
 */
export function documentLimitsPlugin<TContext extends object>(limits: DocumentLimits): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request, schema }) {
          const error = limits.check({ schema, document, operation, variables: request.variables ?? null });
          if (error === null) return;
          throw new GraphQLError(error.message, { extensions: { ...error.extensions, http: { status: 400 } } });
        },
      };
    },
  };
}
