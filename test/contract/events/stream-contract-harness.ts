import type { EventLog } from '../../../src/events/event-log';
import type { DomainEvent, StoredEvent } from '../../../src/events/event-model';
import { createInMemoryEventBus } from '../../../src/events/in-memory-event-bus';
import { createInMemoryEventLog } from '../../../src/events/in-memory-event-log';
import type { RedisConnections } from '../../../src/events/redis-connections';
import { createRedisEventBus } from '../../../src/events/redis-event-bus';
import { createRedisEventLog } from '../../../src/events/redis-event-log';
import type { Topics } from '../../../src/events/topics';
import { createTopics } from '../../../src/events/topics';
import { createSilentLogger } from '../../../src/lib/logger';
import type { FakeClock } from '../../helpers/clock';
import { createFakeClock } from '../../helpers/clock';
import { createTestRedis, testRedisTargets, uniquePrefix } from '../../helpers/redis';
import { openTargetConnections, subscriberCount } from './redis-harness';
import type { TrackedBus } from '../../helpers/stream-harness';
import { createTrackedBus } from '../../helpers/stream-harness';

export const RETENTION_SECONDS = 3600;

export interface StreamContractHarness {
  /** The instance that receives webhooks: appends (and so publishes). */
  writer: EventLog;
  /** The instance that serves the subscription: its own log handle and bus. */
  readerLog: EventLog;
  readerBus: TrackedBus;
  topics: Topics;
  clock: FakeClock;
  append(...events: DomainEvent[]): Promise<StoredEvent[]>;
  /** Listeners of the channel on the transport (Redis: PUBSUB NUMSUB). */
  transportSubscribers(channel: string): Promise<number>;
  dispose(): Promise<void>;
}

export const streamImplementations: [string, () => Promise<StreamContractHarness>][] = [
  [
    'in-memory',
    async () => {
      const topics = createTopics(uniquePrefix('stream'));
      const clock = createFakeClock();
      const inner = createInMemoryEventBus();
      const readerBus = createTrackedBus(inner);
      const log = createInMemoryEventLog({ bus: inner, topics, retentionSeconds: RETENTION_SECONDS, dedupeTtlSeconds: 60, clock });
      return {
        writer: log,
        readerLog: log,
        readerBus,
        topics,
        clock,
        append: async (...events) => (await log.append(events)).stored,
        transportSubscribers: async (channel) => readerBus.listenersOn(channel),
        async dispose() {
          await log.dispose();
          await inner.dispose();
        },
      };
    },
  ],
  ...testRedisTargets().map(([name, target]): [string, () => Promise<StreamContractHarness>] => [
    `${name} (two instances)`,
    async () => {
      const prefix = uniquePrefix('stream');
      const topics = createTopics(prefix);
      const clock = createFakeClock(Date.now());
      const [writing, reading]: RedisConnections[] = await Promise.all([openTargetConnections(target), openTargetConnections(target)]);
      const options = { topics, keyPrefix: prefix, retentionSeconds: RETENTION_SECONDS, dedupeTtlSeconds: 60, clock };
      const writer = createRedisEventLog({ redis: writing.commands, ...options });
      const readerLog = createRedisEventLog({ redis: reading.commands, ...options });
      const inner = createRedisEventBus({ publisher: reading.commands, subscriber: reading.subscriber, logger: createSilentLogger() });
      const cleaner = createTestRedis(prefix, target);
      return {
        writer,
        readerLog,
        readerBus: createTrackedBus(inner),
        topics,
        clock,
        append: async (...events) => (await writer.append(events)).stored,
        transportSubscribers: (channel) => subscriberCount(writing.commands, channel),
        async dispose() {
          await Promise.all([writer.dispose(), readerLog.dispose(), inner.dispose()]);
          await Promise.all([writing.dispose(), reading.dispose(), cleaner.dispose()]);
        },
      };
    },
  ]),
];
