import pino from 'pino';
import { createSchema } from '../../src/resolvers/create-schema';
import type { HttpServer, HttpServerOptions } from '../../src/server/http-server';
import { createHttpServer } from '../../src/server/http-server';
import type { RequestScopedContext } from '../../src/server/request-scoped-context';

/**
 * The HTTP server alone (the real schema, no gateway, no upstream): for tests of routes, limits and the IDE page.
 * `overrides` replaces any option; the defaults are a silent logger, a 1 MiB body limit and no landing page.
 */
export async function createBareHttpServer(overrides: Partial<HttpServerOptions<RequestScopedContext>> = {}): Promise<HttpServer> {
  return createHttpServer<RequestScopedContext>({
    host: '127.0.0.1',
    port: 0,
    bodyLimitBytes: 1024 * 1024,
    schema: await createSchema(),
    createContext: async ({ requestId, logger }) => ({ requestId, logger }),
    logger: pino({ level: 'silent' }),
    nodeEnv: 'test',
    introspection: false,
    landingPage: false,
    ...overrides,
  });
}

/** A bare server, set up by `setup` (routes, plugins) and listening on a free port. */
export async function startBareHttpServer(setup: (server: HttpServer) => void = () => undefined, overrides: Partial<HttpServerOptions<RequestScopedContext>> = {}): Promise<{ server: HttpServer; url: string }> {
  const server = await createBareHttpServer(overrides);
  setup(server);
  const { url } = await server.listen();
  return { server, url };
}
