import type { BusListener, EventBus } from '../../src/events/event-bus';
import type { EventLog, EventLogPage, EventLogQuery } from '../../src/events/event-log';
import type { DomainEvent, StoredEvent } from '../../src/events/event-model';
import type { EventStream } from '../../src/events/event-stream';
import { createInMemoryEventBus } from '../../src/events/in-memory-event-bus';
import { createInMemoryEventLog } from '../../src/events/in-memory-event-log';
import type { Topics } from '../../src/events/topics';
import { createTopics } from '../../src/events/topics';
import { createDeferred } from '../../src/lib/deferred';
import type { FakeClock } from './clock';
import { createFakeClock } from './clock';

export const RETENTION_SECONDS = 3600;

/** A bus wrapper that shows what streams subscribe to, and can lose messages and "reconnect" like Redis. */
export interface TrackedBus {
  bus: EventBus;
  /** Channel lists of every subscribe() call, in order. */
  readonly subscribeCalls: string[][];
  /** Listeners currently subscribed (subscribed and not yet released). */
  activeListeners(): number;
  /** Listeners currently subscribed to this channel. */
  listenersOn(channel: string): number;
  /** Resolves once exactly `count` listeners are subscribed. */
  whenListeners(count: number): Promise<void>;
  reconnectListeners(): number;
  /** While true, messages are lost on the way to listeners (a Redis outage). */
  setDropping(dropping: boolean): void;
  /** Tells every onReconnected listener the transport is back. */
  reconnect(): void;
  /** subscribe() calls wait until the returned function is called (an unconfirmed SUBSCRIBE). */
  holdSubscriptions(): () => void;
}

export function createTrackedBus(inner: EventBus): TrackedBus {
  const subscribeCalls: string[][] = [];
  const reconnectListeners = new Set<() => void>();
  let active = 0;
  const byChannel = new Map<string, number>();
  const waiters: { count: number; resolve: () => void }[] = [];
  const count = (channels: readonly string[], delta: number) => {
    for (const channel of channels) byChannel.set(channel, (byChannel.get(channel) ?? 0) + delta);
    for (const waiter of [...waiters]) {
      if (waiter.count !== active) continue;
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  };
  let dropping = false;
  let hold: Promise<void> | null = null;
  const bus: EventBus = {
    publish: (channel, message) => inner.publish(channel, message),
    ping: () => inner.ping(),
    dispose: () => inner.dispose(),
    async subscribe(channels: readonly string[], listener: BusListener) {
      subscribeCalls.push([...channels]);
      const release = await inner.subscribe(channels, (channel, message) => {
        if (!dropping) listener(channel, message);
      });
      active++;
      count(channels, 1);
      if (hold !== null) await hold;
      let released = false;
      return async () => {
        if (released) return;
        released = true;
        active--;
        count(channels, -1);
        await release();
      };
    },
    onReconnected(listener) {
      reconnectListeners.add(listener);
      return () => void reconnectListeners.delete(listener);
    },
  };
  return {
    bus,
    subscribeCalls,
    activeListeners: () => active,
    listenersOn: (channel) => byChannel.get(channel) ?? 0,
    whenListeners: (wanted) =>
      new Promise<void>((resolve) => {
        if (active === wanted) resolve();
        else waiters.push({ count: wanted, resolve });
      }),
    reconnectListeners: () => reconnectListeners.size,
    setDropping(value) {
      dropping = value;
    },
    reconnect() {
      for (const listener of [...reconnectListeners]) listener();
    },
    holdSubscriptions() {
      const gate = createDeferred<void>();
      hold = gate.promise;
      return () => {
        hold = null;
        gate.resolve();
      };
    },
  };
}

export interface StreamHarness {
  log: EventLog;
  tracked: TrackedBus;
  topics: Topics;
  clock: FakeClock;
  append(...events: DomainEvent[]): Promise<StoredEvent[]>;
  dispose(): Promise<void>;
}

export function createStreamHarness(): StreamHarness {
  const clock = createFakeClock();
  const topics = createTopics('stream-test:');
  const inner = createInMemoryEventBus();
  const tracked = createTrackedBus(inner);
  const log = createInMemoryEventLog({ bus: tracked.bus, topics, retentionSeconds: RETENTION_SECONDS, dedupeTtlSeconds: 60, clock });
  return {
    log,
    tracked,
    topics,
    clock,
    async append(...events) {
      return (await log.append(events)).stored;
    },
    async dispose() {
      await log.dispose();
      await inner.dispose();
    },
  };
}

/** A log whose read() runs `around` hooks before and after the real read: lets a test append "during" a replay. */
export function interceptReads(
  log: EventLog,
  hooks: { before?: (call: number, query: EventLogQuery) => Promise<void>; after?: (call: number, page: EventLogPage) => Promise<void> },
): EventLog & { readonly reads: EventLogQuery[] } {
  const reads: EventLogQuery[] = [];
  return {
    reads,
    append: (events) => log.append(events),
    ping: () => log.ping(),
    dispose: () => log.dispose(),
    async read(query) {
      reads.push(query);
      const call = reads.length;
      await hooks.before?.(call, query);
      const page = await log.read(query);
      await hooks.after?.(call, page);
      return page;
    },
  };
}

/** The next `count` events of the stream, in order. */
export async function take(stream: EventStream, count: number): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  for (let i = 0; i < count; i++) {
    const result = await stream.next();
    if (result.done === true) throw new Error(`stream ended after ${events.length} of ${count} events`);
    events.push(result.value);
  }
  return events;
}

export const ids = (events: readonly { id: string }[]): string[] => events.map((event) => event.id);
