import type { Disposable } from '../lib/disposable';
import type { DomainEvent, GroupEventType, StoredEvent } from './event-model';

export interface EventLogFilter {
  groupId?: string | null;
  phoneNumberId?: string | null;
  types?: readonly GroupEventType[] | null;
}

export interface EventLogQuery extends EventLogFilter {
  /** Continue strictly after this cursor; omit to start at the oldest retained event. */
  after?: string | null;
  limit: number;
}

export interface EventLogPage {
  events: StoredEvent[];
  /** True when more matching events exist after the last one returned. */
  hasMore: boolean;
}

export interface AppendResult {
  /** Events newly stored, in delivery order, with their cursors in their group's stream (log-streams.ts homeOf). */
  stored: StoredEvent[];
  /** Events dropped because an event with the same id was stored before (within the dedupe TTL). */
  duplicates: DomainEvent[];
}

/**
 * The durable, ordered record of every event. Implementations: in-memory and Redis Streams, with one layout
 * (log-streams.ts): a stream per group holding the events, and a per-phone and an all-events index referencing them,
 * each stream with its own positions and cursors; a read resumes the stream its filter selects.
 *
 * `append` drops duplicates by id, stores the rest, and publishes each stored event on its channels
 * (topics.channelsForEvent), each channel in the order of its stream and with that stream's cursor, so subscribers on
 * every instance see a group's events in order. It resolves once every stream has the events (and, on Redis with
 * waitReplicas, once replicas have them); it rejects when that cannot be done, possibly after storing some of them:
 * the redelivery of the same events is then deduplicated and completes what is missing.
 */
export interface EventLog extends Disposable {
  append(events: readonly DomainEvent[]): Promise<AppendResult>;
  /** Reads matching events after a cursor. Throws CursorExpiredError for a cursor older than retention, InvalidCursorError for one that is not ours. */
  read(query: EventLogQuery): Promise<EventLogPage>;
  /** Throws when the log is unusable (readiness). */
  ping(): Promise<void>;
}

/** The cursor points before the oldest retained event: the client must start over. */
export class CursorExpiredError extends Error {
  constructor(readonly cursor: string) {
    super(`The cursor "${cursor}" is older than the event log's retention; start again without "after".`);
    this.name = 'CursorExpiredError';
  }
}

/** The string is not a cursor this log issued, or not one of the stream the read follows (`reason` says which). */
export class InvalidCursorError extends Error {
  constructor(
    readonly cursor: string,
    /** Why a well-formed cursor cannot be used here, for the client; null when it is not a cursor at all. */
    readonly reason: string | null = null,
  ) {
    super(reason === null ? `"${cursor}" is not an event cursor issued by this gateway.` : `The cursor "${cursor}" cannot be used here: ${reason}.`);
    this.name = 'InvalidCursorError';
  }
}

/** The log could not be written or read (e.g. Redis down). Webhooks answer 503. */
export class EventLogUnavailableError extends Error {
  constructor(cause: unknown) {
    super('The event log is unavailable', { cause });
    this.name = 'EventLogUnavailableError';
  }
}
