import type { CatchUpFeed } from '../lib/detachable-feed';
import { FEED_CAUGHT_UP } from '../lib/detachable-feed';
import type { Deferred } from '../lib/deferred';
import { createDeferred } from '../lib/deferred';
import type { Logger } from '../lib/logger';
import type { LogPosition } from './event-cursor';
import { comparePositions, decodeCursor } from './event-cursor';
import type { EventBus } from './event-bus';
import type { EventLog, EventLogFilter } from './event-log';
import type { StoredEvent } from './event-model';
import type { DecodedEvent, EventDecoder } from './stream/event-decoder';
import { createEventDecoder, withPosition } from './stream/event-decoder';
import { createRecentIds } from './stream/recent-ids';
import type { StreamObserver } from './stream/stream-core';
import { createStreamCore } from './stream/stream-core';
import { channelForFilter, createEventMatcher } from './stream/stream-filter';
import type { Topics } from './topics';

export interface EventStreamOptions {
  bus: EventBus;
  log: EventLog;
  topics: Topics;
  /** Which events to deliver; the same semantics as EventLog.read (an empty `types` list means every type). */
  filter: EventLogFilter;
  /** Replay the log strictly after this cursor before going live; omit to start with the next event. */
  after?: string | null;
  /** Most events that may wait for the consumer; one more ends the stream with SubscriberTooSlowError. */
  queueLimit: number;
  logger: Logger;
  /** Share one between the streams of an instance so each bus message is parsed once. @default a private one */
  decoder?: EventDecoder;
  /** Told when the stream starts and ends (metrics). @default none */
  observer?: StreamObserver;
}

/** What a stream holds right now, for tests and metrics. Both stay at or below queueLimit. */
export interface EventStreamBacklog {
  /** Events waiting for the consumer's next(). */
  queued: number;
  /** Live events held back while the log is replayed. */
  buffered: number;
}

export interface EventStream extends AsyncIterableIterator<StoredEvent, undefined>, CatchUpFeed {
  /**
   * Resolves once the bus subscription is confirmed and, with `after`, the log accepted the cursor (first page
   * read). Rejects with the error that ended the stream before that (CursorExpiredError, InvalidCursorError, an
   * unavailable bus or log). The same error is also what the first next() rejects with.
   */
  readonly ready: Promise<void>;
  readonly backlog: EventStreamBacklog;
  next(): Promise<IteratorResult<StoredEvent, undefined>>;
  /** Ends the stream: a pending next() resolves done, and this resolves once the bus listener is removed. */
  return(): Promise<IteratorResult<StoredEvent, undefined>>;
  /** Ends the stream like return(), then rejects with `error` (generator semantics). */
  throw(error?: unknown): Promise<IteratorResult<StoredEvent, undefined>>;
}

/** Largest log page one replay step reads (smaller when the queue limit is). */
const MAX_REPLAY_PAGE_SIZE = 200;
/** Ids remembered to drop a second delivery of the same event. */
const RECENT_IDS_LIMIT = 1024;

/**
 * A resumable, gap-free, duplicate-free stream of stored events: the bus for what happens from now on, the log
 * for what happened before (`after`) or was lost while the bus was down.
 *
 * Order of work: subscribe to the one channel the filter needs and wait for the confirmation; then, with `after`,
 * read the log page by page from the cursor while live events are held in a buffer; then hand over to live
 * delivery, dropping buffered events the replay already delivered (log positions only grow, per channel).
 * Replay reads a page only when the queue has room for it, so a slow consumer slows the replay down instead of
 * failing; a buffer that overflows during replay is dropped and read back from the log. Live events that pile up
 * beyond `queueLimit` end the stream with SubscriberTooSlowError, releasing everything at once. Subscribing,
 * the bounded queue and ending are the stream core's (stream/stream-core.ts); what is here is the replay.
 */
