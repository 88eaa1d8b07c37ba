import type { ExecutionArgs, ExecutionResult, FormattedExecutionResult } from 'graphql';
import type { Writable } from 'node:stream';
import { createSourceEventStream, execute } from 'graphql';
import WebSocket from 'ws';
import { comesAfter } from '../events/log-order';
import { SubscriberTooSlowError } from '../events/subscriber-too-slow-error';
import { toEventGraphQLError } from '../schema/events/event-errors';
import { StreamFailure } from '../schema/events/stream-failure';
import type { DetachableFeed } from '../lib/detachable-feed';
import { canDetachFeed, canReportCatchUp, DETACH_FEED, FEED_CAUGHT_UP } from '../lib/detachable-feed';
import { ensureError } from '../lib/errors';
import type { Logger } from '../lib/logger';
import type { TurnBudget } from '../lib/turn-budget';
import { startsNow, withoutReplay } from './starts-now';
import { directStreamOf, textFrame } from './ws-text-frame';

/** The socket and graphql-ws operation id a subscription's frames go to. */
export interface BroadcastTarget {
  socket: WebSocket;
  id: string;
}

export interface WsBroadcastOptions {
  /** Equal subscriptions share a key (shared-execution's keyOf); null: this one is never broadcast. */
  keyOf(args: ExecutionArgs): string | null;
  /** The socket and operation id graphql-ws runs `args` for (recorded in onSubscribe); null: not broadcast. */
  targetOf(args: ExecutionArgs): BroadcastTarget | null;
  /** The per-subscriber path, for what is not broadcast (no share key, a literal `after`). */
  subscribe(args: ExecutionArgs): Promise<AsyncIterable<ExecutionResult> | ExecutionResult>;
  /** The per-subscriber path over a source already created: a replaying subscription until it has caught up. */
  map(args: ExecutionArgs, source: AsyncIterable<unknown>): AsyncIterator<ExecutionResult>;
  /** A result as the client gets it (errors masked and coded): what onNext would return for it. */
  format(result: ExecutionResult, operationId: string): FormattedExecutionResult;
  /** Each group asks it before taking its next event, so a backlog gives timers and I/O (webhooks) their turn. */
  turnBudget: TurnBudget;
  /**
   * Frames of the current size a subscriber's socket may hold unsent (SUBSCRIBER_QUEUE_LIMIT); beyond that its
   * subscription ends with SUBSCRIBER_TOO_SLOW, as a per-subscriber event queue would.
   */
  queueLimit: number;
  /** Called once per event written, with how many sockets it was written to. */
  onWritten(payload: unknown, subscribers: number): void;
  logger: Logger;
}

export interface WsBroadcastStats {
  /** Groups of equal subscriptions with a running source. */
  groups: number;
  /** Subscriptions in those groups. */
  members: number;
  /** Executions of events for groups, since start: one per event per group, however many members it has. */
  executions: number;
  /** Payloads serialised for groups, since start: one per event per group. */
  serialisations: number;
  /** Frames written by the broadcast, since start: one per event per member. */
  frames: number;
  /** Replaying subscriptions (`after`) that caught up with the log and joined a group, since start. */
  caughtUp: number;
}

export interface WsBroadcast {
  /** For graphql-ws' `subscribe`: a broadcast member's iterator, or whatever the per-subscriber path answers. */
  subscribe(args: ExecutionArgs): Promise<AsyncIterable<ExecutionResult> | ExecutionResult>;
  stats(): WsBroadcastStats;
  /** Resolves once every group's loop has stopped (their members were all returned). */
  whenIdle(): Promise<void>;
}

interface Member {
  readonly target: BroadcastTarget;
  /** `{"id":…,"type":"next","payload":`: everything of the frame before the shared payload, as text and as bytes. */
  readonly framePrefix: string;
  readonly framePrefixBytes: Buffer;
  /** The subscription's own source until it joins; then the group's, or detached and only holding its slot. */
  readonly source: AsyncIterator<unknown>;
  readonly args: ExecutionArgs;
  readonly key: string;
  group: Group | null;
  /** Cursor of the last event written to the socket: where a too-slow member resumes. */
  lastCursor: string | null;
  /**
   * A replaying subscription that joined once caught up: the last event its own stream handed it. The group may
   * still hold events up to there (queued, or being executed, when the member joined): those are not written again.
   * null once the group has written it an event after that, and for members that started with the next event.
   */
  skipThrough: string | null;
  /** The socket's TCP stream for prebuilt frames (directStreamOf), looked up at the member's first frame; false: ws' send(). */
  direct: Writable | false | undefined;
  /** Ends the member's iterator: its last result (an error to show), then done; or a rejection. */
  end(last: Promise<ExecutionResult> | null, error?: unknown): void;
}

