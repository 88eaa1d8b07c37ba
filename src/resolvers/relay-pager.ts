import type { CursorKind, EdgePosition, UpstreamPageRequest } from '../schema/relay/cursor';
import { encodeCursor } from '../schema/relay/cursor';
import type { PageArgs } from '../schema/relay/page-args';
import type { PageInfo } from '../schema/relay/page-info.type';
import type { Page } from '../upstream/types';

export interface RelayEdge<T> {
  node: T;
  cursor: string;
}

export interface RelayPage<T> {
  edges: RelayEdge<T>[];
  pageInfo: PageInfo;
}

export interface LoadRelayPageOptions<T> {
  kind: CursorKind;
  scope: string;
  args: PageArgs;
  fetchPage: (request: UpstreamPageRequest) => Promise<Page<T>>;
  idOf: (item: T) => string;
}

/**
 * Relay paging over Meta's boundary cursors. The last edge of a page continues with the page's upstream `after`,
 * the first with its `before`; an edge inside a page fetches that page again and continues next to the edge.
 * Walking `after: endCursor` therefore visits every item once, one upstream call per page.
 */
export async function loadRelayPage<T>(options: LoadRelayPageOptions<T>): Promise<RelayPage<T>> {
  const { args } = options;
  if (args.direction === 'forward') {
    const cursor = args.after;
    if (cursor === null) return fromPage(options, { limit: args.first }, await options.fetchPage({ limit: args.first }), 0, args.first, false);
    if (isLastOfPage(cursor)) {
      if (cursor.pageAfter === null) return emptyPage({ hasNextPage: false, hasPreviousPage: true });
      const request = { after: cursor.pageAfter, limit: args.first };
      return fromPage(options, request, await options.fetchPage(request), 0, args.first, false);
    }
    const page = await options.fetchPage(cursor.request);
    const start = locate(options, page, cursor) + 1;
    return fromPage(options, cursor.request, page, start, args.first, true);
  }

  const cursor = args.before;
  if (cursor.index === 0) {
    if (cursor.pageBefore === null) return emptyPage({ hasNextPage: true, hasPreviousPage: false });
    const request = { before: cursor.pageBefore, limit: args.last };
    const page = await options.fetchPage(request);
    const start = Math.max(0, page.items.length - args.last);
    return fromPage(options, request, page, start, args.last, start > 0);
  }
  const page = await options.fetchPage(cursor.request);
  const end = locate(options, page, cursor);
  const start = Math.max(0, end - args.last);
  const slice = fromPage(options, cursor.request, page, start, end - start, start > 0);
  return { edges: slice.edges, pageInfo: { ...slice.pageInfo, hasNextPage: true } };
}

function isLastOfPage(cursor: EdgePosition): boolean {
  return cursor.index === cursor.pageSize - 1;
}

/** Where the cursor's item is now: by id when it is still in the page, else by its old index. */
function locate<T>(options: LoadRelayPageOptions<T>, page: Page<T>, cursor: EdgePosition): number {
  const byId = page.items.findIndex((item) => options.idOf(item) === cursor.itemId);
  return byId === -1 ? Math.min(cursor.index, page.items.length) : byId;
}

function fromPage<T>(
  options: LoadRelayPageOptions<T>,
  request: UpstreamPageRequest,
  page: Page<T>,
  start: number,
  count: number,
  itemsBefore: boolean,
): RelayPage<T> {
  const end = Math.min(page.items.length, start + count);
  const pageAfter = page.paging.hasNext ? page.paging.after : null;
  const pageBefore = page.paging.hasPrevious ? page.paging.before : null;
  const edges = page.items.slice(start, end).map((node, offset) => ({
    node,
    cursor: encodeCursor({
      kind: options.kind,
      scope: options.scope,
      request,
      index: start + offset,
      itemId: options.idOf(node),
      pageSize: page.items.length,
      pageAfter,
      pageBefore,
    }),
  }));
  return {
    edges,
    pageInfo: {
      hasNextPage: end < page.items.length || page.paging.hasNext,
      hasPreviousPage: itemsBefore || start > 0 || page.paging.hasPrevious,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

function emptyPage<T>(flags: { hasNextPage: boolean; hasPreviousPage: boolean }): RelayPage<T> {
  return { edges: [], pageInfo: { ...flags, startCursor: null, endCursor: null } };
}