export function createEventStream(options: EventStreamOptions): EventStream {
  const { bus, log, topics, filter, queueLimit, logger } = options;
  const decoder = options.decoder ?? createEventDecoder();
  const matches = createEventMatcher(filter);
  const channel = channelForFilter(topics, filter);
  const pageSize = Math.min(MAX_REPLAY_PAGE_SIZE, queueLimit);
  const readFilter = { groupId: filter.groupId ?? null, phoneNumberId: filter.phoneNumberId ?? null, types: filter.types ?? null };
  const recentIds = createRecentIds(RECENT_IDS_LIMIT);

  let buffer: DecodedEvent[] = [];
  let bufferOverflowed = false;
  let live = false;
  /** The last event handed over (queued or received), or the `after` cursor the stream started from. */
  let lastCursor: string | null = options.after ?? null;
  let lastPosition: LogPosition | null = null;
  /** The last event the consumer actually received: where a too-slow subscriber resumes. */
  let consumedCursor: string | null = options.after ?? null;
  let stopWatchingReconnects: (() => void) | null = null;
  let catchUpRequested = false;
  let stopped = false;
  let room: Deferred<void> | null = null;

  const core = createStreamCore<DecodedEvent, StoredEvent>(
    { bus, channel, queueLimit, logger, name: 'event', logFields: { filter }, decode: (message) => decoder.decode(message), ...(options.observer === undefined ? {} : { observer: options.observer }) },
    (control) => {
      function isNew(decoded: DecodedEvent): boolean {
        if (lastPosition !== null && comparePositions(decoded.position, lastPosition) <= 0) return false;
        return !recentIds.has(decoded.event.id);
      }

      function deliver(decoded: DecodedEvent): void {
        lastCursor = decoded.event.cursor;
        lastPosition = decoded.position;
        recentIds.add(decoded.event.id);
        control.push(decoded.event);
      }

      function offerLive(decoded: DecodedEvent): void {
        if (isNew(decoded)) deliver(decoded);
      }

      /** Live events in arrival order, unless some were dropped: the log has them all. */
      function takeBuffer(): DecodedEvent[] | null {
        const held = bufferOverflowed ? null : buffer;
        buffer = [];
        bufferOverflowed = false;
        return held;
      }

      const hasRoomForPage = (): boolean => control.queued + pageSize <= queueLimit;

      function waitForRoom(): Promise<void> {
        if (control.isEnded() || hasRoomForPage()) return Promise.resolve();
        room ??= createDeferred<void>();
        return room.promise;
      }

      /** Reads the log after the last delivered cursor until it is exhausted, then hands over to live delivery. */
      async function replay(): Promise<void> {
        live = false;
        do {
          catchUpRequested = false;
          let readAfter = lastCursor;
          for (;;) {
            await waitForRoom();
            if (control.isEnded()) return;
            const page = await log.read({ ...readFilter, after: readAfter, limit: pageSize });
            if (control.isEnded()) return;
            control.markReady();
            if (lastPosition === null && lastCursor !== null) lastPosition = decodeCursor(lastCursor).position;
            for (const event of page.events) {
              const decoded = withPosition(event);
              if (isNew(decoded)) deliver(decoded);
            }
            if (!page.hasMore || page.events.length === 0) break;
            readAfter = page.events[page.events.length - 1].cursor;
          }
          const held = takeBuffer()?.filter(isNew) ?? null;
          if (held === null || control.queued + held.length > queueLimit) {
            catchUpRequested = true; // what was held back is in the log: read it from there once there is room
            continue;
          }
          if (!catchUpRequested) {
            live = true;
            for (const decoded of held) offerLive(decoded);
            return;
          }
        } while (catchUpRequested);
      }

      function onReconnected(): void {
        if (control.isEnded()) return;
        if (!live) {
          catchUpRequested = true;
          return;
        }
        if (lastCursor === null) {
          logger.warn({ channel }, 'event bus reconnected before this stream delivered anything: events published during the outage are not replayed');
          return;
        }
        replay().catch(control.fail);
      }

      return {
        onMessage(decoded) {
          if (!matches(decoded.event)) return;
          if (live) {
            offerLive(decoded);
            return;
          }
          if (bufferOverflowed) return;
          if (buffer.length >= queueLimit) {
            // The log has all of them: the replay reads them back instead of holding them here.
            buffer = [];
            bufferOverflowed = true;
            return;
          }
          buffer.push(decoded);
        },
        async onSubscribed() {
          stopWatchingReconnects = bus.onReconnected?.(onReconnected) ?? null;
          if (lastCursor !== null) {
            await replay();
            return;
          }
          // Starting "now": whatever arrived while the subscription was confirmed is already after now.
          control.markReady();
          live = true;
          for (const decoded of takeBuffer() ?? []) offerLive(decoded);
        },
        onTake(event) {
          consumedCursor = event.cursor;
          if (room === null || !hasRoomForPage()) return;
          const waiting = room;
          room = null;
          waiting.resolve();
        },
        onStop() {
          stopped = true;
          buffer = [];
          room?.resolve();
          room = null;
          stopWatchingReconnects?.();
          stopWatchingReconnects = null;
        },
        resumeAfter: () => consumedCursor,
      };
    },
  );

  const stream: EventStream = {
    ready: core.ready,
    get backlog() {
      return { queued: core.queued, buffered: buffer.length };
    },
    next: () => core.next(),
    return: () => core.return(),
    throw: (error?: unknown) => core.throw(error),
    // Live, no catch-up pending, nothing queued or held back: the consumer has had everything up to consumedCursor.
    [FEED_CAUGHT_UP]: () => (live && !catchUpRequested && core.queued === 0 && buffer.length === 0 && !stopped ? { after: consumedCursor } : null),
    [Symbol.asyncIterator]() {
      return stream;
    },
  };
  return stream;
}
