import { once } from 'node:events';
import { createRedisConnections } from '../../../src/events/redis-connections';
import { createTestRedis, testRedisUrl, uniquePrefix } from '../../helpers/redis';
import { createCapturingLogger } from './bus-recorder';

describe('createRedisConnections subscriber handshake', () => {
  it('keeps a channel SUBSCRIBEd while the connection is still in its handshake, without failing the handshake', async () => {
    const prefix = uniquePrefix('handshake');
    const channel = `${prefix}events`;
    const logs = createCapturingLogger();
    const connections = createRedisConnections({ url: testRedisUrl(), logger: logs.logger, name: 'wggtest' });
    const publisher = createTestRedis(prefix);
    try {
      // 'connect' comes before ioredis' own handshake commands are answered: ioredis sends SUBSCRIBE right away.
      await once(connections.subscriber, 'connect');
      expect(connections.subscriber.status).toBe('connect');
      const subscribed = connections.subscriber.subscribe(channel);
      await once(connections.subscriber, 'ready');
      expect(await subscribed).toBe(1);

      const received = once(connections.subscriber, 'message');
      expect(await publisher.redis.publish(channel, 'hello')).toBe(1);
      expect(await received).toEqual([channel, 'hello']);
      // A failed handshake (e.g. INFO refused in subscriber mode) would have been logged as a connection error.
      expect(logs.lines().filter((line) => line.msg === 'Redis connection error')).toEqual([]);
    } finally {
      await connections.dispose();
      await publisher.dispose();
    }
  });
});
