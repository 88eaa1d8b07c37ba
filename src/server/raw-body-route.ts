import type { FastifyError, FastifyPluginAsync } from 'fastify';
import type { IncomingHttpHeaders } from 'node:http';
import { ensureError, isClientDisconnect } from '../lib/errors';
import type { Logger } from '../lib/logger';

/** A request as a raw-body route sees it: the exact bytes received (signatures are computed over them). */
export interface RawBodyRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  rawBody: Buffer;
  requestId: string;
  receivedAt: Date;
}

export interface RawBodyResponse {
  status: number;
  contentType: string;
  body: string;
}

export type RawBodyHandler = (request: RawBodyRequest) => Promise<RawBodyResponse>;

export interface RawBodyRouteOptions {
  /** Bodies above this are answered 413 before the handler runs, without reading the rest. */
  bodyLimitBytes: number;
  /** Told about each 413, e.g. to count it; the answer itself is written here. */
  onBodyTooLarge?: (request: { path: string; requestId: string }) => void;
}

export type RawBodyMethod = 'GET' | 'POST';

/**
 * One route whose handler gets the body as raw bytes, whatever its content type. Registered in its own Fastify
 * context, so its catch-all body parser does not touch /graphql's JSON parsing.
 */
export function rawBodyRoutePlugin(route: { method: RawBodyMethod; path: string; handler: RawBodyHandler; options: RawBodyRouteOptions; logger: Logger }): FastifyPluginAsync {
  const { method, path, handler, options, logger } = route;
  return async function rawBodyRoute(instance) {
    instance.removeAllContentTypeParsers();
    instance.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: options.bodyLimitBytes }, (_request, body, done) => done(null, body));
    instance.route({
      method,
      url: path,
      bodyLimit: options.bodyLimitBytes,
      errorHandler: async (error: FastifyError, request, reply) => {
        if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
          options.onBodyTooLarge?.({ path, requestId: request.id });
          return reply.code(413).type('application/json; charset=utf-8').send(JSON.stringify({ error: 'payload_too_large', message: `Body over ${options.bodyLimitBytes} bytes` }));
        }
        if (error.statusCode !== undefined && error.statusCode < 500) {
          return reply.code(error.statusCode).type('application/json; charset=utf-8').send(JSON.stringify({ error: 'bad_request', message: error.message }));
        }
        if (isClientDisconnect(error)) {
          // The sender left mid-body: there is no one to answer, and nothing failed on this side.
          logger.info({ requestId: request.id, path, code: error.code }, 'client disconnected while sending a body');
          return reply.code(400).send();
        }
        logger.error({ err: ensureError(error), requestId: request.id, path }, 'raw-body route failed');
        return reply.code(500).type('application/json; charset=utf-8').send(JSON.stringify({ error: 'internal', message: 'Internal server error' }));
      },
      handler: async (request, reply) => {
        const url = new URL(request.url, 'http://gateway.invalid');
        const response = await handler({
          method: request.method,
          path: url.pathname,
          query: url.searchParams,
          headers: request.headers,
          rawBody: Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
          requestId: request.id,
          receivedAt: new Date(),
        });
        return reply.code(response.status).type(response.contentType).send(response.body);
      },
    });
  };
}
