import type { Principal } from '../auth/api-key';
import type { Authenticator } from '../auth/authenticator';
import type { RequestAdmission } from '../limits/request-admission';
import type { GroupsApi } from '../upstream/types';
import type { GroupOwnership } from './group-ownership';
import type { TenantAccess } from './tenant-access';
import { createTenantAccess, openTenantAccess } from './tenant-access';

export type Transport = 'http' | 'ws';

/** What one admitted request works with. */
export interface SecuredRequest {
  /** Who is asking (the same object for every request of one key, until its record is reloaded). */
  principal: Principal;
  access: TenantAccess;
  /** The Groups API for this request: its calls are attributed to the key (upstream throttling feeds its limit). */
  upstream: GroupsApi;
  /** The same view whose calls end when `signal` aborts: the GraphQL request's (or subscription event's) deadline. */
  upstreamWithin(signal: AbortSignal): GroupsApi;
}

export interface RequestSecurity {
  /**
   * Authenticates a request (HTTP `Authorization` header, or the WebSocket connection's `authorization` param) and
   * counts it against the key's rate. Throws UNAUTHENTICATED (HTTP 401) or RATE_LIMITED (HTTP 429); over WebSocket
   * the same codes without HTTP details.
   */
  begin(request: { authorization: string | readonly string[] | undefined; transport: Transport }): Promise<SecuredRequest>;
}

export interface RequestSecurityOptions {
  authenticator: Authenticator;
  admission: RequestAdmission;
  ownership: GroupOwnership;
  /** The Groups API an admitted caller's requests use: a key's own view, so Meta's throttles are charged to that key. */
  upstreamFor(principal: Principal, signal?: AbortSignal): GroupsApi;
  configuredDefaultPhoneNumberId: string | null;
}

export function createRequestSecurity(options: RequestSecurityOptions): RequestSecurity {
  const { authenticator, admission, ownership, configuredDefaultPhoneNumberId } = options;
  const securedFor = (principal: Principal): SecuredRequest => {
    const upstreamWithin = (signal: AbortSignal): GroupsApi => options.upstreamFor(principal, signal);
    // Built when first used: a response cache hit needs neither (only the principal's scope).
    let upstream: GroupsApi | undefined;
    let access: TenantAccess | undefined;
    return {
      principal,
      get upstream() {
        return (upstream ??= options.upstreamFor(principal));
      },
      get access() {
        // Ownership lookups serve the access of a whole subscription too, so they are bounded per call, not by one deadline.
        return (access ??= createTenantAccess({ principal, ownership, upstream: this.upstream, configuredDefaultPhoneNumberId, current: (p) => authenticator.current(p) }));
      },
      upstreamWithin,
    };
  };
  // Authentication off: the anonymous caller may do everything, so there is nothing to look up or refresh, and
  // every request is admitted with the same (stateless) access.
  let anonymous: SecuredRequest | undefined;
  return {
    async begin({ authorization, transport }) {
      const principal =
        transport === 'http'
          ? authenticator.fromAuthorizationHeader(authorization)
          : authenticator.fromConnectionParams(authorization === undefined ? {} : { authorization: typeof authorization === 'string' ? authorization : authorization.join(',') });
      await admission.admit(principal, transport);
      if (principal.anonymous) {
        return (anonymous ??= {
          principal,
          access: openTenantAccess(configuredDefaultPhoneNumberId),
          upstream: options.upstreamFor(principal),
          upstreamWithin: (signal) => options.upstreamFor(principal, signal),
        });
      }
      return securedFor(principal);
    },
  };
}
