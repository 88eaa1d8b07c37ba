import Redis, { Cluster } from 'ioredis';
import { loadConfig } from '../../../src/config/config';
import { redisTarget } from '../../../src/events/event-infrastructure';
import { isCluster, keySlot, slotTag } from '../../../src/events/redis-client';
import { dedupeField, eventLogKeys } from '../../../src/events/redis-event-log-keys';
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

  it('puts each stream’s keys and channel in its own slot: a group’s, a phone number’s, all events’', () => {
    const keys = eventLogKeys('wgg:');
    const group = { kind: 'group', id: 'g1' } as const;
    const phone = { kind: 'phone', id: 'p1' } as const;
    expect([keys.home(group), keys.dedupe(group, 20_429), keys.index(phone), keys.progress(phone), keys.home({ kind: 'ungrouped', id: 'p1' })]).toEqual([
      'wgg:{g:g1}:h',
      'wgg:{g:g1}:d:20429',
      'wgg:{p:p1}:x',
      'wgg:{p:p1}:i',
      'wgg:{p:p1}:h',
    ]);
    expect([keys.index({ kind: 'all' }), keys.home({ kind: 'ungrouped', id: '' })]).toEqual(['wgg:{a:}:x', 'wgg:{a:}:h']);
    const topics = createTopics('wgg:');
    expect([topics.group('g1'), topics.phoneNumber('p1'), topics.allEvents(), topics.operation('o1')]).toEqual(['wgg:{g:g1}:events', 'wgg:{p:p1}:events', 'wgg:{a:}:events', 'wgg:operation:o1']);
    // A script's keys and the channel it publishes on share a slot.
    expect(new Set([keys.home(group), keys.dedupe(group, 20_429), topics.group('g1')].map(keySlot)).size).toBe(1);
    expect(new Set([keys.index(phone), keys.progress(phone), topics.phoneNumber('p1')].map(keySlot)).size).toBe(1);
  });

  it('keeps an event’s dedupe field short and unambiguous: an eventId() digest without its evt_, any other id whole', () => {
    const digest = 'AbCdEfGhIjKlMnOpQrStUvWxYz012-_9';
    expect(dedupeField(`evt_${digest}`)).toBe(digest);
    expect(dedupeField(digest)).toBe(`=${digest}`);
    expect(dedupeField('evt_test_1')).toBe('=evt_test_1');
  });

  it('computes Redis Cluster hash slots like Redis (CRC16 of the hash tag)', () => {
    // Values from the Redis Cluster specification and CLUSTER KEYSLOT.
    expect(keySlot('123456789')).toBe(12739);
    expect(keySlot('foo')).toBe(12182);
    expect(keySlot('{user1000}.following')).toBe(keySlot('{user1000}.followers'));
    // An empty tag is no tag: the whole key is hashed.
    expect(keySlot('foo{}{bar}')).not.toBe(keySlot('bar'));
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
