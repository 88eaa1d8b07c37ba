import { badRequest, GraphApiError } from './sandbox-graph-api-error';
import { fbDecode, fbEncode } from './sandbox-ids';

export type CursorKind = 'groups' | 'join_requests';

export interface PageParams {
  limit: number;
  after: string | null;
  before: string | null;
}

const DEFAULT_PAGE_LIMIT = 25;
const MAX_PAGE_LIMIT = 1024;

export function readPageParams(params: Readonly<Record<string, unknown>>): PageParams {
  const rawLimit = params.limit;
  let limit = DEFAULT_PAGE_LIMIT;
  if (rawLimit !== undefined && rawLimit !== '') {
    const n = typeof rawLimit === 'number' ? rawLimit : Number(rawLimit);
    if (!Number.isInteger(n) || n < 1 || n > MAX_PAGE_LIMIT) {
      throw badRequest(`Param limit must be an integer from 1 to ${MAX_PAGE_LIMIT}, got ${JSON.stringify(rawLimit)}`);
    }
    limit = n;
  }
  const after = typeof params.after === 'string' && params.after !== '' ? params.after : null;
  const before = typeof params.before === 'string' && params.before !== '' ? params.before : null;
  if (after !== null && before !== null) throw badRequest('Params after and before cannot be used together; page in one direction at a time');
  return { limit, after, before };
}

/** Opaque to clients; like Meta's (`{"offset":..,"versionId":..}` escaped) it names the run that issued it. */
export function encodeCursor(kind: CursorKind, seq: number, epoch: string): string {
  return fbEncode(JSON.stringify({ k: kind, s: seq, versionId: epoch }));
}

export function decodeCursor(kind: CursorKind, cursor: string, epoch: string): number {
  const invalid = new GraphApiError({ code: 131059, details: `The cursor ${JSON.stringify(cursor)} is expired or corrupted; restart pagination without after/before` });
  const text = fbDecode(cursor);
  if (text === null) throw invalid;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw invalid;
  }
  if (typeof parsed !== 'object' || parsed === null) throw invalid;
  const { k, s, versionId } = parsed as Record<string, unknown>;
  if (k !== kind || versionId !== epoch || typeof s !== 'number' || !Number.isInteger(s)) throw invalid;
  return s;
}

export interface PageResult<T> {
  items: T[];
  /** Graph's paging object; absent when there is nothing on either side. */
  paging: Record<string, unknown> | undefined;
}

/**
 * Keyset paging over items sorted by `seq`, so deleting a group never shifts a page. `next`/`previous` are
 * present only when items exist in that direction (Meta's contract); cursors mark the page's two ends.
 */
export function paginate<T extends { seq: number }>(
  sorted: readonly T[],
  page: PageParams,
  options: { kind: CursorKind; epoch: string; linkFor: (query: Record<string, string>) => string },
): PageResult<T> {
  let items: T[];
  if (page.after !== null) {
    const from = decodeCursor(options.kind, page.after, options.epoch);
    items = sorted.filter((item) => item.seq > from).slice(0, page.limit);
  } else if (page.before !== null) {
    const to = decodeCursor(options.kind, page.before, options.epoch);
    const earlier = sorted.filter((item) => item.seq < to);
    items = earlier.slice(Math.max(0, earlier.length - page.limit));
  } else {
    items = sorted.slice(0, page.limit);
  }
  const first = items[0];
  const last = items[items.length - 1];
  const pivotAfter = last?.seq ?? (page.before !== null ? decodeCursor(options.kind, page.before, options.epoch) - 1 : Number.POSITIVE_INFINITY);
  const pivotBefore = first?.seq ?? (page.after !== null ? decodeCursor(options.kind, page.after, options.epoch) + 1 : Number.NEGATIVE_INFINITY);
  const hasNext = sorted.some((item) => item.seq > pivotAfter);
  const hasPrevious = sorted.some((item) => item.seq < pivotBefore);
  if (first === undefined || last === undefined) {
    if (!hasNext && !hasPrevious) return { items, paging: undefined };
    const paging: Record<string, unknown> = {};
    if (hasNext && page.before !== null) paging.next = options.linkFor({ limit: String(page.limit), after: page.before });
    if (hasPrevious && page.after !== null) paging.previous = options.linkFor({ limit: String(page.limit), before: page.after });
    return { items, paging };
  }
  const cursors = { before: encodeCursor(options.kind, first.seq, options.epoch), after: encodeCursor(options.kind, last.seq, options.epoch) };
  const paging: Record<string, unknown> = { cursors };
  if (hasPrevious) paging.previous = options.linkFor({ limit: String(page.limit), before: cursors.before });
  if (hasNext) paging.next = options.linkFor({ limit: String(page.limit), after: cursors.after });
  return { items, paging };
}
