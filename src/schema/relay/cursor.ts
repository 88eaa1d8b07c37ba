import { BadUserInputError } from '../../errors/gateway-errors';

/** The lists this gateway issues cursors for; a cursor of one list is refused by another. */
export type CursorKind = 'groups' | 'joinRequests';

const CURSOR_VERSION = 1;

/** The upstream request that produced a page, so the page can be fetched again to continue inside it. */
export interface UpstreamPageRequest {
  after?: string;
  before?: string;
  limit: number;
}

/**
 * The position of one edge. Meta only hands out cursors for page boundaries, so an edge is identified by the
 * upstream request of its page plus its index (and id, to survive small shifts); the page's own boundary
 * cursors let the first/last edge of a page continue straight into the neighbouring page.
 */
export interface EdgePosition {
  kind: CursorKind;
  /** What the list belongs to: the phone number id (groups) or the group id (join requests). */
  scope: string;
  request: UpstreamPageRequest;
  index: number;
  itemId: string;
  pageSize: number;
  /** Upstream `after` of the page, only when the upstream said there is a next page. */
  pageAfter: string | null;
  /** Upstream `before` of the page, only when the upstream said there is a previous page. */
  pageBefore: string | null;
}

interface CursorJson {
  v: number;
  k: string;
  s: string;
  r: { a?: string; b?: string; l: number };
  i: number;
  x: string;
  n: number;
  pa?: string;
  pb?: string;
}

/** Opaque to clients: base64url of a small versioned JSON document tagged with the list kind. */
export function encodeCursor(position: EdgePosition): string {
  const json: CursorJson = {
    v: CURSOR_VERSION,
    k: position.kind,
    s: position.scope,
    r: {
      ...(position.request.after === undefined ? {} : { a: position.request.after }),
      ...(position.request.before === undefined ? {} : { b: position.request.before }),
      l: position.request.limit,
    },
    i: position.index,
    x: position.itemId,
    n: position.pageSize,
    ...(position.pageAfter === null ? {} : { pa: position.pageAfter }),
    ...(position.pageBefore === null ? {} : { pb: position.pageBefore }),
  };
  return Buffer.from(JSON.stringify(json), 'utf8').toString('base64url');
}

/**
 * Reads a cursor a client sent back. Anything we did not issue for this kind of list is BAD_USER_INPUT naming
 * the argument, never an upstream call with garbage.
 */
export function decodeCursor(raw: string, options: { argumentName: string; kind: CursorKind }): EdgePosition {
  const json = parseJson(raw);
  if (!isCursorJson(json)) {
    throw new BadUserInputError(`\`${options.argumentName}\` is not a cursor issued by this gateway`, { argumentName: options.argumentName });
  }
  if (json.k !== options.kind) {
    throw new BadUserInputError(
      `\`${options.argumentName}\` is a cursor of another list (${json.k}), not of ${options.kind}`,
      { argumentName: options.argumentName },
    );
  }
  return {
    kind: options.kind,
    scope: json.s,
    request: { ...(json.r.a === undefined ? {} : { after: json.r.a }), ...(json.r.b === undefined ? {} : { before: json.r.b }), limit: json.r.l },
    index: json.i,
    itemId: json.x,
    pageSize: json.n,
    pageAfter: json.pa ?? null,
    pageBefore: json.pb ?? null,
  };
}

function parseJson(raw: string): unknown {
  if (!/^[A-Za-z0-9_-]+$/.test(raw)) return undefined;
  try {
    return JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    return undefined; // not ours: reported by the caller with the argument's name
  }
}

function isCursorJson(value: unknown): value is CursorJson {
  if (typeof value !== 'object' || value === null) return false;
  const c = value as Record<string, unknown>;
  const r = c.r as Record<string, unknown> | undefined;
  return (
    c.v === CURSOR_VERSION &&
    typeof c.k === 'string' &&
    typeof c.s === 'string' &&
    typeof r === 'object' &&
    r !== null &&
    isPositiveInt(r.l) &&
    (r.a === undefined || typeof r.a === 'string') &&
    (r.b === undefined || typeof r.b === 'string') &&
    Number.isInteger(c.i) &&
    (c.i as number) >= 0 &&
    isPositiveInt(c.n) &&
    (c.i as number) < (c.n as number) &&
    typeof c.x === 'string' &&
    (c.pa === undefined || typeof c.pa === 'string') &&
    (c.pb === undefined || typeof c.pb === 'string')
  );
}

function isPositiveInt(value: unknown): boolean {
  return Number.isInteger(value) && (value as number) > 0;
}
