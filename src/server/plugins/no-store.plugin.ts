import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestScopedContext } from '../request-scoped-context';

/**
 * `Cache-Control: no-store` on every GraphQL answer that has no cache policy yet. It stands in for Apollo's
 * cache-control plugin, which is turned off: the schema sets no cache hints, so all that plugin did was wrap every
 * field resolver to conclude "uncacheable" — about a tenth of the CPU of a cached `group(id)` and of a
 * `groups(first: 25)` page (BENCHMARKS.md).
 */
export function noStorePlugin<TContext extends RequestScopedContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (!response.http.headers.has('cache-control')) response.http.headers.set('cache-control', 'no-store');
        },
      };
    },
  };
}
