import { GroupsPageDocument } from '../../generated/graphql';
import type { GroupsPageQuery, GroupsPageQueryVariables } from '../../generated/graphql';
import type { TestGateway } from '../../helpers/test-gateway';
import { startTestGateway } from '../../helpers/test-gateway';

type Connection = GroupsPageQuery['groups'];

describe('groups: Relay paging over the sandbox', () => {
  let t: TestGateway;
  let phoneNumberId: string;
  let expectedIds: string[];

  beforeAll(async () => {
    t = await startTestGateway();
    phoneNumberId = t.sandbox.control.state().phoneNumbers[0]?.phoneNumberId ?? '';
    t.sandbox.control.seedGroups(phoneNumberId, 7, { subjectPrefix: 'Paging' });
    const all = await page({ first: 1024 });
    expectedIds = all.edges.map((edge) => edge.node.id);
  });

  afterAll(() => t.dispose());

  async function page(variables: GroupsPageQueryVariables): Promise<Connection> {
    const response = await t.query(GroupsPageDocument, variables);
    expect(response.body.errors).toBeUndefined();
    const data = response.body.data;
    if (data == null) throw new Error('no data');
    return data.groups;
  }

  it('lists every active group of the default phone number', () => {
    const active = t.sandbox.control.state().groups.filter((group) => group.phoneNumberId === phoneNumberId);
    expect([...expectedIds].sort()).toEqual(active.map((group) => group.id).sort());
    expect(expectedIds.length).toBeGreaterThanOrEqual(13);
  });

  it('walks all groups exactly once with first: 2 and after: endCursor, one upstream call per page', async () => {
    t.sandbox.stats.reset();
    const seen: string[] = [];
    let current = await page({ first: 2 });
    expect(current.pageInfo.hasPreviousPage).toBe(false);
    seen.push(...current.edges.map((edge) => edge.node.id));
    let pages = 1;
    while (current.pageInfo.hasNextPage) {
      current = await page({ first: 2, after: current.pageInfo.endCursor });
      seen.push(...current.edges.map((edge) => edge.node.id));
      pages += 1;
    }
    expect(seen).toEqual(expectedIds);
    expect(current.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect(t.sandbox.stats.requests).toHaveLength(pages);
    expect(t.sandbox.stats.requests.every((request) => request.path.endsWith(`/${phoneNumberId}/groups`))).toBe(true);
  });

  it('walks back to the first group with last: 2 and before: startCursor', async () => {
    let current = await page({ first: 2 });
    while (current.pageInfo.hasNextPage) current = await page({ first: 2, after: current.pageInfo.endCursor });
    const lastId = current.edges[current.edges.length - 1]?.node.id;
    const pages: string[][] = [];
    current = await page({ last: 2, before: current.pageInfo.endCursor });
    pages.unshift(current.edges.map((edge) => edge.node.id));
    while (current.pageInfo.hasPreviousPage) {
      current = await page({ last: 2, before: current.pageInfo.startCursor });
      pages.unshift(current.edges.map((edge) => edge.node.id));
    }
    expect(pages.flat()).toEqual(expectedIds.filter((id) => id !== lastId));
    expect(pages.every((ids) => ids.length <= 2)).toBe(true);
  });

  it('answers each edge with its cursor, list fields and phone number', async () => {
    const first = await page({ first: 3 });
    expect(first.edges).toHaveLength(3);
    for (const edge of first.edges) {
      const snapshot = t.sandbox.control.group(edge.node.id);
      expect(edge.node).toEqual({
        id: snapshot?.id,
        subject: snapshot?.subject,
        createdAt: new Date((snapshot?.createdAt ?? 0) * 1000).toISOString(),
        phoneNumberId,
      });
      expect(edge.cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    }
    expect(first.pageInfo.endCursor).toBe(first.edges[2]?.cursor);
  });

  it('lists another phone number when asked, and refuses its cursors for the default one', async () => {
    const second = t.sandbox.control.state().phoneNumbers[1]?.phoneNumberId ?? '';
    const other = await page({ phoneNumberId: second, first: 10 });
    expect(other.edges.map((edge) => edge.node.phoneNumberId)).toEqual(other.edges.map(() => second));
    expect(other.edges.length).toBe(t.sandbox.control.state().groups.filter((group) => group.phoneNumberId === second).length);
    const refused = await t.query(GroupsPageDocument, { phoneNumberId, first: 1, after: other.pageInfo.startCursor });
    expect(refused.body.errors?.[0]).toMatchObject({
      message: `\`after\` is a cursor of phone number ${second}, not of ${phoneNumberId}`,
      extensions: { code: 'BAD_USER_INPUT', argumentName: 'after' },
    });
  });
});
