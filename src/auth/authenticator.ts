import { GatewayErrorCode } from '../errors/gateway-error-code';
import { GatewayError } from '../errors/gateway-errors';
import type { ApiKeyRecord, Principal } from './api-key';
import { ANONYMOUS_PRINCIPAL, principalOf } from './api-key';
import type { ApiKeyStore } from './api-key-store';

/** The challenge sent with every 401 (RFC 6750). */
export const WWW_AUTHENTICATE = 'Bearer realm="graphql"';

export interface Authenticator {
  /** False when GATEWAY_AUTH is off: every caller is the anonymous principal. */
  readonly enabled: boolean;
  /** From an HTTP `Authorization` header. Throws UNAUTHENTICATED carrying HTTP 401 and `WWW-Authenticate`. */
  fromAuthorizationHeader(header: string | readonly string[] | undefined): Principal;
  /** From a graphql-ws `connection_init` payload (`{ authorization: "Bearer <key>" }`). Throws UNAUTHENTICATED. */
  fromConnectionParams(params: Readonly<Record<string, unknown>>): Principal;
  /** The key's current grants, or null once it was revoked or expired: long-lived subscriptions re-check with this. */
  current(principal: Principal): Principal | null;
}

/**
 * API key authentication for both transports. The answer for a missing key and for a wrong one differ only in the
 * message: neither says whether a key with that value ever existed.
 */
export function createAuthenticator(options: { enabled: boolean; store: ApiKeyStore }): Authenticator {
  const { enabled, store } = options;
  // One principal per record (a key file reload brings new records): what is derived from a principal, such as the
  // response cache's scope, can then be remembered for it.
  const principals = new WeakMap<ApiKeyRecord, Principal>();
  const principalFor = (record: ApiKeyRecord): Principal => {
    let principal = principals.get(record);
    if (principal === undefined) principals.set(record, (principal = principalOf(record)));
    return principal;
  };

  function fromBearer(value: string | null, transport: 'http' | 'ws'): Principal {
    if (!enabled) return ANONYMOUS_PRINCIPAL;
    if (value === null) throw unauthenticated('Authentication required: send `Authorization: Bearer <API key>`', transport);
    const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(value);
    if (match === null) throw unauthenticated('The Authorization value must be `Bearer <API key>`', transport);
    const lookup = store.find(match[1]!);
    if (!lookup.ok) throw unauthenticated('The API key is not valid (unknown, revoked or expired)', transport);
    return principalFor(lookup.record);
  }

  return {
    enabled,
    fromAuthorizationHeader(header) {
      if (typeof header !== 'string' && header !== undefined) {
        // Two Authorization headers: refuse rather than pick one.
        if (!enabled) return ANONYMOUS_PRINCIPAL;
        throw unauthenticated('Send exactly one Authorization header', 'http');
      }
      return fromBearer(header === undefined || header.trim() === '' ? null : header, 'http');
    },
    fromConnectionParams(params) {
      const value = params.authorization ?? params.Authorization;
      if (value !== undefined && typeof value !== 'string') {
        if (!enabled) return ANONYMOUS_PRINCIPAL;
        throw unauthenticated('`authorization` in the connection_init payload must be a string: "Bearer <API key>"', 'ws');
      }
      return fromBearer(value === undefined || value.trim() === '' ? null : value, 'ws');
    },
    current(principal) {
      if (principal.anonymous) return enabled ? null : principal;
      const record = store.byId(principal.id);
      return record === null ? null : principalFor(record);
    },
  };
}

/** Over HTTP the error carries its status and challenge (Apollo strips `extensions.http` from the body). */
function unauthenticated(message: string, transport: 'http' | 'ws'): GatewayError {
  return new GatewayError(message, {
    code: GatewayErrorCode.UNAUTHENTICATED,
    ...(transport === 'http' ? { http: { status: 401, headers: new Map([['www-authenticate', WWW_AUTHENTICATE]]) } } : {}),
  });
}
