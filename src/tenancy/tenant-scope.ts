import type { Principal } from '../auth/api-key';
import type { TenantAccess } from './tenant-access';

/**
 * The grants an answer depends on, as one string: scopes, phone numbers (`*`: every number), the default number
 * an operation without `phoneNumberId` uses, and whether only trusted documents may run. Two keys with the same grants see the same answers; keys that differ
 * in any of them never share a cached answer.
 */
export function tenantScopeKey(access: TenantAccess): string {
  const { principal } = access;
  const scopes = [...principal.scopes].sort().join(',');
  const numbers = principal.phoneNumberIds === null ? '*' : [...principal.phoneNumberIds].sort().join(',');
  // A key limited to trusted documents never shares answers with one that is not.
  return `${scopes}|${numbers}|${access.defaultPhoneNumberId ?? ''}|${principal.trustedDocumentsOnly === true ? 'trusted' : 'any'}`;
}

export interface TenantScopes {
  /** tenantScopeKey of an admitted request's access, remembered per principal. */
  of(admitted: { principal: Principal; access: TenantAccess }): string;
}

/**
 * Remembers each principal's scope key, so that a response cache hit neither builds the request's access nor sorts
 * its grants. Sound because the access's only other input, its default phone number, follows from the principal and
 * the gateway's configured number; the authenticator hands out one principal per key record.
 */
export function createTenantScopes(): TenantScopes {
  const scopes = new WeakMap<Principal, string>();
  return {
    of(admitted) {
      // `access` read only when the principal is new: a keyed request's access is built on first read.
      let scope = scopes.get(admitted.principal);
      if (scope === undefined) scopes.set(admitted.principal, (scope = tenantScopeKey(admitted.access)));
      return scope;
    },
  };
}
