import { decodeCursor } from '../../../src/schema/relay/cursor';
import type { ConnectionArgs } from '../../../src/schema/relay/page-args';
import { parseConnectionArgs } from '../../../src/schema/relay/page-args';
import type { RelayPage } from '../../../src/resolvers/relay-pager';
import { loadRelayPage } from '../../../src/resolvers/relay-pager';
import type { PageRequest } from '../../../src/upstream/types';
import { pageOf } from '../../helpers/fake-groups-api';

const ITEMS = Array.from({ length: 7 }, (_, i) => `g${i + 1}`);

function pager() {
  const requests: PageRequest[] = [];
  const load = (args: ConnectionArgs): Promise<RelayPage<string>> =>
    loadRelayPage<string>({
      kind: 'groups',
      scope: 'phone-1',
      args: parseConnectionArgs(args, 'groups'),
      fetchPage: async (request) => {
        requests.push(request);
        return pageOf(ITEMS, request);
      },
      idOf: (item) => item,
    });
  return { requests, load };
}

const nodes = (page: RelayPage<string>): string[] => page.edges.map((edge) => edge.node);

describe('Relay paging over upstream boundary cursors', () => {
  it('walks every item exactly once with first/after: endCursor, one upstream call per page', async () => {
    const { requests, load } = pager();
    const seen: string[] = [];
    let page = await load({ first: 3 });
    expect(page.pageInfo.hasPreviousPage).toBe(false);
    seen.push(...nodes(page));
    while (page.pageInfo.hasNextPage) {
      page = await load({ first: 3, after: page.pageInfo.endCursor });
      seen.push(...nodes(page));
    }
    expect(seen).toEqual(ITEMS);
    expect(requests).toHaveLength(3);
    expect(page.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it('walks back to the start with last/before: startCursor', async () => {
    const { load } = pager();
    let page = await load({ first: 3 });
    while (page.pageInfo.hasNextPage) page = await load({ first: 3, after: page.pageInfo.endCursor });
    const seen: string[][] = [];
    page = await load({ last: 2, before: page.pageInfo.endCursor });
    seen.unshift(nodes(page));
    while (page.pageInfo.hasPreviousPage) {
      page = await load({ last: 2, before: page.pageInfo.startCursor });
      seen.unshift(nodes(page));
    }
    expect(seen.flat()).toEqual(ITEMS.slice(0, -1));
    expect(page.pageInfo.hasNextPage).toBe(true);
  });

  it('continues after an edge in the middle of a page', async () => {
    const { requests, load } = pager();
    const first = await load({ first: 4 });
    const middle = first.edges[1]?.cursor ?? null;
    const next = await load({ first: 5, after: middle });
    expect(nodes(next)).toEqual(['g3', 'g4']);
    expect(next.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    expect(requests[1]).toEqual({ limit: 4 });
    const after = await load({ first: 5, after: next.pageInfo.endCursor });
    expect(nodes(after)).toEqual(['g5', 'g6', 'g7']);
  });

  it('continues before an edge in the middle of a page', async () => {
    const { load } = pager();
    const first = await load({ first: 4 });
    const page = await load({ last: 2, before: first.edges[3]?.cursor ?? null });
    expect(nodes(page)).toEqual(['g2', 'g3']);
    expect(page.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
  });

  it('answers an empty page past either end without asking the upstream', async () => {
    const { requests, load } = pager();
    const all = await load({ first: 7 });
    expect(all.pageInfo.hasNextPage).toBe(false);
    const beyond = await load({ first: 2, after: all.pageInfo.endCursor });
    expect(beyond).toEqual({ edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null } });
    const before = await load({ last: 2, before: all.pageInfo.startCursor });
    expect(before.edges).toEqual([]);
    expect(before.pageInfo.hasPreviousPage).toBe(false);
    expect(requests).toHaveLength(1);
  });

  it('issues cursors that name their list, position and item', async () => {
    const { load } = pager();
    const page = await load({ first: 2 });
    const position = decodeCursor(page.pageInfo.endCursor ?? '', { argumentName: 'after', kind: 'groups' });
    expect(position).toMatchObject({ scope: 'phone-1', index: 1, itemId: 'g2', pageSize: 2, request: { limit: 2 } });
    expect(position.pageAfter).not.toBeNull();
    expect(position.pageBefore).toBeNull();
  });

  it('finds an edge by id when the page shifted since the cursor was issued', async () => {
    const requests: PageRequest[] = [];
    let items = ['g1', 'g2', 'g3', 'g4'];
    const load = (args: ConnectionArgs) =>
      loadRelayPage<string>({
        kind: 'groups',
        scope: 'phone-1',
        args: parseConnectionArgs(args, 'groups'),
        fetchPage: async (request) => {
          requests.push(request);
          return pageOf(items, request);
        },
        idOf: (item) => item,
      });
    const page = await load({ first: 4 });
    items = ['g0', 'g1', 'g2', 'g3', 'g4'];
    const next = await load({ first: 4, after: page.edges[1]?.cursor ?? null });
    expect(next.edges.map((edge) => edge.node)).toEqual(['g3']);
  });
});
