import { ForbiddenError } from '../../../src/errors/gateway-errors';
import { createGroupOwnership } from '../../../src/tenancy/group-ownership';
import { createInMemoryGroupOwnerRegistry } from '../../../src/tenancy/in-memory-group-owner-registry';
import { createTenantAccess, openTenantAccess } from '../../../src/tenancy/tenant-access';
import { fakeListingApi, keyFor } from './tenancy-harness';

describe('group ownership', () => {
  it('answers from the registry, and lists the candidates\' groups (every page) once for unknown ones', async () => {
    let now = 0;
    const registry = createInMemoryGroupOwnerRegistry();
    await registry.remember([{ groupId: 'known', phoneNumberId: 'B' }]);
    const { api, calls } = fakeListingApi({ A: ['a1', 'a2', 'a3'] });
    const ownership = createGroupOwnership({ registry, listCooldownMs: 60_000, maxPagesPerNumber: 10, now: () => now });

    expect(await ownership.ownersOf(['known'], { candidates: ['A'], upstream: api })).toEqual(new Map([['known', 'B']]));
    expect(calls).toEqual([]);
    const [first, second] = await Promise.all([
      ownership.ownersOf(['a3', 'nowhere'], { candidates: ['A'], upstream: api }),
      ownership.ownersOf(['a1'], { candidates: ['A'], upstream: api }),
    ]);
    expect(first).toEqual(new Map([['a3', 'A']]));
    expect(second).toEqual(new Map([['a1', 'A']]));
    expect(calls).toEqual(['A:', 'A:2']); // one listing for both callers, both pages

    await ownership.ownersOf(['nowhere'], { candidates: ['A'], upstream: api });
    expect(calls).toHaveLength(2); // within the cooldown: still unknown, not listed again
    now = 60_000;
    await ownership.ownersOf(['nowhere'], { candidates: ['A'], upstream: api });
    expect(calls).toHaveLength(4);
  });

  it('lets a failed listing fail the call and tries again next time', async () => {
    const registry = createInMemoryGroupOwnerRegistry();
    let fail = true;
    const { api } = fakeListingApi({ A: ['a1'] });
    const flaky = { ...api, listGroups: (phone: string, page: { after?: string }) => (fail ? Promise.reject(new Error('upstream down')) : api.listGroups(phone, page)) };
    const ownership = createGroupOwnership({ registry, listCooldownMs: 60_000, maxPagesPerNumber: 10 });
    await expect(ownership.ownersOf(['a1'], { candidates: ['A'], upstream: flaky })).rejects.toThrow('upstream down');
    fail = false;
    await expect(ownership.ownersOf(['a1'], { candidates: ['A'], upstream: flaky })).resolves.toEqual(new Map([['a1', 'A']]));
  });
});

describe('tenant access', () => {
  async function accessFor(phoneNumberIds: string[] | null, configuredDefault: string | null = 'A') {
    const registry = createInMemoryGroupOwnerRegistry();
    await registry.remember([
      { groupId: 'gA', phoneNumberId: 'A' },
      { groupId: 'gB', phoneNumberId: 'B' },
    ]);
    const { api, calls } = fakeListingApi({ A: ['gA', 'gA2'], B: ['gB'] });
    const ownership = createGroupOwnership({ registry, listCooldownMs: 60_000, maxPagesPerNumber: 10 });
    return { access: createTenantAccess({ principal: keyFor(phoneNumberIds), ownership, upstream: api, configuredDefaultPhoneNumberId: configuredDefault }), calls };
  }

  it('lets a key limited to A act for A and its groups only; unknown and foreign groups read the same', async () => {
    const { access, calls } = await accessFor(['A']);
    expect(access.restricted).toBe(true);
    expect(() => access.assertPhoneNumber('A')).not.toThrow();
    expect(() => access.assertPhoneNumber('B')).toThrow(ForbiddenError);
    await expect(access.assertGroups(['gA'])).resolves.toBeUndefined();
    await expect(access.assertGroups(['gA2'])).resolves.toBeUndefined(); // learnt by listing A
    expect(calls).toEqual(['A:']); // only the key's own number is listed
    await expect(access.assertGroups(['gA', 'gB'])).rejects.toThrow('This API key may not access group gB');
    await expect(access.assertGroups(['ghost'])).rejects.toThrow('This API key may not access group ghost');
  });

  it('decides what events the key may see: by their number, else by their group\'s owner', async () => {
    const { access } = await accessFor(['A']);
    expect(await access.canSee({ groupId: 'gB', phoneNumberId: 'A' })).toBe(true);
    expect(await access.canSee({ groupId: 'gA', phoneNumberId: 'B' })).toBe(false);
    expect(await access.canSee({ groupId: 'gA', phoneNumberId: null })).toBe(true);
    expect(await access.canSee({ groupId: 'gB', phoneNumberId: null })).toBe(false);
    expect(await access.canSee({ groupId: null, phoneNumberId: null })).toBe(false);
  });

  it('defaults to the key\'s only number, or the configured one when the key may use it', async () => {
    expect((await accessFor(['A', 'B'], 'B')).access.defaultPhoneNumberId).toBe('B');
    expect((await accessFor(['C'], 'A')).access.defaultPhoneNumberId).toBe('C');
    expect((await accessFor(['C', 'D'], 'A')).access.defaultPhoneNumberId).toBeNull();
    expect((await accessFor(null, 'A')).access.defaultPhoneNumberId).toBe('A');
  });

  it('checks nothing for a key of every number', async () => {
    const { access, calls } = await accessFor(null);
    await access.assertGroups(['ghost']);
    expect(await access.canSee({ groupId: null, phoneNumberId: null })).toBe(true);
    expect(calls).toEqual([]);
  });

  it('opens everything to the anonymous caller when authentication is off', async () => {
    const access = openTenantAccess('A');
    expect(access).toMatchObject({ principal: { id: 'anonymous', anonymous: true }, restricted: false, defaultPhoneNumberId: 'A' });
    expect(() => access.requireScope('write')).not.toThrow();
    expect(() => access.assertPhoneNumber('B')).not.toThrow();
    await expect(access.assertGroups(['ghost'])).resolves.toBeUndefined();
    expect(await access.canSee({ groupId: null, phoneNumberId: null })).toBe(true);
    expect(access.refreshed()).toBe(access);
  });

  it('follows the key\'s current grants and notices a revocation', async () => {
    const registry = createInMemoryGroupOwnerRegistry();
    const ownership = createGroupOwnership({ registry, listCooldownMs: 60_000, maxPagesPerNumber: 10 });
    let grants: string[] | null = ['A'];
    const access = createTenantAccess({
      principal: keyFor(['A']),
      ownership,
      upstream: fakeListingApi({}).api,
      configuredDefaultPhoneNumberId: null,
      current: () => (grants === null ? null : keyFor(grants)),
    });
    expect(access.refreshed()).toBe(access);
    grants = ['B'];
    expect(await access.refreshed()?.canSee({ groupId: 'g', phoneNumberId: 'A' })).toBe(false);
    grants = null;
    expect(access.refreshed()).toBeNull();
  });
});
