import type { ApiKeyScope, Principal } from '../auth/api-key';
import { ANONYMOUS_PRINCIPAL, mayActFor } from '../auth/api-key';
import { requireScope } from '../auth/require-scope';
import { ForbiddenError } from '../errors/gateway-errors';
import type { GroupsApi } from '../upstream/types';
import type { GroupOwnership } from './group-ownership';

/** What one request (or one subscription) may touch, decided from its API key. */
export interface TenantAccess {
  readonly principal: Principal;
  /** True when the key is limited to some phone numbers (every check below is then real work). */
  readonly restricted: boolean;
  /** The number to use where an operation omits `phoneNumberId`: the key's only number, else the configured default if the key may use it. */
  readonly defaultPhoneNumberId: string | null;
  requireScope(scope: ApiKeyScope): void;
  /** FORBIDDEN unless the key may act for this phone number. */
  assertPhoneNumber(phoneNumberId: string): void;
  /** FORBIDDEN unless every group is known to belong to one of the key's numbers (unknown ownership is refused). */
  assertGroups(groupIds: readonly string[]): Promise<void>;
  /** Whether the key may see an event or operation of this group / number. */
  canSee(subject: { groupId: string | null; phoneNumberId: string | null }): Promise<boolean>;
  /** The same access with the key's current grants (after a key file reload), or null once the key is revoked. */
  refreshed(): TenantAccess | null;
}

export interface TenantAccessOptions {
  principal: Principal;
  ownership: GroupOwnership;
  /** The request's Groups API (used to resolve unknown ownership by listing the key's numbers' groups). */
  upstream: GroupsApi;
  /** WHATSAPP_PHONE_NUMBER_ID (or the sandbox's first number). */
  configuredDefaultPhoneNumberId: string | null;
  /** The key's current grants, or null once revoked (Authenticator.current). @default the grants never change */
  current?: (principal: Principal) => Principal | null;
}

export function createTenantAccess(options: TenantAccessOptions): TenantAccess {
  const { principal, ownership, upstream } = options;
  const allowed = principal.phoneNumberIds;
  const restricted = allowed !== null;
  const candidates = allowed === null ? [] : [...allowed];

  const configured = options.configuredDefaultPhoneNumberId;
  const defaultPhoneNumberId =
    allowed === null ? configured : configured !== null && allowed.has(configured) ? configured : candidates.length === 1 ? candidates[0]! : null;

  async function ownersOf(groupIds: readonly string[]): Promise<Map<string, string>> {
    return ownership.ownersOf(groupIds, { candidates, upstream });
  }

  const access: TenantAccess = {
    principal,
    restricted,
    defaultPhoneNumberId,
    requireScope: (scope) => requireScope(principal, scope),
    assertPhoneNumber(phoneNumberId) {
      if (mayActFor(principal, phoneNumberId)) return;
      throw new ForbiddenError(`This API key may not act for phone number ${phoneNumberId}`, { phoneNumberId });
    },
    async assertGroups(groupIds) {
      if (!restricted || groupIds.length === 0) return;
      const owners = await ownersOf(groupIds);
      for (const groupId of groupIds) {
        const owner = owners.get(groupId);
        // Unknown and foreign read the same, so the answer says nothing about groups of other numbers.
        if (owner === undefined || !mayActFor(principal, owner)) throw new ForbiddenError(`This API key may not access group ${groupId}`, { groupId });
      }
    },
    async canSee(subject) {
      if (!restricted) return true;
      if (subject.phoneNumberId !== null) return mayActFor(principal, subject.phoneNumberId);
      if (subject.groupId === null) return false;
      const owner = (await ownersOf([subject.groupId])).get(subject.groupId);
      return owner !== undefined && mayActFor(principal, owner);
    },
    refreshed() {
      if (options.current === undefined) return access;
      const now = options.current(principal);
      if (now === null) return null;
      return sameGrants(now, principal) ? access : createTenantAccess({ ...options, principal: now });
    },
  };
  return access;
}

/**
 * The access of every request when authentication is off: the anonymous caller, every scope, every phone number;
 * nothing to check, so no ownership is looked up. `defaultPhoneNumberId` is the configured one.
 */
export function openTenantAccess(defaultPhoneNumberId: string | null): TenantAccess {
  const access: TenantAccess = {
    principal: ANONYMOUS_PRINCIPAL,
    restricted: false,
    defaultPhoneNumberId,
    requireScope: () => undefined,
    assertPhoneNumber: () => undefined,
    assertGroups: async () => undefined,
    canSee: async () => true,
    refreshed: () => access,
  };
  return access;
}

function sameGrants(a: Principal, b: Principal): boolean {
  const sameSet = <T>(x: ReadonlySet<T> | null, y: ReadonlySet<T> | null): boolean =>
    x === null || y === null ? x === y : x.size === y.size && [...x].every((item) => y.has(item));
  return sameSet(a.scopes, b.scopes) && sameSet(a.phoneNumberIds, b.phoneNumberIds) && (a.trustedDocumentsOnly === true) === (b.trustedDocumentsOnly === true);
}
