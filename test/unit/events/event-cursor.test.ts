import { comparePositions, decodeCursor, encodeCursor, positionIn } from '../../../src/events/event-cursor';
import { InvalidCursorError } from '../../../src/events/event-log';

describe('event cursors', () => {
  it('round-trips a stream and a position through an opaque base64url string', () => {
    const cursor = encodeCursor({ kind: 'group', id: '120363@g.us' }, { ms: 1735689600000, seq: 7 });
    expect(cursor).toBe(Buffer.from('v2:g:120363@g.us:1735689600000-7').toString('base64url'));
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor)).toEqual({ stream: { kind: 'group', id: '120363@g.us' }, position: { ms: 1735689600000, seq: 7 } });
    expect(decodeCursor(encodeCursor({ kind: 'all' }, { ms: 5, seq: 0 }))).toEqual({ stream: { kind: 'all' }, position: { ms: 5, seq: 0 } });
    // An id may hold colons: the position is after the last one.
    expect(decodeCursor(encodeCursor({ kind: 'phone', id: 'a:b' }, { ms: 5, seq: 1 })).stream).toEqual({ kind: 'phone', id: 'a:b' });
  });

  it.each([
    ['random text', 'hello world'],
    ['padding', `${encodeCursor({ kind: 'all' }, { ms: 1, seq: 0 })}=`],
    ['another version', Buffer.from('v3:a::1-0').toString('base64url')],
    ['a leading zero', Buffer.from('v2:a::01-0').toString('base64url')],
    ['no sequence', Buffer.from('v2:a::1').toString('base64url')],
    ['an unknown stream', Buffer.from('v2:x:g1:1-0').toString('base64url')],
    ['a group without an id', Buffer.from('v2:g::1-0').toString('base64url')],
    ['an empty string', ''],
    ['an overlong string', 'A'.repeat(2000)],
  ])('rejects %s', (_label, cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(InvalidCursorError);
  });

  it('refuses a version 1 cursor (one global stream) with what to do', () => {
    const error = (() => {
      try {
        decodeCursor(Buffer.from('v1:1735689600000-7').toString('base64url'));
      } catch (e) {
        return e as InvalidCursorError;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(InvalidCursorError);
    expect(error?.reason).toContain('start again without `after`');
  });

  it('gives the position only in the stream the cursor came from', () => {
    const cursor = encodeCursor({ kind: 'group', id: 'g1' }, { ms: 9, seq: 2 });
    expect(positionIn({ kind: 'group', id: 'g1' }, cursor)).toEqual({ ms: 9, seq: 2 });
    expect(() => positionIn({ kind: 'group', id: 'g2' }, cursor)).toThrow('it continues the events of group "g1" (groupId filter), but this read follows the events of group "g2"');
    expect(() => positionIn({ kind: 'phone', id: 'p1' }, cursor)).toThrow(InvalidCursorError);
    expect(() => positionIn({ kind: 'all' }, cursor)).toThrow(InvalidCursorError);
  });

  it('orders positions by time, then sequence', () => {
    expect(comparePositions({ ms: 1, seq: 9 }, { ms: 2, seq: 0 })).toBeLessThan(0);
    expect(comparePositions({ ms: 2, seq: 1 }, { ms: 2, seq: 0 })).toBeGreaterThan(0);
    expect(comparePositions({ ms: 2, seq: 1 }, { ms: 2, seq: 1 })).toBe(0);
  });
});
