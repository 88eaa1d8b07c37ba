import type { EventBus } from '../events/event-bus';
import type { DomainEvent } from '../events/event-model';
import { ensureError } from '../lib/errors';
import type { Logger } from '../lib/logger';
import type { ReadChange } from './read-change';
import { changeOfEvents, isEmptyChange } from './read-change';

/** A per-instance read cache (answers, group metadata L1, invite links, ...) as the invalidation sees it. */
export interface ReadCacheTarget {
  readonly name: string;
  invalidate(change: ReadChange): void;
  /** Drops everything: called when invalidations may have been missed. */
  clear(): void;
}

export interface ReadCacheInvalidationStats {
  /** Changes applied from this instance's own webhooks and writes. */
  local: number;
  /** Changes applied from the bus (events and writes of any instance, this one's included). */
  fromBus: number;
  /** Whole-cache drops after the bus reconnected. */
  reconnectClears: number;
}

export interface ReadCacheInvalidation {
  /** The events of a delivery, on the instance storing them: run before the webhook is answered. */
  applyEvents(events: readonly Pick<DomainEvent, 'type' | 'groupId' | 'phoneNumberId'>[]): void;
  /** A write's change: here at once, then on every instance through the bus. */
  publish(change: ReadChange): Promise<void>;
  /** Listens to stored events and published changes, and drops everything when the bus reconnects. Returns the teardown. */
  start(): Promise<() => Promise<void>>;
  readonly stats: Readonly<ReadCacheInvalidationStats>;
}

export interface ReadCacheInvalidationOptions {
  targets: readonly ReadCacheTarget[];
  bus: Pick<EventBus, 'publish' | 'subscribe' | 'onReconnected'>;
  /** Where the event log publishes every stored event (topics.allEvents()), and where writes publish changes. */
  channels: { events: string; changes: string };
  logger: Logger;
}

/**
 * Keeps every instance's read caches fresh. The instance that stores a webhook's events invalidates before it
 * answers 200 (applyEvents, an ingress hook); every instance, that one included, invalidates again when the stored
 * event reaches it on the bus. A bus that reconnected may have lost messages, so the caches are dropped whole.
 */
export function createReadCacheInvalidation(options: ReadCacheInvalidationOptions): ReadCacheInvalidation {
  const { targets, bus, channels, logger } = options;
  const stats: ReadCacheInvalidationStats = { local: 0, fromBus: 0, reconnectClears: 0 };

  const apply = (change: ReadChange): void => {
    if (isEmptyChange(change)) return;
    for (const target of targets) {
      try {
        target.invalidate(change);
      } catch (error) {
        // A target that cannot invalidate must not keep its entries: drop them all.
        logger.error({ err: ensureError(error), cache: target.name }, 'read cache invalidation failed; dropping the whole cache');
        target.clear();
      }
    }
  };

  const clearAll = (): void => {
    for (const target of targets) target.clear();
  };

  const onMessage = (channel: string, message: string): void => {
    let change: ReadChange;
    try {
      const parsed = JSON.parse(message) as unknown;
      change = channel === channels.events ? changeOfEvents([parsed as DomainEvent]) : (parsed as ReadChange);
      if (!Array.isArray(change.groupIds) || !Array.isArray(change.listsOf)) throw new TypeError('not a change');
    } catch (error) {
      logger.error({ err: ensureError(error), channel }, 'unreadable read cache invalidation; dropping the read caches');
      clearAll();
      return;
    }
    stats.fromBus++;
    apply(change);
  };

  return {
    stats,
    applyEvents(events) {
      stats.local++;
      apply(changeOfEvents(events));
    },
    async publish(change) {
      if (isEmptyChange(change)) return;
      stats.local++;
      apply(change);
      await bus.publish(channels.changes, JSON.stringify({ groupIds: change.groupIds, listsOf: change.listsOf }));
    },
    async start() {
      const unsubscribe = await bus.subscribe([channels.events, channels.changes], onMessage);
      const stopListening =
        bus.onReconnected?.(() => {
          stats.reconnectClears++;
          logger.info({ caches: targets.map((target) => target.name) }, 'event bus reconnected: read caches dropped, invalidations may have been missed');
          clearAll();
        }) ?? (() => undefined);
      return async () => {
        stopListening();
        await unsubscribe();
      };
    },
  };
}
