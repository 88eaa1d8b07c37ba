import { SANDBOX_PHONE_B } from '../../helpers/constants';
import { executionsOf } from '../../helpers/read-caches';
import { groupsOf } from '../../helpers/secure-gateway';
import type { TestGateway } from '../../helpers/test-gateway';
import { startTestGateway } from '../../helpers/test-gateway';

const FULL_PAGE = `query Page($phone: ID) {
  groups(phoneNumberId: $phone, first: 25) {
    edges { node { id subject participants { waId } inviteLink joinRequests(first: 5) { edges { node { id waId } } } } }
  }
}`;
const LINKS_ONLY = 'query Links($phone: ID) { groups(phoneNumberId: $phone, first: 25) { edges { node { id inviteLink } } } }';

interface PageAnswer {
  groups: { edges: { node: { id: string; inviteLink: string; joinRequests?: { edges: { node: { waId: string } }[] } } }[] };
}

/** Upstream calls, counted by the sandbox (a Graph batch counts once). */
describe('a page of 25 groups with participants, invite links and join requests', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway();
    t.sandbox.control.seedGroups(SANDBOX_PHONE_B, 25 - groupsOf(t, SANDBOX_PHONE_B).length, { subjectPrefix: 'Page', participants: 3 });
  });
  afterAll(() => t.dispose());

  async function callsFor(query: string): Promise<{ calls: string[]; data: PageAnswer }> {
    t.sandbox.stats.reset();
    const response = await t.query<PageAnswer, { phone: string }>(query, { phone: SANDBOX_PHONE_B });
    expect(response.body.errors).toBeUndefined();
    return { calls: t.sandbox.stats.requests.map((request) => `${request.method} ${request.path}`), data: response.body.data! };
  }

  it('costs at most 3 upstream calls cold: the list, one batch of metadata, one batch of invite links and join requests', async () => {
    const { calls, data } = await callsFor(FULL_PAGE);
    expect(data.groups.edges).toHaveLength(25);
    expect(calls.length).toBeLessThanOrEqual(3);
    expect(calls).toContain(`GET /v23.0/${SANDBOX_PHONE_B}/groups`);
    const links = new Map(t.sandbox.control.state().groups.map((group) => [group.id, group.inviteLink]));
    for (const edge of data.groups.edges) expect(edge.node.inviteLink).toBe(links.get(edge.node.id));
  });

  it('costs 0 upstream calls warm: the same page again (a response cache hit, no execution)', async () => {
    const executions = executionsOf(t.gateway);
    expect((await callsFor(FULL_PAGE)).calls).toEqual([]);
    expect(executionsOf(t.gateway)).toBe(executions);
  });

  it('costs 0 upstream calls for another selection over the same page: list pages and invite links come from the read caches', async () => {
    const executions = executionsOf(t.gateway);
    const { calls, data } = await callsFor(LINKS_ONLY);
    expect(executionsOf(t.gateway)).toBe(executions + 1);
    expect(calls).toEqual([]);
    expect(data.groups.edges).toHaveLength(25);
  });

  it('a join request (JOIN_REQUEST_CREATED) drops its group\'s cached join-request pages', async () => {
    const vip = t.sandbox.control.state().groups.find((group) => group.joinApprovalMode === 'approval_required')!;
    const JOIN_REQUESTS = 'query ($id: ID!) { group(id: $id) { joinRequests(first: 5) { edges { node { waId } } } } }';
    const waIds = async (): Promise<string[]> =>
      ((await t.query<{ group: { joinRequests: { edges: { node: { waId: string } }[] } } }, { id: string }>(JOIN_REQUESTS, { id: vip.id })).body.data?.group.joinRequests.edges ?? []).map((edge) => edge.node.waId);
    expect(await waIds()).not.toContain('14155550777');
    t.sandbox.control.requestToJoin({ groupId: vip.id, waId: '14155550777' });
    await t.sandbox.webhooksIdle();
    expect(await waIds()).toContain('14155550777');
  });
});
