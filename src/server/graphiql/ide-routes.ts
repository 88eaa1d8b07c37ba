import type { onRequestHookHandler } from 'fastify';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../../lib/logger';
import type { GatewayFastify } from '../gateway-fastify';
import { defaultIdeBundleDir, IDE_BUILD_HINT, loadIdeBundle } from './ide-bundle';
import { ideContentSecurityPolicy, renderIdeMissingPage, renderIdePage } from './ide-page';
import { prefersHtml } from './prefers-html';

export interface IdeRoutesOptions {
  /** The GraphQL endpoint whose browser navigations get the IDE, e.g. `/graphql`. */
  graphqlPath: string;
  /** GATEWAY_AUTH is on: the IDE opens its headers editor with an `authorization` template. */
  apiKeyRequired: boolean;
  /** Where `scripts/build-ide.mjs` wrote the bundle. @default `dist/ide` of this package */
  bundleDir?: string;
  logger: Logger;
}

/** Where the bundle's files are served: beside the endpoint, so the page's relative `ide/...` URLs reach them. */
const ASSET_ROUTE = '/ide/:file';
/** Hashed names change with the content: a browser never needs to ask again. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The offline GraphQL IDE: `GET <graphqlPath>` asking for HTML gets the GraphiQL page (every other request to the
 * endpoint stays GraphQL over HTTP), `GET /ide/<file>` its bundle, and `GET /` redirects to the endpoint.
 * Nothing is loaded from another host: the bundle holds GraphiQL, its fonts and the example operations.
 */
export function registerIdeRoutes(fastify: GatewayFastify, options: IdeRoutesOptions): void {
  const { graphqlPath } = options;
  const lookup = loadIdeBundle(options.bundleDir ?? defaultIdeBundleDir());
  if (!lookup.found) options.logger.warn({ reason: lookup.reason }, `GraphQL IDE bundle not found; ${IDE_BUILD_HINT} to serve it at ${graphqlPath}`);
  const page = lookup.found ? renderIdePage(lookup.bundle, { apiKeyRequired: options.apiKeyRequired }) : renderIdeMissingPage();
  const assets = new Map<string, string>(
    lookup.found
      ? [
          [lookup.bundle.script, 'text/javascript; charset=utf-8'],
          [lookup.bundle.style, 'text/css; charset=utf-8'],
        ]
      : [],
  );

  // A hook on the endpoint's own route (Apollo's GET), added as that route is declared: only a browser's navigation is
  // taken from it, and no other route pays for the check.
  const serveIde: onRequestHookHandler = (request, reply, done) => {
    if (request.method !== 'GET' || !prefersHtml(request.headers.accept)) return done();
    void reply
      .code(lookup.found ? 200 : 503)
      .type('text/html; charset=utf-8')
      .header('content-security-policy', ideContentSecurityPolicy(request.headers.host))
      .send(page);
  };
  fastify.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (route.url !== graphqlPath || !methods.includes('GET')) return;
    route.onRequest = [serveIde, ...(route.onRequest === undefined ? [] : Array.isArray(route.onRequest) ? route.onRequest : [route.onRequest])];
  });

  fastify.get<{ Params: { file: string } }>(ASSET_ROUTE, async (request, reply) => {
    const contentType = assets.get(request.params.file);
    if (contentType === undefined || !lookup.found) return reply.callNotFound();
    return reply.type(contentType).header('cache-control', IMMUTABLE).send(createReadStream(join(lookup.bundle.dir, request.params.file)));
  });

  // Relative, like the page's own URLs: `/` → `graphql` also under a path prefix.
  fastify.get('/', async (_request, reply) => reply.redirect(graphqlPath.replace(/^\//, ''), 302));
}

