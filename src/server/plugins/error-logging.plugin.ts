import type { ApolloServerPlugin } from '@apollo/server';
import { isUnexpectedError, unwrapThrown } from '../../errors/format-error';
import { ensureError, isClientDisconnect } from '../../lib/errors';
import { UpstreamError } from '../../upstream/upstream-error';
import type { RequestScopedContext } from '../request-scoped-context';

/**
 * Logs what `formatError` hides: unexpected errors in full (error level), upstream failures briefly (warn), both
 * with the request id. Deliberate client errors (bad input, not found) are not logged.
 */
export function errorLoggingPlugin<TContext extends RequestScopedContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ contextValue, errors, operationName }) {
          for (const error of errors) {
            const thrown = unwrapThrown(error);
            if (isClientDisconnect(thrown)) {
              // The client left mid-request or mid-response (EPIPE, ECONNRESET): nothing went wrong here.
              contextValue.logger.info({ code: (thrown as { code?: unknown }).code, path: error.path, operationName }, 'client disconnected during a GraphQL operation');
            } else if (isUnexpectedError(error)) {
              contextValue.logger.error({ err: ensureError(thrown), path: error.path, operationName }, 'unexpected error in GraphQL operation');
            } else if (thrown instanceof UpstreamError) {
              contextValue.logger.warn({ err: thrown, path: error.path, operationName }, 'upstream error in GraphQL operation');
            }
          }
        },
      };
    },
  };
}
