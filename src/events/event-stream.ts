import type { Deferred } from '../lib/deferred';
import { createDeferred } from '../lib/deferred';
import { ensureError } from '../lib/errors';
import type { Logger } from '../lib/logger';
import type { LogPosition } from './event-cursor';
import { comparePositions, decodeCursor } from './event-cursor';
import type { EventBus } from './event-bus';
import type { EventLog, EventLogFilter } from './event-log';
import type { StoredEvent } from './event-model';
import type { DecodedEvent, EventDecoder } from './stream/event-decoder';
import { createEventDecoder, withPosition } from './stream/event-decoder';
import { createPushIterator } from './stream/push-iterator';
import { createRecentIds } from './stream/recent-ids';
import { channelForFilter, createEventMatcher } from './stream/stream-filter';
import { SubscriberTooSlowError } from './subscriber-too-slow-error';
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
}

/** What a stream holds right now, for tests and metrics. Both stay at or below queueLimit. */
export interface EventStreamBacklog {
  /** Events waiting for the consumer's next(). */
  queued: number;
  /** Live events held back while the log is replayed. */
  buffered: number;
}

export interface EventStream extends AsyncIterableIterator<StoredEvent, undefined> {
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

type Phase = 'starting' | 'replaying' | 'live' | 'ended';

/**
 * A resumable, gap-free, duplicate-free stream of stored events: the bus for what happens from now on, the log
 * for what happened before (`after`) or was lost while the bus was down.
 *
 * Order of work: subscribe to the one channel the filter needs and wait for the confirmation; then, with `after`,
 * read the log page by page from the cursor while live events are held in a buffer; then hand over to live
 * delivery, dropping buffered events the replay already delivered (log positions only grow, per channel).
 * Replay reads a page only when the queue has room for it, so a slow consumer slows the replay down instead of
 * failing; a buffer that overflows during replay is dropped and read back from the log. Live events that pile up
 * beyond `queueLimit` end the stream with SubscriberTooSlowError, releasing everything at once.
 */
export function createEventStream(options: EventStreamOptions): EventStream {
  const { bus, log, topics, filter, queueLimit, logger } = options;
  if (!Number.isInteger(queueLimit) || queueLimit < 1) {
    throw new TypeError(`createEventStream expects queueLimit to be an integer >= 1, got ${JSON.stringify(queueLimit)}; pass config.subscriptions.queueLimit.`);
  }
  const decoder = options.decoder ?? createEventDecoder();
  const matches = createEventMatcher(filter);
  const channel = channelForFilter(topics, filter);
  const pageSize = Math.min(MAX_REPLAY_PAGE_SIZE, queueLimit);
  const readFilter = { groupId: filter.groupId ?? null, phoneNumberId: filter.phoneNumberId ?? null, types: filter.types ?? null };
  const recentIds = createRecentIds(RECENT_IDS_LIMIT);

  let buffer: DecodedEvent[] = [];
  let bufferOverflowed = false;
  let phase: Phase = 'starting';
  /** The last event handed over (queued or received), or the `after` cursor the stream started from. */
  let lastCursor: string | null = options.after ?? null;
  let lastPosition: LogPosition | null = null;
  /** The last event the consumer actually received: where a too-slow subscriber resumes. */
  let consumedCursor: string | null = options.after ?? null;
  let unsubscribe: (() => Promise<void>) | null = null;
  let stopWatchingReconnects: (() => void) | null = null;
  let catchUpRequested = false;
  let room: Deferred<void> | null = null;
  let readySettled = false;
  const ready = createDeferred<void>();
  ready.promise.catch(() => undefined); // reported through next() as well; nobody has to await `ready`
  /** Resolves once the bus listener is gone (or was never added). */
  const released = createDeferred<void>();

  const output = createPushIterator<StoredEvent>({
    onTake(event) {
      consumedCursor = event.cursor;
      signalRoom();
    },
    async onReturn() {
      stop();
      markReady();
      await released.promise;
    },
  });

  // A function, not `phase === 'ended'` inline: the compiler would narrow `phase` across awaits.
  const isEnded = (): boolean => phase === 'ended';

  function markReady(): void {
    if (readySettled) return;
    readySettled = true;
    ready.resolve();
  }

  function isNew(decoded: DecodedEvent): boolean {
    if (lastPosition !== null && comparePositions(decoded.position, lastPosition) <= 0) return false;
    return !recentIds.has(decoded.event.id);
  }

  function deliver(decoded: DecodedEvent): void {
    lastCursor = decoded.event.cursor;
    lastPosition = decoded.position;
    recentIds.add(decoded.event.id);
    output.push(decoded.event);
  }

  function offerLive(decoded: DecodedEvent): void {
    if (!isNew(decoded)) return;
    deliver(decoded);
    if (output.queued > queueLimit) {
      // Logged now, not when the error reaches the client: a stalled client may take long to read its way to it.
      logger.warn({ filter, queueLimit, resumeAfter: consumedCursor }, 'event subscriber too slow; stream ended and its queue released');
      fail(new SubscriberTooSlowError(queueLimit, consumedCursor));
    }
  }

  function onMessage(_channel: string, message: string): void {
    if (isEnded()) return;
    let decoded: DecodedEvent;
    try {
      decoded = decoder.decode(message);
    } catch (error) {
      logger.warn({ err: ensureError(error), channel }, 'event stream dropped a bus message that is not a stored event');
      return;
    }
    if (!matches(decoded.event)) return;
    if (phase === 'live') {
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
  }

  function hasRoomForPage(): boolean {
    return output.queued + pageSize <= queueLimit;
  }

  function waitForRoom(): Promise<void> {
    if (isEnded() || hasRoomForPage()) return Promise.resolve();
    room ??= createDeferred<void>();
    return room.promise;
  }

  function signalRoom(): void {
    if (room === null || !hasRoomForPage()) return;
    const waiting = room;
    room = null;
    waiting.resolve();
  }

  /** Reads the log after the last delivered cursor until it is exhausted, then hands over to live delivery. */
  async function replay(): Promise<void> {
    phase = 'replaying';
    do {
      catchUpRequested = false;
      let readAfter = lastCursor;
      for (;;) {
        await waitForRoom();
        if (isEnded()) return;
        const page = await log.read({ ...readFilter, after: readAfter, limit: pageSize });
        if (isEnded()) return;
        markReady();
        if (lastPosition === null && lastCursor !== null) lastPosition = decodeCursor(lastCursor);
        for (const event of page.events) {
          const decoded = withPosition(event);
          if (isNew(decoded)) deliver(decoded);
        }
        if (!page.hasMore || page.events.length === 0) break;
        readAfter = page.events[page.events.length - 1].cursor;
      }
      const held = bufferOverflowed ? null : buffer.filter(isNew);
      buffer = [];
      bufferOverflowed = false;
      if (held === null || output.queued + held.length > queueLimit) {
        catchUpRequested = true; // what was held back is in the log: read it from there once there is room
        continue;
      }
      if (!catchUpRequested) {
        phase = 'live';
        for (const decoded of held) offerLive(decoded);
        return;
      }
    } while (catchUpRequested);
  }

  function onReconnected(): void {
    if (isEnded()) return;
    if (phase !== 'live') {
      catchUpRequested = true;
      return;
    }
    if (lastCursor === null) {
      logger.warn({ channel }, 'event bus reconnected before this stream delivered anything: events published during the outage are not replayed');
      return;
    }
    replay().catch(fail);
  }

  async function start(): Promise<void> {
    let release: () => Promise<void>;
    try {
      release = await bus.subscribe([channel], onMessage);
    } catch (error) {
      fail(error);
      released.resolve();
      return;
    }
    if (isEnded()) {
      await unsubscribeQuietly(release);
      released.resolve();
      return;
    }
    unsubscribe = release;
    stopWatchingReconnects = bus.onReconnected?.(onReconnected) ?? null;
    if (lastCursor !== null) {
      await replay();
      return;
    }
    // Starting "now": whatever arrived while the subscription was confirmed is already after now.
    markReady();
    phase = 'live';
    const held = bufferOverflowed ? [] : buffer;
    buffer = [];
    bufferOverflowed = false;
    for (const decoded of held) offerLive(decoded);
  }

  async function unsubscribeQuietly(release: () => Promise<void>): Promise<void> {
    try {
      await release();
    } catch (error) {
      logger.warn({ err: ensureError(error), channel }, 'event stream could not unsubscribe from the bus');
    }
  }

  /** Drops what is held and removes the bus listener. */
  function stop(): void {
    if (isEnded()) return;
    phase = 'ended';
    buffer = [];
    room?.resolve();
    room = null;
    stopWatchingReconnects?.();
    stopWatchingReconnects = null;
    const release = unsubscribe;
    unsubscribe = null;
    // Without a listener yet, start() is still subscribing and releases when the subscription arrives.
    if (release !== null) void unsubscribeQuietly(release).then(() => released.resolve());
  }

  function fail(error: unknown): void {
    if (isEnded()) return;
    stop();
    if (!readySettled) {
      readySettled = true;
      ready.reject(error);
    }
    output.fail(error);
  }

  start().catch(fail);

  const { iterable } = output;
  const stream: EventStream = {
    ready: ready.promise,
    get backlog() {
      return { queued: output.queued, buffered: buffer.length };
    },
    next: () => iterable.next(),
    return: () => iterable.return(),
    throw: (error?: unknown) => iterable.throw(error),
    [Symbol.asyncIterator]() {
      return stream;
    },
  };
  return stream;
}
