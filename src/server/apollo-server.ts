import { ApolloServer } from '@apollo/server';
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import type { NodeEnv } from '../config/config';
import { formatGatewayError } from '../errors/format-error';
import type { Logger } from '../lib/logger';
import { errorLoggingPlugin } from './plugins/error-logging.plugin';
import { noStorePlugin } from './plugins/no-store.plugin';
import { requestIdPlugin } from './plugins/request-id.plugin';
import type { PersistedQueryStore } from './persisted-queries';
import type { RequestScopedContext } from './request-scoped-context';

export interface ApolloServerOptions<TContext extends RequestScopedContext> {
  schema: GraphQLSchema;
  logger: Logger;
  nodeEnv: NodeEnv;
  introspection: boolean;
  /** Stack traces in error responses; the error log has them either way. @default false */
  exposeStacktraces?: boolean;
  plugins: ApolloServerPlugin<TContext>[];
  /** Tokens one document may have; parsing stops beyond it (bounds parse and validation work). @default unlimited */
  maxTokens?: number;
  /** Where APQ hashes are looked up and registered (with the trusted documents). @default Apollo's own in-memory store */
  persistedQueries?: PersistedQueryStore;
}

/**
 * Apollo with the gateway's policies: errors masked outside development (and logged with the request id), stack
 * traces in responses only when asked for (GRAPHQL_EXPOSE_STACKTRACES; about 2 KB per error otherwise),
 * CSRF prevention on, no signal handlers (main.ts owns signals), NODE_ENV taken from config, not process.env.
 */
export function createApolloServer<TContext extends RequestScopedContext>(options: ApolloServerOptions<TContext>): ApolloServer<TContext> {
  const development = options.nodeEnv === 'development';
  return new ApolloServer<TContext>({
    schema: options.schema,
    logger: options.logger,
    nodeEnv: options.nodeEnv,
    introspection: options.introspection,
    csrfPrevention: true,
    ...(options.maxTokens === undefined ? {} : { parseOptions: { maxTokens: options.maxTokens } }),
    stopOnTerminationSignals: false,
    // Registered hashes stay until evicted (the store is bounded); trusted ones are always known.
    ...(options.persistedQueries === undefined ? {} : { persistedQueries: { cache: options.persistedQueries, ttl: null } }),
    includeStacktraceInErrorResponses: options.exposeStacktraces ?? false,
    formatError: (formatted, error) => formatGatewayError(formatted, error, { exposeInternals: development, hideSuggestions: options.nodeEnv === 'production' }),
    plugins: [
      errorLoggingPlugin<TContext>(),
      requestIdPlugin<TContext>(),
      ApolloServerPluginCacheControlDisabled(),
      noStorePlugin<TContext>(),
      // The IDE is the gateway's own bundled GraphiQL (server/graphiql), not Apollo's CDN-loaded landing page.
      ApolloServerPluginLandingPageDisabled(),
      ...options.plugins,
    ],
  });
}
