import { BadUserInputError } from '../../../../src/errors/gateway-errors';
import { encodeCursor } from '../../../../src/schema/relay/cursor';
import type { ConnectionArgs } from '../../../../src/schema/relay/page-args';
import { DEFAULT_PAGE_SIZE, parseConnectionArgs } from '../../../../src/schema/relay/page-args';

const cursor = encodeCursor({ kind: 'groups', scope: 'p', request: { limit: 2 }, index: 0, itemId: 'g1', pageSize: 2, pageAfter: null, pageBefore: null });

function messageOf(args: ConnectionArgs): string {
  try {
    parseConnectionArgs(args, 'groups');
  } catch (error) {
    if (error instanceof BadUserInputError) return `${error.extensions.argumentName}: ${error.message}`;
    throw error;
  }
  throw new Error('expected a BadUserInputError');
}

describe('Relay argument validation', () => {
  it('defaults to the first 25 items', () => {
    expect(parseConnectionArgs({}, 'groups')).toEqual({ direction: 'forward', first: DEFAULT_PAGE_SIZE, after: null });
  });

  it('decodes `after` and `before` cursors', () => {
    expect(parseConnectionArgs({ first: 2, after: cursor }, 'groups')).toMatchObject({ direction: 'forward', first: 2, after: { itemId: 'g1' } });
    expect(parseConnectionArgs({ last: 3, before: cursor }, 'groups')).toMatchObject({ direction: 'backward', last: 3, before: { itemId: 'g1' } });
    expect(parseConnectionArgs({ before: cursor }, 'groups')).toMatchObject({ direction: 'backward', last: DEFAULT_PAGE_SIZE });
  });

  it.each<[ConnectionArgs, string]>([
    [{ first: 0 }, 'first: `first` must be between 1 and 1024, got 0'],
    [{ first: 1025 }, 'first: `first` must be between 1 and 1024, got 1025'],
    [{ last: -1, before: cursor }, 'last: `last` must be between 1 and 1024, got -1'],
    [{ first: 1, last: 1 }, 'last: `first` and `last` cannot be used together: page forwards with `first`/`after` or backwards with `last`/`before`'],
    [{ after: cursor, before: cursor }, 'before: `after` and `before` cannot be used together: page forwards with `first`/`after` or backwards with `last`/`before`'],
    [{ first: 2, before: cursor }, 'first: `first` cannot be used with `before`: use `last` with `before` to page backwards'],
    [{ last: 2 }, 'last: `last` needs `before` (a cursor from an earlier page): the upstream lists from the first item only'],
    [{ after: 'not-ours' }, 'after: `after` is not a cursor issued by this gateway'],
    [{ last: 2, before: 'bm90IG91cnM' }, 'before: `before` is not a cursor issued by this gateway'],
  ])('refuses %j with a message naming the argument', (args, expected) => {
    expect(messageOf(args)).toBe(expected);
  });
});
