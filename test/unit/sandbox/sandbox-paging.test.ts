import { decodeCursor, encodeCursor, paginate, readPageParams } from '../../../src/sandbox/sandbox-paging';
import { GraphApiError } from '../../../src/sandbox/sandbox-graph-api-error';

const items = Array.from({ length: 7 }, (_, i) => ({ seq: (i + 1) * 10 }));
const options = { kind: 'groups' as const, epoch: 'E1', linkFor: (q: Record<string, string>) => `link?${new URLSearchParams(q).toString()}` };
const seqs = (page: { items: { seq: number }[] }) => page.items.map((i) => i.seq);

function codeOf(fn: () => unknown): number | null {
  try {
    fn();
    return null;
  } catch (error) {
    return error instanceof GraphApiError ? error.code : -1;
  }
}

describe('sandbox paging', () => {
  it('reads limit 1..1024 with a default of 25, and refuses after+before together', () => {
    expect(readPageParams({})).toEqual({ limit: 25, after: null, before: null });
    expect(readPageParams({ limit: '1024', after: 'x' })).toEqual({ limit: 1024, after: 'x', before: null });
    expect(() => readPageParams({ limit: '0' })).toThrow('(#100) Param limit must be an integer from 1 to 1024, got "0"');
    expect(codeOf(() => readPageParams({ limit: '1025' }))).toBe(100);
    expect(codeOf(() => readPageParams({ after: 'a', before: 'b' }))).toBe(100);
  });

  it('pages forward with next present only while more items exist', () => {
    const first = paginate(items, { limit: 3, after: null, before: null }, options);
    expect(seqs(first)).toEqual([10, 20, 30]);
    expect(first.paging).toMatchObject({ next: expect.stringContaining('after=') });
    expect(first.paging!.previous).toBeUndefined();
    const after = (first.paging!.cursors as { after: string }).after;
    const second = paginate(items, { limit: 3, after, before: null }, options);
    expect(seqs(second)).toEqual([40, 50, 60]);
    expect(second.paging!.previous).toBeDefined();
    const last = paginate(items, { limit: 3, after: (second.paging!.cursors as { after: string }).after, before: null }, options);
    expect(seqs(last)).toEqual([70]);
    expect(last.paging!.next).toBeUndefined();
  });

  it('pages backward from a before cursor', () => {
    const page = paginate(items, { limit: 2, after: null, before: encodeCursor('groups', 50, 'E1') }, options);
    expect(seqs(page)).toEqual([30, 40]);
    expect(page.paging!.next).toBeDefined();
    expect(page.paging!.previous).toBeDefined();
  });

  it('keeps working when items vanish between pages (keyset, not offsets)', () => {
    const cursor = encodeCursor('groups', 30, 'E1');
    const survivors = items.filter((i) => i.seq !== 40);
    expect(seqs(paginate(survivors, { limit: 2, after: cursor, before: null }, options))).toEqual([50, 60]);
  });

  it('omits paging when everything fits on one page', () => {
    expect(paginate(items, { limit: 25, after: null, before: null }, options).paging).toEqual({ cursors: expect.any(Object) });
    expect(paginate([], { limit: 25, after: null, before: null }, options).paging).toBeUndefined();
  });

  it('rejects corrupted, foreign and stale cursors with 131059', () => {
    expect(decodeCursor('groups', encodeCursor('groups', 7, 'E1'), 'E1')).toBe(7);
    expect(codeOf(() => decodeCursor('groups', 'garbage!', 'E1'))).toBe(131059);
    expect(codeOf(() => decodeCursor('groups', encodeCursor('join_requests', 7, 'E1'), 'E1'))).toBe(131059);
    expect(codeOf(() => decodeCursor('groups', encodeCursor('groups', 7, 'E0'), 'E1'))).toBe(131059);
  });
});
