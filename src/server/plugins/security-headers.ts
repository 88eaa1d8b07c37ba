/** What the hook needs of a Fastify reply. */
interface HeaderWriter {
  getHeader(name: string): unknown;
  header(name: string, value: string): unknown;
}

/** Sent with every response: the API serves JSON, never pages to frame, sniff or cache. */
const ALWAYS: readonly (readonly [string, string])[] = [
  ['x-content-type-options', 'nosniff'],
  ['x-frame-options', 'DENY'],
  ['referrer-policy', 'no-referrer'],
  ['cross-origin-opener-policy', 'same-origin'],
  ['cross-origin-resource-policy', 'same-origin'],
  ['x-dns-prefetch-control', 'off'],
  // Ignored by browsers over plain HTTP; once a TLS proxy fronts the gateway it pins HTTPS.
  ['strict-transport-security', 'max-age=31536000; includeSubDomains'],
];
/**
 * JSON answers run no scripts and embed nothing. A response that set its own policy keeps it: the IDE page
 * (server/graphiql) allows its own scripts, styles and WebSocket. `Cross-Origin-Resource-Policy: same-origin` above
 * stays: it binds only no-cors loads (img, script tags), while pages allowed by CORS read through CORS-mode fetches.
 */
const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * Adds the security headers to a response (every one: GraphQL, webhooks, probes, errors), from Fastify's `onSend`.
 * GraphQL answers are per API key: `Cache-Control: no-store` unless a handler chose otherwise. Synchronous: it runs
 * for every request, response cache hits included.
 */
export function addSecurityHeaders(request: { url: string }, reply: HeaderWriter): void {
  for (const [name, value] of ALWAYS) reply.header(name, value);
  if (reply.getHeader('content-security-policy') === undefined) reply.header('content-security-policy', API_CSP);
  if (reply.getHeader('cache-control') === undefined && request.url.startsWith('/graphql')) reply.header('cache-control', 'no-store');
}
