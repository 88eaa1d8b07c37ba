import { graphReadsEndingWith } from '../../helpers/sandbox-graph-api';
import { GroupJoinRequestsDocument } from '../../generated/graphql';
import type { GroupJoinRequestsQuery, GroupJoinRequestsQueryVariables } from '../../generated/graphql';
import type { TestGateway } from '../../helpers/test-gateway';
import { startTestGateway } from '../../helpers/test-gateway';

type Connection = NonNullable<GroupJoinRequestsQuery['group']>['joinRequests'];

const REQUESTERS = 7;

describe('Group.joinRequests: Relay paging both ways over the sandbox', () => {
  let t: TestGateway;
  let groupId: string;
  let expectedIds: string[];

  beforeAll(async () => {
    t = await startTestGateway();
    const approvalGroups = t.sandbox.control.state().groups.filter((group) => group.joinApprovalMode === 'approval_required');
    groupId = approvalGroups[0]?.id ?? '';
    for (let i = 0; i < REQUESTERS; i += 1) t.sandbox.control.requestToJoin({ groupId, waId: `1415555${String(3000 + i)}` });
    expectedIds = (t.sandbox.control.group(groupId)?.joinRequests ?? []).map((request) => request.joinRequestId);
  });

  afterAll(() => t.dispose());
  beforeEach(() => t.sandbox.stats.reset());

  async function page(variables: Omit<GroupJoinRequestsQueryVariables, 'id'>): Promise<Connection> {
    const response = await t.query(GroupJoinRequestsDocument, { id: groupId, ...variables });
    expect(response.body.errors).toBeUndefined();
    const connection = response.body.data?.group?.joinRequests;
    if (connection === undefined) throw new Error('no joinRequests in the answer');
    return connection;
  }

  it('has enough pending requests to page through', () => {
    expect(expectedIds.length).toBeGreaterThanOrEqual(REQUESTERS);
  });

  it('walks forwards with first: 2 and backwards with last: 2, and both walks visit the same requests in the same order', async () => {
    const forward: string[] = [];
    let current = await page({ first: 2 });
    forward.push(...current.edges.map((edge) => edge.node.id));
    while (current.pageInfo.hasNextPage) {
      current = await page({ first: 2, after: current.pageInfo.endCursor });
      forward.push(...current.edges.map((edge) => edge.node.id));
    }
    expect(forward).toEqual(expectedIds);

    // Backwards from the last edge: every request before it, in pages of at most 2, then the last one itself.
    const backwardPages: string[][] = [];
    let back = await page({ last: 2, before: current.pageInfo.endCursor });
    backwardPages.unshift(back.edges.map((edge) => edge.node.id));
    expect(back.pageInfo.hasNextPage).toBe(true);
    while (back.pageInfo.hasPreviousPage) {
      back = await page({ last: 2, before: back.pageInfo.startCursor });
      backwardPages.unshift(back.edges.map((edge) => edge.node.id));
    }
    expect(backwardPages.every((ids) => ids.length >= 1 && ids.length <= 2)).toBe(true);
    expect([...backwardPages.flat(), forward[forward.length - 1]]).toEqual(forward);
  });

  it('pages backwards through the upstream with `before`, one call per page', async () => {
    const firstPage = await page({ first: 3 });
    const secondPage = await page({ first: 3, after: firstPage.pageInfo.endCursor });
    t.sandbox.stats.reset();
    const back = await page({ last: 3, before: secondPage.pageInfo.startCursor });
    expect(back.edges.map((edge) => edge.node.id)).toEqual(firstPage.edges.map((edge) => edge.node.id));
    expect(back.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
    // One upstream call, whose one read (a Graph batch sub-request: join-request pages ride in batches) asks for the
    // page before, by Meta's cursor.
    expect(t.sandbox.stats.requests).toHaveLength(1);
    const reads = graphReadsEndingWith(t.sandbox, '/join_requests');
    expect(reads).toHaveLength(1);
    const [path, search] = reads[0]!.split('?');
    expect(path).toMatch(new RegExp(`${encodeURIComponent(groupId)}/join_requests$`));
    const query = new URLSearchParams(search);
    expect(query.get('limit')).toBe('3');
    expect(query.get('before')).toEqual(expect.any(String));
    expect(query.get('after')).toBeNull();
  });

  it.each([
    [{ first: 2, last: 2 }, 'last', '`first` and `last` cannot be used together'],
    [{ after: 'x', before: 'y' }, 'before', '`after` and `before` cannot be used together'],
    [{ last: 2 }, 'last', '`last` needs `before`'],
    [{ last: 0, before: 'y' }, 'last', '`last` must be between 1 and 1024'],
    [{ last: 2, before: 'not-a-cursor' }, 'before', undefined],
  ] as const)('refuses %j with BAD_USER_INPUT naming `%s`, and makes no upstream call', async (variables, argumentName, message) => {
    const response = await t.query(GroupJoinRequestsDocument, { id: groupId, ...variables });
    const error = response.body.errors?.[0];
    expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName });
    if (message !== undefined) expect(error?.message).toContain(message);
    expect(t.sandbox.stats.requests.filter((request) => request.path.endsWith('/join_requests'))).toEqual([]);
  });

  it("refuses another group's cursor as `before`, without an upstream call for that list", async () => {
    const created = await t.query<{ createGroup: { group: { id: string } | null } }, { input: Record<string, unknown> }>(
      'mutation ($input: CreateGroupInput!) { createGroup(input: $input) { group { id } } }',
      { input: { subject: 'Other approvals', joinApprovalMode: 'APPROVAL_REQUIRED', awaitCompletion: true } },
    );
    const otherGroupId = created.body.data?.createGroup.group?.id ?? '';
    t.sandbox.control.requestToJoin({ groupId: otherGroupId, waId: '14155553999' });
    const other = await t.query(GroupJoinRequestsDocument, { id: otherGroupId, first: 1 });
    const foreignCursor = other.body.data?.group?.joinRequests.pageInfo.endCursor ?? '';
    expect(foreignCursor).not.toBe('');
    t.sandbox.stats.reset();
    const response = await t.query(GroupJoinRequestsDocument, { id: groupId, last: 1, before: foreignCursor });
    expect(response.body.errors?.[0]).toMatchObject({
      message: `\`before\` is a cursor of the join requests of another group (${otherGroupId})`,
      extensions: { code: 'BAD_USER_INPUT', argumentName: 'before' },
    });
    expect(t.sandbox.stats.requests.filter((request) => request.path.endsWith('/join_requests'))).toEqual([]);
  });
});
