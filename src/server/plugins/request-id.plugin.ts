import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestScopedContext } from '../request-scoped-context';

/** Puts the request id on every error a client sees, so a report can be matched to the logs. */
export function requestIdPlugin<TContext extends RequestScopedContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single' || response.body.singleResult.errors === undefined) return;
          response.body.singleResult.errors = response.body.singleResult.errors.map((error) => ({
            ...error,
            extensions: { ...error.extensions, requestId: contextValue.requestId },
          }));
        },
      };
    },
  };
}
