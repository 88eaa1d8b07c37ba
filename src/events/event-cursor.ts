import { InvalidCursorError } from './event-log';

/** A position in the event log: the Redis stream entry id `<ms>-<seq>`, used by both implementations. */
export interface LogPosition {
  ms: number;
  seq: number;
}

const CURSOR_VERSION = 'v1';
const ID_PATTERN = /^(\d{1,15})-(\d{1,15})$/;
const BASE64URL_PATTERN = /^[A-Za-z0-9_-]+$/;

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

/**
 * The opaque cursor of a log position: base64url (no padding) of "v1:<ms>-<seq>". The Redis append script
 * builds the same string in Lua (redis-event-log.scripts.ts); the contract tests pin the two together.
 */
export function encodeCursor(position: LogPosition): string {
  return Buffer.from(`${CURSOR_VERSION}:${formatPosition(position)}`, 'utf8').toString('base64url');
}

/** Throws InvalidCursorError unless the string is exactly a cursor encodeCursor could have produced. */
export function decodeCursor(cursor: string): LogPosition {
  if (cursor.length === 0 || cursor.length > 64 || !BASE64URL_PATTERN.test(cursor)) throw new InvalidCursorError(cursor);
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const prefix = `${CURSOR_VERSION}:`;
  const position = text.startsWith(prefix) ? parsePosition(text.slice(prefix.length)) : null;
  // Canonical form only: a re-encoding that differs means trailing bits or a non-canonical number.
  if (position === null || encodeCursor(position) !== cursor) throw new InvalidCursorError(cursor);
  return position;
}
