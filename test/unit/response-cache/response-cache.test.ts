import { createResponseCache } from '../../../src/response-cache/response-cache';
import type { ResponseCacheChange } from '../../../src/response-cache/response-cache';
import { createFakeClock } from '../../helpers/clock';

const answer = (body: string) => ({ body: Buffer.from(body), contentType: 'application/json; charset=utf-8', operationName: null });

describe('createResponseCache', () => {
  it('answers what was stored, until its TTL', () => {
    const clock = createFakeClock();
    const cache = createResponseCache({ maxBytes: 10_000, ttlMs: 1_000, clock });
    expect(cache.get('k')).toBeNull();
    expect(cache.set('k', answer('{"data":1}'), ['g:1'], cache.ticket())).toBe(true);
    expect(cache.get('k')).toEqual(answer('{"data":1}'));
    clock.advance(1_000);
    expect(cache.get('k')).toBeNull();
    expect(cache.stats).toMatchObject({ hits: 1, misses: 2, fills: 1, entries: 0 });
  });

  it('drops every entry carrying an invalidated tag, and only those', () => {
    const cache = createResponseCache({ maxBytes: 10_000, ttlMs: 60_000 });
    cache.set('one', answer('1'), ['g:1', 'l:*'], cache.ticket());
    cache.set('two', answer('2'), ['g:2'], cache.ticket());
    cache.set('both', answer('3'), ['g:1', 'g:2'], cache.ticket());
    cache.invalidate(['g:1']);
    expect(cache.get('one')).toBeNull();
    expect(cache.get('both')).toBeNull();
    expect(cache.get('two')).toEqual(answer('2'));
    expect(cache.stats.evictedByInvalidation).toBe(2);
  });

  it('does not store an answer computed before one of its tags was invalidated (a webhook overtook it)', () => {
    const cache = createResponseCache({ maxBytes: 10_000, ttlMs: 60_000 });
    const before = cache.ticket();
    cache.invalidate(['g:1']);
    expect(cache.set('stale', answer('old'), ['g:1'], before)).toBe(false);
    expect(cache.set('unrelated', answer('fine'), ['g:2'], before)).toBe(true);
    expect(cache.set('fresh', answer('new'), ['g:1'], cache.ticket())).toBe(true);
    expect(cache.stats.droppedFills).toBe(1);
  });

  it('after clear(), nothing computed before it is stored', () => {
    const cache = createResponseCache({ maxBytes: 10_000, ttlMs: 60_000 });
    cache.set('k', answer('1'), ['g:1'], cache.ticket());
    const before = cache.ticket();
    cache.clear();
    expect(cache.stats.entries).toBe(0);
    expect(cache.set('k', answer('1'), ['g:9'], before)).toBe(false);
    expect(cache.set('k', answer('1'), ['g:9'], cache.ticket())).toBe(true);
  });

  it('keeps at most maxBytes, evicting the least recently used first', () => {
    const cache = createResponseCache({ maxBytes: 30, ttlMs: 60_000 });
    cache.set('a', answer('x'.repeat(9)), [], cache.ticket()); // 10 bytes with its key
    cache.set('b', answer('x'.repeat(9)), [], cache.ticket());
    cache.set('c', answer('x'.repeat(9)), [], cache.ticket());
    expect(cache.get('a')).not.toBeNull(); // a is now the most recently used
    cache.set('d', answer('x'.repeat(9)), [], cache.ticket());
    expect(cache.get('b')).toBeNull();
    expect(cache.get('a')).not.toBeNull();
    expect(cache.stats.bytes).toBeLessThanOrEqual(30);
    expect(cache.set('huge', answer('x'.repeat(100)), [], cache.ticket())).toBe(false);
  });

  it('remembers a bounded number of invalidated tags; forgotten ones make older fills err towards dropping', () => {
    const cache = createResponseCache({ maxBytes: 10_000, ttlMs: 60_000, maxRememberedTags: 2 });
    const before = cache.ticket();
    cache.invalidate(['g:1']);
    cache.invalidate(['g:2']);
    cache.invalidate(['g:3']); // g:1 forgotten
    expect(cache.set('k', answer('1'), ['g:1'], before)).toBe(false);
  });

  it('tells listeners about invalidations and clears', () => {
    const cache = createResponseCache({ maxBytes: 10_000, ttlMs: 60_000 });
    const changes: ResponseCacheChange[] = [];
    const stop = cache.onChange((change) => changes.push(change));
    cache.invalidate(['g:1']);
    cache.clear();
    stop();
    cache.invalidate(['g:2']);
    expect(changes).toEqual([{ tags: ['g:1'] }, { all: true }]);
  });

  it('is off with a size or TTL of 0, and refuses other values with the fix', () => {
    const off = createResponseCache({ maxBytes: 0, ttlMs: 60_000 });
    expect(off.enabled).toBe(false);
    expect(off.set('k', answer('1'), [], off.ticket())).toBe(false);
    expect(off.get('k')).toBeNull();
    expect(() => createResponseCache({ maxBytes: -1, ttlMs: 1 })).toThrow('createResponseCache expects maxBytes to be an integer >= 0 (0 disables the cache), got -1; pass the configured value.');
  });
});
