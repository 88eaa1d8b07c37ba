import { InvalidCursorError } from './event-log';
import type { LogStream } from './log-streams';
import { describeStream, parseStreamName, sameStream, streamName } from './log-streams';

/** A position in one stream of the event log: the Redis stream entry id `<ms>-<seq>`, used by both implementations. */
export interface LogPosition {
  ms: number;
  seq: number;
}

/** What a cursor says: which stream, and where in it. */
export interface DecodedCursor {
  stream: LogStream;
  position: LogPosition;
}

const CURSOR_VERSION = 'v2';
const ID_PATTERN = /^(\d{1,15})-(\d{1,15})$/;
const BASE64URL_PATTERN = /^[A-Za-z0-9_-]+$/;
/** Room for a stream name with a long id (group ids are at most a few hundred characters). */
const MAX_CURSOR_LENGTH = 1_024;

export function formatPosition(position: LogPosition): string {
  return `${position.ms}-${position.seq}`;
}

export function parsePosition(id: string): LogPosition | null {
  const match = ID_PATTERN.exec(id);
  if (match === null) return null;
  return { ms: Number(match[1]), seq: Number(match[2]) };
}

export function comparePositions(a: LogPosition, b: LogPosition): number {
  return a.ms !== b.ms ? a.ms - b.ms : a.seq - b.seq;
}

/** The text before the position: `v2:<stream name>:`. The Redis scripts get it as an argument and append the id. */
export function cursorPrefix(stream: LogStream): string {
  return `${CURSOR_VERSION}:${streamName(stream)}:`;
}

/**
 * The opaque cursor of a position in a stream: base64url (no padding) of "v2:<stream name>:<ms>-<seq>", e.g.
 * "v2:g:<groupId>:1733-0". The Redis scripts build the same string in Lua (redis-event-log.scripts.ts); the contract
 * tests pin the two together.
 */
export function encodeCursor(stream: LogStream, position: LogPosition): string {
  return Buffer.from(`${cursorPrefix(stream)}${formatPosition(position)}`, 'utf8').toString('base64url');
}

/** Throws InvalidCursorError unless the string is exactly a cursor encodeCursor could have produced. */
export function decodeCursor(cursor: string): DecodedCursor {
  if (cursor.length === 0 || cursor.length > MAX_CURSOR_LENGTH || !BASE64URL_PATTERN.test(cursor)) throw new InvalidCursorError(cursor);
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (text.startsWith('v1:')) {
    throw new InvalidCursorError(cursor, 'it is a cursor of the event log before version 2 (one global stream); start again without `after`, or from a cursor read since');
  }
  const prefix = `${CURSOR_VERSION}:`;
  const separator = text.lastIndexOf(':');
  const stream = text.startsWith(prefix) && separator > prefix.length ? parseStreamName(text.slice(prefix.length, separator)) : null;
  const position = stream === null ? null : parsePosition(text.slice(separator + 1));
  // Canonical form only: a re-encoding that differs means trailing bits or a non-canonical number.
  if (stream === null || position === null || encodeCursor(stream, position) !== cursor) throw new InvalidCursorError(cursor);
  return { stream, position };
}

/**
 * The position of a cursor in the stream a read or subscription scans. A cursor continues the stream it came from:
 * one of another stream (e.g. a group's cursor passed with only a phone filter) is refused with what to do instead.
 */
export function positionIn(stream: LogStream, cursor: string): LogPosition {
  const decoded = decodeCursor(cursor);
  if (!sameStream(decoded.stream, stream)) {
    throw new InvalidCursorError(
      cursor,
      `it continues ${describeStream(decoded.stream)}, but this read follows ${describeStream(stream)}; pass a cursor that a read or subscription with the same groupId/phoneNumberId filter returned`,
    );
  }
  return decoded.position;
}