interface Group {
  readonly key: string;
  /** The first member's arguments: its context serves every execution (equal key: equal access). */
  readonly args: ExecutionArgs;
  /** The first member's source, the one that is pulled. */
  readonly source: AsyncIterator<unknown>;
  readonly members: Set<Member>;
  /** The detached sources of the other members, each holding one slot: one is returned per member that leaves. */
  readonly spares: (AsyncIterator<unknown> & DetachableFeed)[];
  ended: boolean;
}

const DONE: IteratorResult<ExecutionResult> = { value: undefined, done: true };

/**
 * Fan-out for equal WebSocket subscriptions (same key, document, operation name and variables) that start with
 * the next event: per event, one source pull, one tenancy check (the group's source is a guarded source like any
 * other, and every member has the same key), one execution, one serialisation, and one synchronous pass over the
 * members' sockets writing graphql-ws `next` frames that differ only in their id. No promise per member per event:
 * what graphql-ws pulls from a member's iterator is only its end (complete, an error result, or a rejection).
 *
 * Each member is set up through graphql-js like any subscription (scope, tenancy narrowing, per-key slot, its
 * event stream subscribed), so every refusal reaches the client exactly as before; a member joining a running
 * group then detaches its own feed and keeps only its slot. A member whose socket holds more than queueLimit frames
 * unsent is ended SUBSCRIBER_TOO_SLOW with the cursor of the last frame written to it.
 */
