import type { IncomingHttpHeaders } from 'node:http';
import type { OriginPolicy } from '../config/cors-config';
import type { Logger } from '../lib/logger';

/** Close code for a WebSocket opened by a browser page whose origin is not allowed (graphql-ws' Forbidden). */
export const ORIGIN_FORBIDDEN_CLOSE_CODE = 4403;

/** `http://localhost` or `http://127.0.0.1`, any port, exactly as browsers serialise an `Origin`. */
const LOOPBACK_HTTP_ORIGIN = /^http:\/\/(?:localhost|127\.0\.0\.1)(?::\d{1,5})?$/;

/** Whether a page on `origin` may read the gateway's answers. No `Origin` (not a cross-origin browser request): false. */
export function isOriginAllowed(origin: string | undefined, policy: OriginPolicy): boolean {
  if (origin === undefined) return false;
  switch (policy.kind) {
    case 'none':
      return false;
    case 'any':
      return true;
    case 'loopback':
      return LOOPBACK_HTTP_ORIGIN.test(origin);
    case 'list':
      return policy.origins.includes(origin);
  }
}

/**
 * The WebSocket rule. A WebSocket is not subject to CORS, so a page on any site could open one with the visitor's
 * network position; browsers always send `Origin` on the upgrade, so that is what is checked. Clients without an
 * `Origin` (servers, CLIs, mobile apps) pass, and so do the gateway's own pages (the IDE): same host as the request.
 */
export function isUpgradeOriginAllowed(headers: IncomingHttpHeaders, policy: OriginPolicy): boolean {
  const origin = headers.origin;
  if (origin === undefined) return true;
  if (isSameHost(origin, headers.host)) return true;
  return isOriginAllowed(origin, policy);
}

/** What the gate needs of a WebSocket. */
interface ClosableSocket {
  close(code: number, reason: string): void;
}

/**
 * The upgrade hook: once the WebSocket is open, closes it with 4403 when a browser page on a disallowed origin opened
 * it (a refused HTTP upgrade would reach the page only as close code 1006, which says nothing). True: admitted.
 */
export function createOriginGate(options: { policy: OriginPolicy; logger: Logger }): (socket: ClosableSocket, request: { headers: IncomingHttpHeaders }) => boolean {
  return (socket, request) => {
    if (isUpgradeOriginAllowed(request.headers, options.policy)) return true;
    options.logger.info({ origin: request.headers.origin }, 'WebSocket refused: its browser origin is not allowed (CORS_ORIGINS)');
    socket.close(ORIGIN_FORBIDDEN_CLOSE_CODE, 'Forbidden: origin not allowed');
    return false;
  };
}

/** Scheme aside: behind a TLS proxy the page is https while the gateway sees plain HTTP with the same Host. */
function isSameHost(origin: string, host: string | undefined): boolean {
  if (host === undefined) return false;
  const schemeEnd = origin.indexOf('://');
  return schemeEnd !== -1 && origin.slice(schemeEnd + 3).toLowerCase() === host.toLowerCase();
}
