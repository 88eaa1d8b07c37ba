import type { DomainEvent } from '../../../src/events/event-model';
import { createSilentLogger } from '../../../src/lib/logger';
import type { GroupOwnerRegistry } from '../../../src/tenancy/group-owner-registry';
import { createInMemoryGroupOwnerRegistry } from '../../../src/tenancy/in-memory-group-owner-registry';
import { learnOwnershipFrom, ownershipLearningHook } from '../../../src/tenancy/ownership-learning';
import type { GroupsApi } from '../../../src/upstream/types';
import { fakeListingApi } from './tenancy-harness';

describe('ownership learning', () => {
  it('records the owner of every listed group and of a created group that names its id', async () => {
    const registry = createInMemoryGroupOwnerRegistry();
    const { api } = fakeListingApi({ A: ['g1', 'g2', 'g3'] });
    const created = { ...api, createGroup: async () => ({ requestId: 'r1', groupId: 'g9', inviteLink: null }), ping: async () => undefined } as unknown as GroupsApi;
    const learning = learnOwnershipFrom(created, registry, createSilentLogger());
    const page = await learning.listGroups('A', { limit: 2 });
    expect(page.items.map((item) => item.id)).toEqual(['g1', 'g2']);
    await learning.createGroup('B', { subject: 'x' });
    await expect(learning.ping()).resolves.toBeUndefined();
    expect(await registry.owners(['g1', 'g2', 'g3', 'g9'])).toEqual(new Map([['g1', 'A'], ['g2', 'A'], ['g9', 'B']]));
  });

  it('still answers the call when the registry cannot be written', async () => {
    const broken: GroupOwnerRegistry = { owners: async () => new Map(), remember: () => Promise.reject(new Error('redis down')), dispose: async () => undefined };
    const learning = learnOwnershipFrom(fakeListingApi({ A: ['g1'] }).api, broken, createSilentLogger());
    await expect(learning.listGroups('A', {})).resolves.toMatchObject({ items: [{ id: 'g1' }] });
  });

  it('learns from webhook events that name their phone number', async () => {
    const registry = createInMemoryGroupOwnerRegistry();
    const event = (groupId: string, phoneNumberId: string | null) => ({ groupId, phoneNumberId }) as DomainEvent;
    await ownershipLearningHook({ registry }).afterStore?.([event('g1', 'A'), event('g2', null), event('g3', 'B')], []);
    expect(await registry.owners(['g1', 'g2', 'g3'])).toEqual(new Map([['g1', 'A'], ['g3', 'B']]));
  });

  it('keeps at most maxEntries owners, dropping the oldest learnt', async () => {
    const registry = createInMemoryGroupOwnerRegistry({ maxEntries: 2 });
    await registry.remember([{ groupId: 'g1', phoneNumberId: 'A' }, { groupId: 'g2', phoneNumberId: 'A' }]);
    await registry.remember([{ groupId: 'g1', phoneNumberId: 'A' }, { groupId: 'g3', phoneNumberId: 'A' }]);
    expect([...(await registry.owners(['g1', 'g2', 'g3'])).keys()]).toEqual(['g1', 'g3']);
  });
});