export function createWsBroadcast(options: WsBroadcastOptions): WsBroadcast {
  const { turnBudget, queueLimit, logger } = options;
  const groups = new Map<string, Group>();
  const counters = { executions: 0, serialisations: 0, frames: 0, caughtUp: 0 };
  let members = 0;
  let running = 0;
  let idleWaiters: (() => void)[] = [];
  const send = WebSocket.prototype.send as (this: WebSocket, data: string) => void;

  function settleIdle(): void {
    if (running > 0) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  function join(member: Member): void {
    const current = groups.get(member.key);
    if (current !== undefined && canDetachFeed(member.source)) {
      current.members.add(member);
      current.spares.push(member.source);
      member.group = current;
      members++;
      member.source[DETACH_FEED]().catch((error: unknown) => logger.error({ err: ensureError(error) }, 'could not detach a broadcast member from its own event feed'));
      return;
    }
    const group: Group = { key: member.key, args: member.args, source: member.source, members: new Set([member]), spares: [], ended: false };
    member.group = group;
    members++;
    // A source that cannot detach runs a group of its own, registered only when none runs for the key.
    if (current === undefined) groups.set(member.key, group);
    void pump(group);
  }

  /** Takes a member out of its group; resolves once the slot it stood for was released. */
  async function leave(member: Member): Promise<void> {
    const { group } = member;
    if (group === null) return;
    member.group = null;
    group.members.delete(member);
    members--;
    if (group.ended) return;
    const spare = group.spares.pop();
    if (spare !== undefined) {
      await returnQuietly(spare);
      return;
    }
    endGroup(group);
    await returnQuietly(group.source);
  }

  /** The group's source finished or the last member left: nobody joins it any more, the spares' slots go. */
  function endGroup(group: Group): void {
    group.ended = true;
    if (groups.get(group.key) === group) groups.delete(group.key);
  }

  /** The group's source ended by itself: every member ends (the slots go with the members' returns). */
  function finishGroup(group: Group, error?: unknown): void {
    endGroup(group);
    const spares = group.spares.splice(0);
    for (const member of [...group.members]) {
      group.members.delete(member);
      member.group = null;
      members--;
      member.end(null, error);
    }
    for (const spare of spares) void returnQuietly(spare);
    void returnQuietly(group.source);
  }

  async function returnQuietly(source: AsyncIterator<unknown>): Promise<void> {
    try {
      await source.return?.();
    } catch (error) {
      logger.error({ err: ensureError(error) }, 'WebSocket broadcast cleanup failed');
    }
  }

  async function pump(group: Group): Promise<void> {
    running++;
    try {
      for (;;) {
        const spent = turnBudget.yieldIfSpent();
        if (spent !== null) await spent;
        if (group.ended) return;
        let step: IteratorResult<unknown>;
        let result: ExecutionResult;
        try {
          step = await group.source.next();
          if (group.ended) return;
          if (step.done === true) {
            finishGroup(group);
            return;
          }
          counters.executions++;
          result = await execute({ ...group.args, rootValue: step.value });
        } catch (error) {
          if (!group.ended) finishGroup(group, error);
          return;
        }
        if (group.ended) return;
        write(group, step.value, result);
      }
    } finally {
      running--;
      settleIdle();
    }
  }

  /**
   * The one synchronous pass: a frame per member, the payload serialised (and encoded) once. Each member's frame is
   * its id prefix and the shared bytes in one Buffer, written straight to its TCP stream: one write per socket,
   * with nothing per member but a ~400-byte copy (ws' own send() costs about half as much again, see BENCHMARKS.md).
   */
  function write(group: Group, payload: unknown, result: ExecutionResult): void {
    const [first] = group.members;
    if (first === undefined) return;
    const frameEnd = `${JSON.stringify(options.format(result, first.target.id))}}`;
    const frameEndBytes = Buffer.from(frameEnd, 'utf8');
    counters.serialisations++;
    const cursor = cursorOf(payload);
    const limitBytes = queueLimit * frameEndBytes.length;
    let written = 0;
    for (const member of group.members) {
      const { socket } = member.target;
      // A closing socket's subscriptions are being returned by graphql-ws.
      if (socket.readyState !== WebSocket.OPEN) continue;
      if (member.skipThrough !== null) {
        if (cursor !== null && !comesAfter(cursor, member.skipThrough)) continue;
        member.skipThrough = null;
      }
      member.direct ??= directStreamOf(socket) ?? false;
      const { direct } = member;
      // With no extension ws' sender holds nothing back, so its bufferedAmount is the stream's own writableLength.
      if ((direct === false ? socket.bufferedAmount : direct.writableLength) > limitBytes) {
        tooSlow(group, member);
        continue;
      }
      if (direct !== false && !direct.writableEnded) direct.write(textFrame(member.framePrefixBytes, frameEndBytes));
      // ws' own send: the gateway socket's send() only splices graphql-ws' prepared payloads, which this is not.
      else send.call(socket, member.framePrefix + frameEnd);
      member.lastCursor = cursor ?? member.lastCursor;
      written++;
    }
    counters.frames += written;
    options.onWritten(payload, written);
  }

  function tooSlow(group: Group, member: Member): void {
    const resumeAfter = member.lastCursor;
    logger.warn({ operationId: member.target.id, queueLimit, resumeAfter }, 'broadcast subscriber too slow; its subscription ended');
    void leave(member);
    // Executed like the failure payload of its own stream would be: the resolver throws the coded error.
    const failure = new StreamFailure(toEventGraphQLError(new SubscriberTooSlowError(queueLimit, resumeAfter)));
    member.end(Promise.resolve(execute({ ...group.args, rootValue: failure })));
  }

  /**
   * `caughtUpAfter`: for a replaying subscription handing over, the cursor of the last event its own stream gave it
   * (see Member.skipThrough); undefined for one that starts with the next event.
   */
  function createMember(args: ExecutionArgs, target: BroadcastTarget, key: string, source: AsyncIterator<unknown>, caughtUpAfter?: string | null): AsyncGenerator<ExecutionResult> {
    let joined = false;
    let ended = false;
    let last: Promise<ExecutionResult> | null = null;
    let failure: { error: unknown } | null = null;
    let waiting: { resolve(result: IteratorResult<ExecutionResult>): void; reject(error: unknown): void } | null = null;

    function settle(): void {
      if (waiting === null || !ended) return;
      const { resolve, reject } = waiting;
      waiting = null;
      if (last !== null) {
        const result = last;
        last = null;
        result.then((value) => resolve({ value, done: false }), reject);
      } else if (failure !== null) {
        const { error } = failure;
        failure = null;
        reject(error);
      } else resolve(DONE);
    }

    const framePrefix = `{"id":${JSON.stringify(target.id)},"type":"next","payload":`;
    const member: Member = {
      target,
      framePrefix,
      framePrefixBytes: Buffer.from(framePrefix, 'utf8'),
      source,
      args,
      key,
      group: null,
      lastCursor: caughtUpAfter ?? null,
      skipThrough: caughtUpAfter ?? null,
      direct: undefined,
      end(result, error) {
        if (ended) return;
        ended = true;
        last = result;
        failure = error === undefined ? null : { error };
        settle();
      },
    };

    return resultGenerator({
      next(): Promise<IteratorResult<ExecutionResult>> {
        // graphql-ws asks for the first result once the operation is registered: the member goes live then.
        if (!joined && !ended) {
          joined = true;
          join(member);
        }
        return new Promise<IteratorResult<ExecutionResult>>((resolve, reject) => {
          waiting = { resolve, reject };
          settle();
        });
      },
      async return(): Promise<IteratorResult<ExecutionResult>> {
        const wasJoined = joined;
        joined = true;
        if (!ended) {
          ended = true;
          last = null;
          settle();
        }
        if (member.group !== null) await leave(member);
        else if (!wasJoined) await returnQuietly(source); // never went live: its own source still runs
        return DONE;
      },
    });
  }

  /**
   * A subscription with `after`: the per-subscriber path (its own stream replays the log, each event executed and
   * sent by graphql-ws) until graphql-ws asks for a result while that stream is live with nothing held back. Then
   * every event up to the stream's last one has been sent (graphql-ws asks only after sending the previous result),
   * and the stream and the key's running group see the same bus messages from here on: it joins the group as a
   * member that skips what the group still holds up to that event. No gap, no duplicate, order kept.
   */
  function createReplayingMember(args: ExecutionArgs, shared: ExecutionArgs, target: BroadcastTarget, key: string, source: AsyncIterator<unknown>): AsyncGenerator<ExecutionResult> {
    /** The per-subscriber path over the member's own source, made on first use. */
    let own: AsyncIterator<ExecutionResult> | null = null;
    let member: AsyncGenerator<ExecutionResult> | null = null;

    // Only into a running group: a lone replaying subscription keeps its own stream (and that stream's queue limit),
    // exactly as before there was a broadcast; it joins the first group of its key that runs when it has caught up.
    function handOver(): AsyncGenerator<ExecutionResult> | null {
      if (!groups.has(key) || !canReportCatchUp(source) || !canDetachFeed(source)) return null;
      const caughtUp = source[FEED_CAUGHT_UP]();
      if (caughtUp === null) return null;
      counters.caughtUp++;
      return createMember(shared, target, key, source, caughtUp.after);
    }

    return resultGenerator({
      next(): Promise<IteratorResult<ExecutionResult>> {
        member ??= handOver();
        if (member !== null) return member.next();
        own ??= options.map(args, { [Symbol.asyncIterator]: () => source });
        return own.next();
      },
      async return(): Promise<IteratorResult<ExecutionResult>> {
        if (member !== null) return member.return(undefined);
        await returnQuietly(own ?? source);
        return DONE;
      },
    });
  }

  return {
    async subscribe(args) {
      const target = options.targetOf(args);
      // The group's view of the operation: without the variable that feeds `after` (null: not shareable).
      const shared = target === null ? null : withoutReplay(args);
      const key = shared === null ? null : options.keyOf(shared);
      if (target === null || shared === null || key === null) return options.subscribe(args);
      const source = await createSourceEventStream(args);
      if (!isAsyncIterable(source)) return source;
      const iterator = source[Symbol.asyncIterator]();
      return startsNow(args) ? createMember(shared, target, key, iterator) : createReplayingMember(args, shared, target, key, iterator);
    },
    stats: () => ({ groups: groups.size, members, ...counters }),
    whenIdle: () =>
      new Promise((resolve) => {
        idleWaiters.push(resolve);
        settleIdle();
      }),
  };
}

function cursorOf(payload: unknown): string | null {
  if (typeof payload !== 'object' || payload === null || !('cursor' in payload)) return null;
  const { cursor } = payload as { cursor: unknown };
  return typeof cursor === 'string' ? cursor : null;
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

/**
 * The AsyncGenerator graphql-ws expects from `subscribe`, over a hand-written next/return: throw and dispose end it
 * through return, as a generator's would.
 */
function resultGenerator(steps: Pick<AsyncGenerator<ExecutionResult>, 'next' | 'return'>): AsyncGenerator<ExecutionResult> {
  const generator = {
    next: () => steps.next(),
    return: (value?: unknown) => steps.return(value as undefined),
    async throw(error?: unknown): Promise<IteratorResult<ExecutionResult>> {
      await steps.return(undefined);
      throw error;
    },
    [Symbol.asyncIterator]() {
      return generator;
    },
    async [Symbol.asyncDispose](): Promise<void> {
      await steps.return(undefined);
    },
  };
  return generator as AsyncGenerator<ExecutionResult>;
}
