import { BadUserInputError } from '../../errors/gateway-errors';
import type { CursorKind, EdgePosition } from './cursor';
import { decodeCursor } from './cursor';

/** Meta's own bounds for `limit` on list endpoints (docs/groups-api.md#limits). */
const MAX_PAGE_SIZE = 1024;
export const DEFAULT_PAGE_SIZE = 25;

/** Relay arguments as a client sends them. */
export interface ConnectionArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** Validated Relay arguments: exactly one direction, cursors decoded. */
export type PageArgs =
  | { direction: 'forward'; first: number; after: EdgePosition | null }
  | { direction: 'backward'; last: number; before: EdgePosition };

/**
 * Validates Relay arguments with messages naming the argument. The upstream lists from the first item only,
 * so backward paging needs a `before` cursor from an earlier answer.
 */
export function parseConnectionArgs(args: ConnectionArgs, kind: CursorKind): PageArgs {
  const first = args.first ?? null;
  const last = args.last ?? null;
  const after = args.after ?? null;
  const before = args.before ?? null;
  if (first !== null && last !== null) {
    throw new BadUserInputError('`first` and `last` cannot be used together: page forwards with `first`/`after` or backwards with `last`/`before`', { argumentName: 'last' });
  }
  if (after !== null && before !== null) {
    throw new BadUserInputError('`after` and `before` cannot be used together: page forwards with `first`/`after` or backwards with `last`/`before`', { argumentName: 'before' });
  }
  if (first !== null) validatePageSize('first', first);
  if (last !== null) validatePageSize('last', last);
  if (before !== null || last !== null) {
    if (first !== null) throw new BadUserInputError('`first` cannot be used with `before`: use `last` with `before` to page backwards', { argumentName: 'first' });
    if (before === null) {
      throw new BadUserInputError('`last` needs `before` (a cursor from an earlier page): the upstream lists from the first item only', { argumentName: 'last' });
    }
    return { direction: 'backward', last: last ?? DEFAULT_PAGE_SIZE, before: decodeCursor(before, { argumentName: 'before', kind }) };
  }
  return {
    direction: 'forward',
    first: first ?? DEFAULT_PAGE_SIZE,
    after: after === null ? null : decodeCursor(after, { argumentName: 'after', kind }),
  };
}

function validatePageSize(argumentName: 'first' | 'last', value: number): void {
  if (!Number.isInteger(value) || value < 1 || value > MAX_PAGE_SIZE) {
    throw new BadUserInputError(`\`${argumentName}\` must be between 1 and ${MAX_PAGE_SIZE}, got ${value}`, { argumentName });
  }
}
