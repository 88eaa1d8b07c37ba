import { SANDBOX_PHONE_A, SANDBOX_PHONE_B } from '../../helpers/constants';
import type { ResponseCacheChange } from '../../../src/response-cache/response-cache';
import { executionsOf, invalidatesGroup, invalidatesList, nextResponseCacheChange } from '../../helpers/read-caches';
import { createTestRedis, testRedisUrl, uniquePrefix } from '../../helpers/redis';
import { callSandboxGraphApi } from '../../helpers/sandbox-graph-api';
import type { TestGateway } from '../../helpers/test-gateway';
import { startPeerGateway, startTestGateway } from '../../helpers/test-gateway';

const GROUP = 'query Group($id: ID!) { group(id: $id) { id subject totalParticipantCount participants { waId } } }';
const LIST = 'query List($phone: ID) { groups(phoneNumberId: $phone, first: 50) { edges { node { id subject } } } }';

interface GroupAnswer {
  group: { id: string; subject: string; totalParticipantCount: number; participants: { waId: string }[] } | null;
}
interface ListAnswer {
  groups: { edges: { node: { id: string; subject: string } }[] };
}

/**
 * Two instances of one deployment on a real Redis: A in sandbox mode (its sandbox sends every webhook to A), B in
 * upstream mode over the same sandbox. Changes are made on the sandbox's Graph API directly, so the gateways learn
 * of them only from the webhook: A must answer fresh as soon as it acknowledged it, B once the stored event reached
 * it on the bus; nothing else may be dropped.
 */
