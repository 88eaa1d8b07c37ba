import type { TenantAccess } from './tenant-access';

/** What the schema guard reads from every GraphQL context. */
export interface SecurityContext {
  access: TenantAccess;
  /** Must equal access.defaultPhoneNumberId: resolvers default omitted phone numbers to it. */
  defaultPhoneNumberId: string | null;
}

/** The context's security part, or the wiring mistake with its fix: a guarded schema never runs unguarded. */
export function securityOf(context: unknown): SecurityContext {
  const candidate = context as Partial<SecurityContext> | null;
  if (candidate === null || typeof candidate !== 'object' || typeof candidate.access !== 'object' || candidate.access === null) {
    throw new TypeError('The guarded schema expects the GraphQL context to have `access` (createTenantAccess for the request\'s API key), got none; build it in the context factory.');
  }
  return candidate as SecurityContext;
}
