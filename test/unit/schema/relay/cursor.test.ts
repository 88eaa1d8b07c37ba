import { GatewayErrorCode } from '../../../../src/errors/gateway-error-code';
import { BadUserInputError } from '../../../../src/errors/gateway-errors';
import type { EdgePosition } from '../../../../src/schema/relay/cursor';
import { decodeCursor, encodeCursor } from '../../../../src/schema/relay/cursor';
import { SANDBOX_PHONE_A } from '../../../helpers/constants';

const position: EdgePosition = {
  kind: 'groups',
  scope: SANDBOX_PHONE_A,
  request: { after: 'QVFIUmxBZAZD', limit: 2 },
  index: 1,
  itemId: 'Y2FwaV9ncm91cDoxNzA1NTU1MDEzOToxMjAzNjM0MDQ2OTQyMzM4MjAZD',
  pageSize: 2,
  pageAfter: 'QVFIUm5ZAZD',
  pageBefore: null,
};

function decodeError(raw: string, kind: 'groups' | 'joinRequests' = 'groups'): BadUserInputError {
  try {
    decodeCursor(raw, { argumentName: 'after', kind });
  } catch (error) {
    if (error instanceof BadUserInputError) return error;
    throw error;
  }
  throw new Error('expected decodeCursor to throw');
}

describe('cursors', () => {
  it('round-trips an edge position through an opaque base64url string', () => {
    const cursor = encodeCursor(position);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, { argumentName: 'after', kind: 'groups' })).toEqual(position);
  });

  it('keeps a backward request and both page boundaries', () => {
    const backward: EdgePosition = { ...position, request: { before: 'QkVGT1JF', limit: 5 }, index: 0, pageSize: 3, pageAfter: 'A', pageBefore: 'B' };
    expect(decodeCursor(encodeCursor(backward), { argumentName: 'before', kind: 'groups' })).toEqual(backward);
  });

  it.each([
    ['a random string', 'hello world'],
    ['an upstream cursor', 'QVFIUmxBZAZD'],
    ['base64 JSON without our version', Buffer.from(JSON.stringify({ k: 'groups' })).toString('base64url')],
    ['our shape with a future version', Buffer.from(JSON.stringify({ v: 2, k: 'groups', s: 'x', r: { l: 1 }, i: 0, x: 'g', n: 1 })).toString('base64url')],
    ['an index outside its page', Buffer.from(JSON.stringify({ v: 1, k: 'groups', s: 'x', r: { l: 1 }, i: 3, x: 'g', n: 1 })).toString('base64url')],
    ['an empty string', ''],
  ])('refuses %s as BAD_USER_INPUT naming the argument', (_what, raw) => {
    const error = decodeError(raw);
    expect(error.message).toBe('`after` is not a cursor issued by this gateway');
    expect(error.extensions).toEqual({ code: GatewayErrorCode.BAD_USER_INPUT, argumentName: 'after' });
  });

  it('refuses a cursor of another list', () => {
    const error = decodeError(encodeCursor(position), 'joinRequests');
    expect(error.message).toBe('`after` is a cursor of another list (groups), not of joinRequests');
  });
});
