import type { DomainEvent, GroupEventType, StoredEvent } from './event-model';
import type { EventLogQuery } from './event-log';
import { CursorExpiredError } from './event-log';
import type { LogPosition } from './event-cursor';
import { positionIn } from './event-cursor';
import type { LogStream } from './log-streams';
import { streamForFilter } from './log-streams';

/** Throws a TypeError naming the option, what it must be, and what was passed. */
export function assertPositiveSeconds(factory: string, name: string, value: unknown): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
    throw new TypeError(`${factory} expects ${name} to be a positive integer number of seconds, got ${JSON.stringify(value)}; pass the value from config.events.`);
  }
}

/** The validated form of a query: where to start and what to keep. */
export interface ReadPlan {
  /** The stream the filter selects (log-streams.ts streamForFilter): the one scanned, whose cursors `after` must be. */
  stream: LogStream;
  /** Exclusive start, or null to start at the oldest retained position (inclusive `oldest`). */
  after: LogPosition | null;
  oldest: LogPosition;
  groupId: string | null;
  phoneNumberId: string | null;
  types: ReadonlySet<GroupEventType> | null;
  limit: number;
}

/**
 * Decodes the cursor and applies the retention rule shared by both logs: a cursor is expired when its position's
 * time is before `now - retention`, i.e. events right after it may already have been trimmed.
 */
export function planRead(query: EventLogQuery, nowMs: number, retentionSeconds: number): ReadPlan {
  if (!Number.isInteger(query.limit) || query.limit < 1) {
    throw new TypeError(`EventLog.read expects limit to be an integer >= 1, got ${JSON.stringify(query.limit)}; clamp the page size first.`);
  }
  const oldest: LogPosition = { ms: Math.max(0, nowMs - retentionSeconds * 1000), seq: 0 };
  const stream = streamForFilter(query);
  const after = query.after === undefined || query.after === null ? null : positionIn(stream, query.after);
  if (after !== null && after.ms < oldest.ms) throw new CursorExpiredError(query.after as string);
  return {
    stream,
    after,
    oldest,
    groupId: query.groupId ?? null,
    phoneNumberId: query.phoneNumberId ?? null,
    // An empty list is no filter, like an omitted one (a client sending `types: []` wants everything).
    types: query.types === undefined || query.types === null || query.types.length === 0 ? null : new Set(query.types),
    limit: query.limit,
  };
}

/** The stored JSON of an event never contains its cursor: the cursor is the position, added on the way out. */
export function serializeEvent(event: DomainEvent): string {
  return JSON.stringify(event);
}

export function toStoredEvent(json: string, cursor: string): StoredEvent {
  return { ...(JSON.parse(json) as DomainEvent), cursor };
}

/** The bus payload: the stored event as JSON, cursor first (the Redis script builds it the same way). */
export function publicationPayload(json: string, cursor: string): string {
  return `{"cursor":${JSON.stringify(cursor)},${json.slice(1)}`;
}
