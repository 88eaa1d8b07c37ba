import { createTestRedis, testRedisUrl, uniquePrefix } from '../../helpers/redis';
import type { TestGateway } from '../../helpers/test-gateway';
import { startTestGateway } from '../../helpers/test-gateway';
import type { RawWsClient } from '../../helpers/raw-ws-client';
import { connectAcked } from '../../helpers/raw-ws-client';
import { freshGroupId, postJoin } from '../../helpers/meta-deliveries';
import { storedEvents } from '../../helpers/stored-events';
import { activeResources, grownResources, settledHeapBytes } from '../helpers/process-footprint';
import type { WsClient } from '../../helpers/ws-client';
import { openWsClient, subscribe } from '../../helpers/ws-client';
import { createTopics } from '../../../src/events/topics';

jest.setTimeout(60_000);

const CYCLES = 10_000;
const WARM_UP_CYCLES = 500;
const CONCURRENCY = 50;
const GROUPS = 23;
/**
 * Heap after the cycles may exceed the heap before by this fraction, and by this many bytes at most. Measured: a
 * constant ~0.7 MB (~0.9%) whether 2,000, 10,000 or 30,000 cycles ran (code and inline caches of paths first taken
 * after the warm-up), so a leak of 200 bytes per cycle would already fail.
 */
const HEAP_TOLERANCE = 0.03;
const HEAP_TOLERANCE_BYTES = 2 * 1024 * 1024;

const LIVE = 'subscription Churn($groupId: ID!, $after: String) { groupEvents(groupId: $groupId, after: $after) { id cursor } }';

/** Runs `task(0..count-1)` with at most `concurrency` in flight. */
async function runPool(count: number, concurrency: number, task: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) await task(next++);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

describe('10,000 subscribe/unsubscribe cycles against a Redis-backed gateway', () => {
  const prefix = uniquePrefix('subs-churn');
  const testRedis = createTestRedis(prefix);
  let t: TestGateway;
  let clients: WsClient[];
  let raw: RawWsClient;
  let groups: { groupId: string; after: string }[];

  beforeAll(async () => {
    t = await startTestGateway({ env: { REDIS_URL: testRedisUrl(), REDIS_KEY_PREFIX: prefix } });
    clients = [0, 1, 2].map(() => openWsClient({ url: t.graphqlUrl, eager: true }));
    await Promise.all(clients.map((client) => client.connected()));
    raw = await connectAcked(t.graphqlUrl.replace(/^http/, 'ws'));
    // Each group: two stored events; a subscription from the first one's cursor replays the second.
    groups = [];
    for (let i = 0; i < GROUPS; i++) {
      const groupId = freshGroupId('churn');
      await postJoin(t.url, groupId, 0);
      await postJoin(t.url, groupId, 1);
      groups.push({ groupId, after: (await storedEvents(t.graphqlUrl, groupId))[0].cursor });
    }
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    raw.close();
    await raw.closed;
    await t.dispose();
    await testRedis.dispose();
  });

  /**
   * Three cycles in four: a graphql-ws client subscribes from a cursor, receives the replayed event (so the stream
   * is fully up: Redis SUBSCRIBE confirmed, log read, live) and completes. The fourth: a raw socket sends
   * `subscribe` and `complete` back to back, so the server is mostly told to stop while it is still starting the stream.
   */
  async function cycle(index: number): Promise<void> {
    const { groupId, after } = groups[index % GROUPS];
    if (index % 4 === 3) {
      raw.send({ id: `race-${index}`, type: 'subscribe', payload: { query: LIVE, variables: { groupId } } });
      raw.send({ id: `race-${index}`, type: 'complete' });
      return;
    }
    const recording = subscribe<{ id: string }>(clients[index % clients.length], { query: LIVE, variables: { groupId, after }, field: 'groupEvents' });
    await recording.take(1);
    recording.stop();
    expect(await recording.ended).toEqual({ kind: 'complete' });
  }

  /** Channels subscriptions opened: the instance-wide ones of the read caches' invalidation stay for the gateway's life. */
  async function channelsOfOurs(): Promise<string[]> {
    const instanceWide = new Set([createTopics(prefix).allEvents(), createTopics(prefix).readChanges()]);
    return ((await testRedis.redis.pubsub('CHANNELS', `${prefix}*`)) as string[]).filter((channel) => !instanceWide.has(channel));
  }

  /**
   * The server answers nothing to a `complete`, so its cleanup (iterator returned, UNSUBSCRIBE sent) is observed
   * from outside: re-checked after each Redis round trip, a bounded number of times.
   */
  async function settled(): Promise<void> {
    for (let check = 0; check < 2_000; check++) {
      const open = await channelsOfOurs();
      const stats = t.gateway.ws!.stats();
      if (open.length === 0 && stats.subscriptions === 0 && stats.starting === 0) return;
    }
    throw new Error(`still subscribed after the cycles: ${JSON.stringify({ channels: await channelsOfOurs(), ws: t.gateway.ws!.stats() })}`);
  }

  it('leave no Redis channel subscribed, no subscription in the server, no extra handle and the heap where it was', async () => {
    await runPool(WARM_UP_CYCLES, CONCURRENCY, cycle); // JIT, caches and pools reach their steady size first
    await settled();
    const heapBefore = settledHeapBytes();
    const resourcesBefore = activeResources();

    await runPool(CYCLES, CONCURRENCY, cycle);
    await settled();

    const channels = groups.map(({ groupId }) => createTopics(prefix).group(groupId));
    const numsub = (await testRedis.redis.pubsub('NUMSUB', ...channels)) as (string | number)[];
    expect(numsub.filter((_value, i) => i % 2 === 1).map(Number)).toEqual(channels.map(() => 0));
    expect(await channelsOfOurs()).toEqual([]);
    expect(t.gateway.ws!.stats()).toMatchObject({ sockets: 4, subscriptions: 0, starting: 0 });
    // The 4 sockets stay open throughout; idle HTTP keep-alive sockets and their timers of the setup may close meanwhile.
    expect(grownResources(resourcesBefore, activeResources())).toEqual({});
    const heapAfter = settledHeapBytes();
    expect(heapAfter).toBeLessThanOrEqual(heapBefore * (1 + HEAP_TOLERANCE));
    expect(heapAfter - heapBefore).toBeLessThan(HEAP_TOLERANCE_BYTES);
  });
});
