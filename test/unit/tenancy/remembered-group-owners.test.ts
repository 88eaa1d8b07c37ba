import type { GroupOwner, GroupOwnerRegistry } from '../../../src/tenancy/group-owner-registry';
import { createInMemoryGroupOwnerRegistry } from '../../../src/tenancy/in-memory-group-owner-registry';
import { withRememberedGroupOwners } from '../../../src/tenancy/remembered-group-owners';

/** A registry that records what reaches it (what would be a Redis command). */
function recordingRegistry(): { registry: GroupOwnerRegistry; asked: string[][]; written: GroupOwner[][] } {
  const inner = createInMemoryGroupOwnerRegistry();
  const asked: string[][] = [];
  const written: GroupOwner[][] = [];
  return {
    asked,
    written,
    registry: {
      owners: (groupIds) => (asked.push([...groupIds]), inner.owners(groupIds)),
      remember: (owners) => (written.push([...owners]), inner.remember(owners)),
      dispose: () => inner.dispose(),
    },
  };
}

describe('withRememberedGroupOwners', () => {
  it('writes an owner once, however many webhooks repeat it', async () => {
    const { registry, written } = recordingRegistry();
    const owners = withRememberedGroupOwners(registry);
    await owners.remember([{ groupId: 'g1', phoneNumberId: 'A' }]);
    await owners.remember([{ groupId: 'g1', phoneNumberId: 'A' }]);
    await owners.remember([
      { groupId: 'g1', phoneNumberId: 'A' },
      { groupId: 'g2', phoneNumberId: 'B' },
    ]);
    expect(written).toEqual([[{ groupId: 'g1', phoneNumberId: 'A' }], [{ groupId: 'g2', phoneNumberId: 'B' }]]);
  });

  it('answers known owners itself, asks the registry only about the others, and keeps the order asked', async () => {
    const { registry, asked } = recordingRegistry();
    await registry.remember([{ groupId: 'g3', phoneNumberId: 'C' }]); // written by another instance
    const owners = withRememberedGroupOwners(registry);
    await owners.remember([{ groupId: 'g1', phoneNumberId: 'A' }]);
    expect(await owners.owners(['g3', 'g9', 'g1'])).toEqual(new Map([['g3', 'C'], ['g1', 'A']]));
    expect(asked).toEqual([['g3', 'g9']]);
    expect(await owners.owners(['g1', 'g3'])).toEqual(new Map([['g1', 'A'], ['g3', 'C']]));
    expect(asked).toEqual([['g3', 'g9']]); // both known now: nothing asked
  });

  it('forgets the least recently used owner past its capacity, and writes again what it forgot', async () => {
    const { registry, written } = recordingRegistry();
    const owners = withRememberedGroupOwners(registry, { capacity: 2 });
    await owners.remember([{ groupId: 'g1', phoneNumberId: 'A' }]);
    await owners.remember([{ groupId: 'g2', phoneNumberId: 'A' }]);
    await owners.owners(['g1']); // g1 used: g2 is now the least recent
    await owners.remember([{ groupId: 'g3', phoneNumberId: 'A' }]);
    await owners.remember([{ groupId: 'g1', phoneNumberId: 'A' }, { groupId: 'g2', phoneNumberId: 'A' }]);
    expect(written.at(-1)).toEqual([{ groupId: 'g2', phoneNumberId: 'A' }]);
    expect(() => withRememberedGroupOwners(registry, { capacity: 0 })).toThrow(/capacity to be an integer >= 1, got 0/);
  });
});
