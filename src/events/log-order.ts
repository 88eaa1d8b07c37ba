import { comparePositions, decodeCursor } from './event-cursor';
import { sameStream } from './log-streams';

/**
 * Whether the event at `cursor` comes after the one at `after` in the stream they were both read from: the order the
 * event stream itself keeps (it compares the same decoded positions). Positions of two different streams are not
 * comparable; the callers compare cursors of one subscription's stream (same filter), so a cursor of another stream
 * cannot be held back by `after` and counts as after it. An invalid cursor throws InvalidCursorError.
 */
export function comesAfter(cursor: string, after: string): boolean {
  const event = decodeCursor(cursor);
  const reference = decodeCursor(after);
  if (!sameStream(event.stream, reference.stream)) return true;
  return comparePositions(event.position, reference.position) > 0;
}
