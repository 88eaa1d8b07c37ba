import type { Config } from '../config/config';
import type { Disposable } from '../lib/disposable';
import type { Logger } from '../lib/logger';
import type { EventBus } from './event-bus';
import type { EventLog } from './event-log';
import { createInMemoryEventBus } from './in-memory-event-bus';
import { createInMemoryEventLog } from './in-memory-event-log';
import type { RedisTarget } from './redis-client';
import type { RedisConnections } from './redis-connections';
import { createRedisCommandConnection, createRedisConnections } from './redis-connections';
import { createRedisEventBus } from './redis-event-bus';
import { createRedisEventLog } from './redis-event-log';
import type { Topics } from './topics';
import { createTopics } from './topics';

/** The event log and bus of one instance, on Redis when configured, else in process memory. */
export interface EventInfrastructure extends Disposable {
  readonly kind: 'redis' | 'in-memory';
  readonly log: EventLog;
  readonly bus: EventBus;
  readonly topics: Topics;
  /** The Redis connections (commands + subscriber) when REDIS_URL or REDIS_CLUSTER_NODES is set; other stores borrow `commands`. */
  readonly redis: RedisConnections | null;
  /** Throws when the log or bus cannot be used (for /readyz). */
  ping(): Promise<void>;
}

/**
 * Opens what the event pipeline needs. dispose() closes in the order the gateway's stop() wants: the bus (ending
 * every listener and UNSUBSCRIBing), then the log, then the Redis connections last.
 */
export function createEventInfrastructure(options: {
  redis: Config['redis'];
  events: Config['events'];
  logger: Logger;
}): EventInfrastructure {
  const { events, logger } = options;
  const target = redisTarget(options.redis);
  const topics = createTopics(options.redis.keyPrefix);
  if (target === null) {
    const bus = createInMemoryEventBus();
    const log = createInMemoryEventLog({ bus, topics, retentionSeconds: events.retentionSeconds, dedupeTtlSeconds: events.dedupeTtlSeconds });
    return {
      kind: 'in-memory',
      log,
      bus,
      topics,
      redis: null,
      ping: async () => {
        await Promise.all([log.ping(), bus.ping()]);
      },
      dispose: async () => {
        await bus.dispose();
        await log.dispose();
      },
    };
  }
  const redis = createRedisConnections({ target, logger: logger.child({ part: 'redis' }) });
  // WAIT blocks the connection it is sent on: the log's appends get their own, so other parts' commands never queue behind it.
  const logWriter = options.redis.wait.replicas > 0 ? createRedisCommandConnection({ target, logger: logger.child({ part: 'redis' }), purpose: 'event-log' }) : null;
  const bus = createRedisEventBus({ publisher: redis.commands, subscriber: redis.subscriber, logger: logger.child({ part: 'bus' }) });
  const log = createRedisEventLog({
    redis: redis.commands,
    ...(logWriter === null ? {} : { writer: logWriter.client }),
    topics,
    keyPrefix: options.redis.keyPrefix,
    retentionSeconds: events.retentionSeconds,
    dedupeTtlSeconds: events.dedupeTtlSeconds,
    waitReplicas: options.redis.wait.replicas,
    waitTimeoutMs: options.redis.wait.timeoutMs,
  });
  let disposed: Promise<void> | undefined;
  return {
    kind: 'redis',
    log,
    bus,
    topics,
    redis,
    ping: async () => {
      await Promise.all([log.ping(), bus.ping()]);
    },
    dispose: () =>
      (disposed ??= (async () => {
        try {
          await bus.dispose();
          await log.dispose();
        } finally {
          await Promise.all([redis.dispose(), logWriter?.dispose()]);
        }
      })()),
  };
}

/** The one place config.redis becomes a connection target: a cluster, one server, or none (in-process). */
export function redisTarget(redis: Config['redis']): RedisTarget | null {
  if (redis.cluster !== null) return { kind: 'cluster', nodes: redis.cluster.nodes, password: redis.cluster.password, tls: redis.cluster.tls };
  return redis.url === null ? null : { kind: 'single', url: redis.url };
}
