import type { CorsConfig } from '../config/cors-config';
import type { Logger } from '../lib/logger';
import { registerCors } from './cors';
import type { GatewayFastify } from './gateway-fastify';
import type { IdeRoutesOptions } from './graphiql/ide-routes';
import { registerIdeRoutes } from './graphiql/ide-routes';

export interface BrowserAccessOptions {
  /** Which other origins' pages may call the gateway. @default none */
  cors?: CorsConfig;
  /** The bundled GraphiQL IDE (GRAPHQL_LANDING_PAGE); null: not served, `GET /` stays a 404. */
  ide: Omit<IdeRoutesOptions, 'graphqlPath' | 'logger'> | null;
  graphqlPath: string;
  logger: Logger;
}

/** What browsers need of the HTTP server: CORS answers and the IDE (README "Browser apps"). On the root instance, before listen(). */
export function registerBrowserAccess(fastify: GatewayFastify, options: BrowserAccessOptions): void {
  if (options.cors !== undefined) registerCors(fastify, options.cors);
  if (options.ide !== null) registerIdeRoutes(fastify, { ...options.ide, graphqlPath: options.graphqlPath, logger: options.logger });
}