describe('response cache: every event kind invalidates what it changed, on both instances', () => {
  const prefix = uniquePrefix('response-cache');
  let a: TestGateway;
  let b: TestGateway;

  beforeAll(async () => {
    const env = { REDIS_URL: testRedisUrl(), REDIS_KEY_PREFIX: prefix };
    a = await startTestGateway({ env });
    b = await startPeerGateway(a, { env });
    // More groups than the demo's six, one per case; seeded before anything is cached (seeding sends no webhook).
    a.sandbox.control.seedGroups(SANDBOX_PHONE_A, 4, { subjectPrefix: 'Cache case', participants: 3 });
  });
  afterAll(async () => {
    await Promise.all([a?.dispose(), b?.dispose()]);
    await createTestRedis(prefix).dispose();
  });

  /** The answer, and whether the gateway executed anything for it. */
  async function ask<T>(on: TestGateway, query: string, variables: Record<string, unknown>): Promise<{ data: T; executed: boolean }> {
    const before = executionsOf(on.gateway);
    const response = await on.query<T, Record<string, unknown>>(query, variables);
    expect(response.body.errors).toBeUndefined();
    return { data: response.body.data as T, executed: executionsOf(on.gateway) > before };
  }

  function unusedGroup(phoneNumberId: string, used: Set<string>, extra: (group: { joinApprovalMode: string; participants: unknown[] }) => boolean = () => true): string {
    const found = a.sandbox.control.state().groups.find((group) => group.phoneNumberId === phoneNumberId && !used.has(group.id) && extra(group));
    if (found === undefined) throw new Error('no demo group left for this case');
    used.add(found.id);
    return found.id;
  }

  it('a hit runs no resolver and makes no upstream call; the answer is the same bytes', async () => {
    const groupId = a.sandbox.control.state().groups[0]!.id;
    const first = await ask<GroupAnswer>(b, GROUP, { id: groupId });
    expect(first.executed).toBe(true);
    const upstreamCalls = a.sandbox.stats.requests.length;
    const again = await ask<GroupAnswer>(b, GROUP, { id: groupId });
    expect(again.executed).toBe(false);
    expect(a.sandbox.stats.requests.length).toBe(upstreamCalls);
    expect(again.data).toEqual(first.data);
    // Another variable value is another answer.
    const other = await ask<GroupAnswer>(b, GROUP, { id: a.sandbox.control.state().groups[1]!.id });
    expect(other.executed).toBe(true);
  });

  const used = new Set<string>();
  const unrelatedId = (): string => a.sandbox.control.state().groups.find((group) => group.phoneNumberId === SANDBOX_PHONE_B)!.id;

  interface EventCase {
    name: string;
    /** Picks the subject of the case; runs before warming. */
    setup(): { groupId: string };
    /** The change, on the sandbox: the webhook follows. */
    act(groupId: string): Promise<void>;
    /** Which invalidation to wait for on B. */
    awaited(groupId: string): (change: ResponseCacheChange) => boolean;
    query: 'group' | 'list';
    /** The answer after the change shows it. */
    fresh(groupId: string, data: GroupAnswer | ListAnswer): void;
  }

  let created = '';
  const cases: EventCase[] = [
    {
      name: 'a subject change (SETTINGS_UPDATED)',
      setup: () => ({ groupId: unusedGroup(SANDBOX_PHONE_A, used) }),
      act: async (groupId) => void (await callSandboxGraphApi(a.sandbox, 'POST', `/${groupId}`, { subject: 'Renamed by the case' })),
      awaited: (groupId) => invalidatesGroup(groupId),
      query: 'group',
      fresh: (_groupId, data) => expect((data as GroupAnswer).group?.subject).toBe('Renamed by the case'),
    },
    {
      name: 'a subject change seen in a list page (SETTINGS_UPDATED)',
      setup: () => ({ groupId: unusedGroup(SANDBOX_PHONE_A, used) }),
      act: async (groupId) => void (await callSandboxGraphApi(a.sandbox, 'POST', `/${groupId}`, { subject: 'Renamed in the list' })),
      awaited: (groupId) => invalidatesGroup(groupId),
      query: 'list',
      fresh: (groupId, data) => expect((data as ListAnswer).groups.edges.find((edge) => edge.node.id === groupId)?.node.subject).toBe('Renamed in the list'),
    },
    {
      name: 'participants added (PARTICIPANTS_ADDED)',
      setup: () => ({ groupId: unusedGroup(SANDBOX_PHONE_A, used, (group) => group.joinApprovalMode === 'auto_approve' && group.participants.length < 8) }),
      act: async (groupId) => {
        const inviteLink = a.sandbox.control.group(groupId)!.inviteLink!;
        a.sandbox.control.joinByInviteLink({ inviteLink, waId: '14155550123', username: 'joiner' });
      },
      awaited: (groupId) => invalidatesGroup(groupId),
      query: 'group',
      fresh: (_groupId, data) => expect((data as GroupAnswer).group?.participants.map((p) => p.waId)).toContain('14155550123'),
    },
    {
      name: 'participants removed (PARTICIPANTS_REMOVED)',
      setup: () => ({ groupId: unusedGroup(SANDBOX_PHONE_A, used, (group) => group.participants.length > 0) }),
      act: async (groupId) => a.sandbox.control.leaveGroup({ groupId, waId: a.sandbox.control.group(groupId)!.participants[0]!.waId }),
      awaited: (groupId) => invalidatesGroup(groupId),
      query: 'group',
      fresh: (groupId, data) => expect((data as GroupAnswer).group?.totalParticipantCount).toBe(a.sandbox.control.group(groupId)!.participants.length),
    },
    {
      name: 'a group deleted (GROUP_DELETED), in its list',
      setup: () => ({ groupId: unusedGroup(SANDBOX_PHONE_A, used) }),
      act: async (groupId) => void (await callSandboxGraphApi(a.sandbox, 'DELETE', `/${groupId}`)),
      awaited: () => invalidatesList(SANDBOX_PHONE_A),
      query: 'list',
      fresh: (groupId, data) => expect((data as ListAnswer).groups.edges.map((edge) => edge.node.id)).not.toContain(groupId),
    },
    {
      name: 'a group created (GROUP_CREATED) appears in the list',
      setup: () => ({ groupId: '' }),
      act: async () => {
        await callSandboxGraphApi(a.sandbox, 'POST', `/${SANDBOX_PHONE_A}/groups`, { subject: 'Created behind the gateway' });
        created = a.sandbox.control.state().groups.find((group) => group.subject === 'Created behind the gateway')!.id;
      },
      awaited: () => invalidatesList(SANDBOX_PHONE_A),
      query: 'list',
      fresh: (_groupId, data) => expect((data as ListAnswer).groups.edges.map((edge) => edge.node.id)).toContain(created),
    },
  ];

  it.each(cases)('$name: fresh on A right after its 200, on B after the bus; other answers stay cached', async (eventCase) => {
    const { groupId } = eventCase.setup();
    const [query, variables] = eventCase.query === 'group' ? [GROUP, { id: groupId }] : [LIST, { phone: SANDBOX_PHONE_A }];
    const unrelated = { id: unrelatedId() };
    for (const gateway of [a, b]) {
      await ask(gateway, query, variables);
      expect((await ask(gateway, query, variables)).executed).toBe(false);
      await ask(gateway, GROUP, unrelated);
    }
    const onB = nextResponseCacheChange(b.gateway, eventCase.awaited(groupId));

    await eventCase.act(groupId);
    await a.sandbox.webhooksIdle(); // A answered the webhook 200

    const onA = await ask<GroupAnswer | ListAnswer>(a, query, variables);
    expect(onA.executed).toBe(true);
    eventCase.fresh(groupId, onA.data);

    await onB;
    const fromB = await ask<GroupAnswer | ListAnswer>(b, query, variables);
    expect(fromB.executed).toBe(true);
    eventCase.fresh(groupId, fromB.data);

    // Exactly what the event touched: the other group's answer is still a hit on both.
    expect((await ask(a, GROUP, unrelated)).executed).toBe(false);
    expect((await ask(b, GROUP, unrelated)).executed).toBe(false);
  });

  it('a write invalidates what it changed: resetInviteLink on B, fresh on B at once and on A after the bus', async () => {
    const groupId = unusedGroup(SANDBOX_PHONE_A, used);
    const LINK = 'query Link($id: ID!) { group(id: $id) { inviteLink } }';
    for (const gateway of [a, b]) {
      await ask(gateway, LINK, { id: groupId });
      expect((await ask(gateway, LINK, { id: groupId })).executed).toBe(false);
    }
    const onA = nextResponseCacheChange(a.gateway, invalidatesGroup(groupId));
    const reset = await b.query<{ resetInviteLink: { inviteLink: string } }, Record<string, unknown>>(
      'mutation Reset($i: ResetInviteLinkInput!) { resetInviteLink(input: $i) { inviteLink } }',
      { i: { groupId } },
    );
    const newLink = reset.body.data!.resetInviteLink.inviteLink;
    expect(newLink).toBe(a.sandbox.control.group(groupId)!.inviteLink);
    expect((await ask<{ group: { inviteLink: string } }>(b, LINK, { id: groupId })).data.group.inviteLink).toBe(newLink);
    await onA;
    expect((await ask<{ group: { inviteLink: string } }>(a, LINK, { id: groupId })).data.group.inviteLink).toBe(newLink);
  });

  it('a message changes nothing a cached answer read', async () => {
    const groupId = unusedGroup(SANDBOX_PHONE_A, used, (group) => group.participants.length > 0);
    await ask(a, GROUP, { id: groupId });
    const participant = a.sandbox.control.group(groupId)!.participants[0]!;
    a.sandbox.control.sendText({ groupId, waId: participant.waId, text: 'hello' });
    await a.sandbox.webhooksIdle();
    expect((await ask(a, GROUP, { id: groupId })).executed).toBe(false);
  });
});
