import type { EventBus } from '../../../src/events/event-bus';
import type { EventLog } from '../../../src/events/event-log';
import { createInMemoryEventBus } from '../../../src/events/in-memory-event-bus';
import { createInMemoryEventLog } from '../../../src/events/in-memory-event-log';
import { createRedisEventBus } from '../../../src/events/redis-event-bus';
import { createRedisEventLog } from '../../../src/events/redis-event-log';
import type { RedisConnections } from '../../../src/events/redis-connections';
import type { Topics } from '../../../src/events/topics';
import { createTopics } from '../../../src/events/topics';
import { createSilentLogger } from '../../../src/lib/logger';
import type { FakeClock } from '../../helpers/clock';
import { createFakeClock } from '../../helpers/clock';
import { createTestRedis, testRedisTargets, uniquePrefix } from '../../helpers/redis';
import { openTargetConnections } from './redis-harness';

export const RETENTION_SECONDS = 3600;
export const DEDUPE_TTL_SECONDS = 600;

export interface LogHarness {
  log: EventLog;
  /** A second instance over the same storage (Redis: its own connection); the same object in memory. */
  peer: EventLog;
  /** A bus that sees what the logs publish. */
  observer: EventBus;
  topics: Topics;
  clock: FakeClock;
  prefix: string;
  dispose(): Promise<void>;
}

export type LogHarnessFactory = () => Promise<LogHarness>;

export const logImplementations: [string, LogHarnessFactory][] = [
  [
    'in-memory',
    async () => {
      const prefix = uniquePrefix('log');
      const topics = createTopics(prefix);
      const clock = createFakeClock();
      const bus = createInMemoryEventBus();
      const log = createInMemoryEventLog({ bus, topics, retentionSeconds: RETENTION_SECONDS, dedupeTtlSeconds: DEDUPE_TTL_SECONDS, clock });
      return {
        log,
        peer: log,
        observer: bus,
        topics,
        clock,
        prefix,
        async dispose() {
          await log.dispose();
          await bus.dispose();
        },
      };
    },
  ],
  ...testRedisTargets().map(([name, target]): [string, LogHarnessFactory] => [
    name,
    async () => {
      const prefix = uniquePrefix('log');
      const topics = createTopics(prefix);
      const clock = createFakeClock();
      const opened: RedisConnections[] = await Promise.all([openTargetConnections(target), openTargetConnections(target), openTargetConnections(target)]);
      const [first, second, observing] = opened;
      const options = { topics, keyPrefix: prefix, retentionSeconds: RETENTION_SECONDS, dedupeTtlSeconds: DEDUPE_TTL_SECONDS, clock };
      const log = createRedisEventLog({ redis: first.commands, ...options });
      const peer = createRedisEventLog({ redis: second.commands, ...options });
      const observer = createRedisEventBus({ publisher: observing.commands, subscriber: observing.subscriber, logger: createSilentLogger() });
      const cleaner = createTestRedis(prefix, target);
      return {
        log,
        peer,
        observer,
        topics,
        clock,
        prefix,
        async dispose() {
          await Promise.all([log.dispose(), peer.dispose(), observer.dispose()]);
          await Promise.all([...opened.map((c) => c.dispose()), cleaner.dispose()]);
        },
      };
    },
  ]),
];
