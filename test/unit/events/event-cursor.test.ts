import { decodeCursor, encodeCursor, comparePositions } from '../../../src/events/event-cursor';
import { InvalidCursorError } from '../../../src/events/event-log';

describe('event cursors', () => {
  it('round-trips a position through an opaque base64url string', () => {
    const cursor = encodeCursor({ ms: 1735689600000, seq: 7 });
    expect(cursor).toBe(Buffer.from('v1:1735689600000-7').toString('base64url'));
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor)).toEqual({ ms: 1735689600000, seq: 7 });
  });

  it.each([
    ['random text', 'hello world'],
    ['padding', `${encodeCursor({ ms: 1, seq: 0 })}=`],
    ['another version', Buffer.from('v2:1-0').toString('base64url')],
    ['a leading zero', Buffer.from('v1:01-0').toString('base64url')],
    ['no sequence', Buffer.from('v1:1').toString('base64url')],
    ['an empty string', ''],
    ['an overlong string', 'A'.repeat(100)],
  ])('rejects %s', (_label, cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(InvalidCursorError);
  });

  it('orders positions by time, then sequence', () => {
    expect(comparePositions({ ms: 1, seq: 9 }, { ms: 2, seq: 0 })).toBeLessThan(0);
    expect(comparePositions({ ms: 2, seq: 1 }, { ms: 2, seq: 0 })).toBeGreaterThan(0);
    expect(comparePositions({ ms: 2, seq: 1 }, { ms: 2, seq: 1 })).toBe(0);
  });
});
