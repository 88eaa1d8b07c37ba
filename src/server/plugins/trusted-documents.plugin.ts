import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLError } from 'graphql';

/**
 * Keys marked `trustedDocumentsOnly` run only the trusted documents (GRAPHQL_TRUSTED_DOCUMENTS_FILE), sent by hash or
 * by text: `refusal` answers the error for anything else (FORBIDDEN), thrown before the operation runs.
 */
export function trustedDocumentsPlugin<TContext extends object>(refusal: (context: TContext, documentHash: string) => GraphQLError | null): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, queryHash }) {
          const refused = refusal(contextValue, queryHash);
          if (refused !== null) throw refused;
        },
      };
    },
  };
}
