import Redis, { Cluster } from 'ioredis';
import { loadConfig } from '../../../src/config/config';
import { redisTarget } from '../../../src/events/event-infrastructure';
import { EVENT_LOG_SLOT, isCluster, slotTag } from '../../../src/events/redis-client';
import { createRedisEventLog, eventLogKeys } from '../../../src/events/redis-event-log';
import { createTopics } from '../../../src/events/topics';

// lazyConnect: these clients never open a socket; only their kind matters here.
const single = new Redis({ lazyConnect: true });
const cluster = new Cluster([{ host: '127.0.0.1', port: 1 }], { lazyConnect: true });

describe('the Redis client kinds', () => {
  it('tells a Cluster from one server, and tags a part’s keys only on a cluster', () => {
    expect([isCluster(single), isCluster(cluster)]).toEqual([false, true]);
    expect(slotTag(single, 'group-cache')).toBe('');
    expect(slotTag(cluster, 'group-cache')).toBe('{group-cache}:');
  });

  it('puts every event-log key and event channel in one slot on a cluster, and keeps one server’s names', () => {
    expect(eventLogKeys('wgg:').group('g1')).toBe('wgg:log:group:g1');
    const keys = eventLogKeys('wgg:', slotTag(cluster, EVENT_LOG_SLOT));
    expect([keys.stream, keys.group('g1'), keys.phone('p1'), keys.dedupe('e1')]).toEqual(['wgg:{log}:log:all', 'wgg:{log}:log:group:g1', 'wgg:{log}:log:phone:p1', 'wgg:{log}:log:seen:e1']);
    const topics = createTopics('wgg:', { eventSlotTag: slotTag(cluster, EVENT_LOG_SLOT) });
    expect([topics.group('g1'), topics.phoneNumber('p1'), topics.allEvents(), topics.operation('o1')]).toEqual([
      'wgg:{log}:events:group:g1',
      'wgg:{log}:events:phone:p1',
      'wgg:{log}:events:all',
      'wgg:operation:o1',
    ]);
  });

  it('refuses a cluster event log whose channels are not in the log’s slot, saying how to fix it', () => {
    const options = { keyPrefix: 'wgg:', retentionSeconds: 60, dedupeTtlSeconds: 60 };
    expect(() => createRedisEventLog({ ...options, redis: cluster, topics: createTopics('wgg:') })).toThrow(
      /on a Redis Cluster the event channels must carry the log's hash tag; expected channels containing "\{log\}:", got "wgg:events:all"; fix: createTopics/,
    );
    expect(() => createRedisEventLog({ ...options, redis: cluster, topics: createTopics('wgg:', { eventSlotTag: '{log}:' }) })).not.toThrow();
    expect(() => createRedisEventLog({ ...options, redis: single, topics: createTopics('wgg:') })).not.toThrow();
  });

  it('turns config.redis into one target: a cluster, one server, or none', () => {
    expect(redisTarget(loadConfig({}).redis)).toBeNull();
    expect(redisTarget(loadConfig({ REDIS_URL: 'rediss://:pw@h:6380' }).redis)).toEqual({ kind: 'single', url: 'rediss://:pw@h:6380' });
    expect(redisTarget(loadConfig({ REDIS_CLUSTER_NODES: 'rediss://a:7000', REDIS_CLUSTER_PASSWORD: 'pw' }).redis)).toEqual({
      kind: 'cluster',
      nodes: [{ host: 'a', port: 7000 }],
      password: 'pw',
      tls: true,
    });
  });
});
