import type { UpstreamPaging } from './types';
import { isWireObject, readObject, readString } from './wire-values';

/**
 * Graph cursor paging (docs/groups-api.md#paging). `next`/`previous` are URLs present only when more items
 * exist in that direction; the cursors alone say nothing about that.
 */
export function parsePaging(answer: unknown): UpstreamPaging {
  const paging = isWireObject(answer) ? readObject(answer, 'paging') : null;
  if (paging === null) return { after: null, before: null, hasNext: false, hasPrevious: false };
  const cursors = readObject(paging, 'cursors');
  return {
    after: cursors === null ? null : nonEmpty(readString(cursors, 'after')),
    before: cursors === null ? null : nonEmpty(readString(cursors, 'before')),
    hasNext: nonEmpty(readString(paging, 'next')) !== null,
    hasPrevious: nonEmpty(readString(paging, 'previous')) !== null,
  };
}

function nonEmpty(value: string | null): string | null {
  return value === null || value === '' ? null : value;
}
