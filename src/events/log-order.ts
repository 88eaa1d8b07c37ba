import { comparePositions, decodeCursor } from './event-cursor';

/**
 * Whether the event at `cursor` comes after the one at `after` in the log: the order the event stream itself keeps
 * (it compares the same decoded positions). Both must be cursors of stored events; an invalid one throws
 * InvalidCursorError.
 */
export function comesAfter(cursor: string, after: string): boolean {
  return comparePositions(decodeCursor(cursor), decodeCursor(after)) > 0;
}
