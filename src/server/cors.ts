import fastifyCors from '@fastify/cors';
import type { CorsConfig } from '../config/cors-config';
import type { GatewayFastify } from './gateway-fastify';
import { isOriginAllowed } from './origin-check';

/**
 * Request headers a browser page may send cross-origin: Apollo Client's and the CSRF-prevention headers, W3C trace
 * context, our request id, and the SSE resume header.
 */
export const CORS_ALLOWED_HEADERS: readonly string[] = [
  'content-type',
  'authorization',
  'apollo-require-preflight',
  'x-apollo-operation-name',
  'traceparent',
  'tracestate',
  'x-request-id',
  'last-event-id',
];
/** Response headers a page may read besides the safelisted ones: the id to quote in a support request, and when to retry after a 429. */
export const CORS_EXPOSED_HEADERS: readonly string[] = ['x-request-id', 'retry-after'];
/** Browsers cache an allowed preflight this long (Chromium caps it at 2 h). */
const PREFLIGHT_MAX_AGE_SECONDS = 600;

/**
 * CORS for every route (in practice `/graphql` and `/graphql/stream`; the webhook routes need signatures a page does
 * not have). A disallowed origin gets no `Access-Control-Allow-*` header at all, and its preflight a 404, so the
 * browser keeps the answer from the page. Apollo's CSRF prevention runs after this and still refuses simple requests.
 */
export function registerCors(fastify: GatewayFastify, cors: CorsConfig): void {
  void fastify.register(fastifyCors, {
    origin: (origin, callback) => callback(null, isOriginAllowed(origin, cors.origins)),
    methods: ['GET', 'POST'],
    allowedHeaders: [...CORS_ALLOWED_HEADERS],
    exposedHeaders: [...CORS_EXPOSED_HEADERS],
    credentials: cors.credentials,
    maxAge: PREFLIGHT_MAX_AGE_SECONDS,
  });
}
