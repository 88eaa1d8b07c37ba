import type { Authenticator } from '../auth/authenticator';
import type { RequestAdmission } from '../limits/request-admission';
import type { UpstreamRateLimitFeedback } from '../limits/upstream-rate-limit-feedback';
import type { GroupsApi } from '../upstream/types';
import type { GroupOwnership } from './group-ownership';
import type { TenantAccess } from './tenant-access';
import { createTenantAccess } from './tenant-access';

export type Transport = 'http' | 'ws';

/** What one admitted request works with. */
export interface SecuredRequest {
  access: TenantAccess;
  /** The Groups API for this request: its calls are attributed to the key (upstream throttling feeds its limit). */
  upstream: GroupsApi;
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
  feedback: UpstreamRateLimitFeedback;
  ownership: GroupOwnership;
  upstream: GroupsApi;
  configuredDefaultPhoneNumberId: string | null;
}

export function createRequestSecurity(options: RequestSecurityOptions): RequestSecurity {
  const { authenticator, admission, feedback, ownership, configuredDefaultPhoneNumberId } = options;
  return {
    async begin({ authorization, transport }) {
      const principal =
        transport === 'http'
          ? authenticator.fromAuthorizationHeader(authorization)
          : authenticator.fromConnectionParams(authorization === undefined ? {} : { authorization: typeof authorization === 'string' ? authorization : authorization.join(',') });
      await admission.admit(principal, transport);
      const upstream = principal.anonymous ? options.upstream : feedback.attribute(options.upstream, `key:${principal.id}`);
      const access = createTenantAccess({ principal, ownership, upstream, configuredDefaultPhoneNumberId, current: (p) => authenticator.current(p) });
      return { access, upstream };
    },
  };
}
