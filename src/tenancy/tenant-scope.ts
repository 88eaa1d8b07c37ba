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
