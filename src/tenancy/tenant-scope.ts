import type { TenantAccess } from './tenant-access';

/**
 * The grants an answer depends on, as one string: scopes, phone numbers (`*`: every number) and the default number
 * an operation without `phoneNumberId` uses. Two keys with the same grants see the same answers; keys that differ
 * in any of them never share a cached answer.
 */
export function tenantScopeKey(access: TenantAccess): string {
  const { principal } = access;
  const scopes = [...principal.scopes].sort().join(',');
  const numbers = principal.phoneNumberIds === null ? '*' : [...principal.phoneNumberIds].sort().join(',');
  return `${scopes}|${numbers}|${access.defaultPhoneNumberId ?? ''}`;
}
