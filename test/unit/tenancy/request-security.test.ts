import { ANONYMOUS_PRINCIPAL } from '../../../src/auth/api-key';
import type { Principal } from '../../../src/auth/api-key';
import type { Authenticator } from '../../../src/auth/authenticator';
import { createGroupOwnership } from '../../../src/tenancy/group-ownership';
import { createInMemoryGroupOwnerRegistry } from '../../../src/tenancy/in-memory-group-owner-registry';
import { createRequestSecurity } from '../../../src/tenancy/request-security';
import { createTenantScopes, tenantScopeKey } from '../../../src/tenancy/tenant-scope';
import type { GroupsApi } from '../../../src/upstream/types';
import { fakeListingApi, keyFor } from './tenancy-harness';

function securityFor(principal: Principal): { security: ReturnType<typeof createRequestSecurity>; views: () => number } {
  const { api } = fakeListingApi({ A: ['a1'] });
  let views = 0;
  const authenticator: Authenticator = { enabled: !principal.anonymous, fromAuthorizationHeader: () => principal, fromConnectionParams: () => principal, current: (p) => p };
  const security = createRequestSecurity({
    authenticator,
    admission: { admit: async () => undefined },
    ownership: createGroupOwnership({ registry: createInMemoryGroupOwnerRegistry(), listCooldownMs: 1_000, maxPagesPerNumber: 1 }),
    upstreamFor: (): GroupsApi => (views++, api),
    configuredDefaultPhoneNumberId: 'A',
  });
  return { security, views: () => views };
}

describe('request security: what a response cache hit needs is all that is built', () => {
  it('builds a key\'s view of the Groups API and its access only when they are used', async () => {
    const { security, views } = securityFor(keyFor(['A']));
    const admitted = await security.begin({ authorization: 'Bearer k', transport: 'http' });
    expect(views()).toBe(0);
    expect(admitted.access.defaultPhoneNumberId).toBe('A');
    expect(views()).toBe(1); // the access lists groups through the key's view
    expect(admitted.upstream).toBe(admitted.upstream);
    expect(views()).toBe(1);
  });

  it('admits every anonymous request with one shared, stateless answer', async () => {
    const { security, views } = securityFor(ANONYMOUS_PRINCIPAL);
    const first = await security.begin({ authorization: undefined, transport: 'http' });
    const second = await security.begin({ authorization: undefined, transport: 'http' });
    expect(second).toBe(first);
    expect(first.principal).toBe(ANONYMOUS_PRINCIPAL);
    expect(views()).toBe(1);
  });
});

describe('tenant scopes', () => {
  it('remembers the scope key per principal: the access is read once', async () => {
    const { security } = securityFor(keyFor(['A', 'B']));
    const scopes = createTenantScopes();
    const admitted = await security.begin({ authorization: 'Bearer k', transport: 'http' });
    const expected = tenantScopeKey(admitted.access);
    let reads = 0;
    const counting = { principal: admitted.principal, get access() { reads++; return admitted.access; } };
    expect(scopes.of(counting)).toBe(expected);
    expect(scopes.of(counting)).toBe(expected);
    expect(reads).toBe(1);
    // Another principal (another key, or the same key's record after a reload) is computed afresh.
    expect(scopes.of({ principal: keyFor(['A', 'B']), access: admitted.access })).toBe(expected);
  });
});
