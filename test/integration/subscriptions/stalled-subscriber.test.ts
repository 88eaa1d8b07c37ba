import type { EventStream } from '../../../src/events/event-stream';
import * as eventStreamModule from '../../../src/events/event-stream';
import { createTestRedis, testRedisUrl, uniquePrefix } from '../../helpers/redis';
import type { ProtocolMessage, RawWsClient } from '../../helpers/raw-ws-client';
import { connectAcked } from '../../helpers/raw-ws-client';
import { freshGroupId, postDelivery, postJoin, textMessagesDelivery } from '../../helpers/meta-deliveries';
import { storedEvents } from '../../helpers/stored-events';
import type { TestGateway } from '../../helpers/test-gateway';
import { startTestGateway } from '../../helpers/test-gateway';
import { settledHeapBytes } from '../../soak/helpers/process-footprint';
import { openWsClient, subscribe } from '../../helpers/ws-client';

jest.setTimeout(60_000);

const QUEUE_LIMIT = 20;
/** Each delivery: this many inbound texts of this many characters, so socket buffers fill after a few deliveries. */
const MESSAGES_PER_DELIVERY = 20;
const TEXT_BYTES = 32 * 1024;
/** Deliveries posted at most until the server cuts the subscriber (~40 MB; ~6 are needed here): a bound. */
const MAX_DELIVERIES = 64;
/** Deliveries posted once the subscriber was cut, while its socket stays stalled (~25 MB of events). */
const DELIVERIES_AFTER_CUT = 40;
const HEAP_GROWTH_LIMIT_BYTES = 4 * 1024 * 1024;

const LIVE = `subscription Live($groupId: ID!, $after: String) {
  groupEvents(groupId: $groupId, after: $after) { id cursor ... on MessageReceivedEvent { text } }
}`;

const IDS = 'subscription Ids($groupId: ID!, $after: String) { groupEvents(groupId: $groupId, after: $after) { id } }';

const TOO_SLOW_LOG = 'event subscriber too slow; stream ended and its queue released';

/** Every event stream the resolvers create, observed (not altered) to read their backlog. */
const streams: EventStream[] = [];
const createStream = eventStreamModule.createEventStream;
jest.spyOn(eventStreamModule, 'createEventStream').mockImplementation((options) => {
  const stream = createStream(options);
  streams.push(stream);
  return stream;
});

describe('a subscriber that stops reading its socket', () => {
  const prefix = uniquePrefix('subs-stall');
  const testRedis = createTestRedis(prefix);
  let t: TestGateway;
  let stalled: RawWsClient;

  beforeAll(async () => {
    // Keep-alive off: a paused socket answers no ping, and this test is about the queue, not the heartbeat.
    t = await startTestGateway({ env: { REDIS_URL: testRedisUrl(), REDIS_KEY_PREFIX: prefix, SUBSCRIBER_QUEUE_LIMIT: String(QUEUE_LIMIT), WS_KEEPALIVE_MS: '0' } });
  });
  afterAll(async () => {
    stalled?.socket.terminate();
    await t.dispose();
    await testRedis.dispose();
  });

  it('is ended with SUBSCRIBER_TOO_SLOW once more than SUBSCRIBER_QUEUE_LIMIT events wait, and the server memory stays flat while events keep flowing', async () => {
    const groupId = freshGroupId('stall');
    await postJoin(t.url, groupId, 0);
    await postJoin(t.url, groupId, 1);
    const [{ cursor: after }] = await storedEvents(t.graphqlUrl, groupId);
    stalled = await connectAcked(t.graphqlUrl.replace(/^http/, 'ws'));
    stalled.send({ id: 's', type: 'subscribe', payload: { query: LIVE, variables: { groupId, after } } });
    const first = await stalled.next(); // the replayed second join: from here on the stream is live
    expect(first).toMatchObject({ id: 's', type: 'next', payload: { data: { groupEvents: { cursor: expect.any(String) } } } });

    // The client stops reading: the kernel buffers fill, ws' write callback stops coming, graphql-ws stops pulling
    // (it awaits each send), and the stream's queue grows until it overflows. The stream then drops what it holds
    // and leaves the bus at once; the error itself waits in the socket, behind what the kernel holds, for the client.
    stalled.socket.pause();
    const heapBefore = settledHeapBytes();
    const channel = `${prefix}events:group:${groupId}`;
    const subscribers = async (): Promise<number> => Number(((await testRedis.redis.pubsub('NUMSUB', channel)) as (string | number)[])[1]);
    expect(await subscribers()).toBe(1);
    let deliveries = 0;
    let largestBacklog = 0;
    const post = async (): Promise<void> => {
      await postDelivery(t.url, textMessagesDelivery({ groupId, count: MESSAGES_PER_DELIVERY, textBytes: TEXT_BYTES }).body);
      deliveries++;
      largestBacklog = Math.max(largestBacklog, ...streams.map((stream) => stream.backlog.queued + stream.backlog.buffered));
    };
    // Posting is what fills the buffers: post until the server let go of the subscriber (bounded).
    while ((await subscribers()) > 0) {
      if (deliveries === MAX_DELIVERIES) throw new Error(`the stalled subscriber still holds ${channel} after ${deliveries} deliveries of ${MESSAGES_PER_DELIVERY} events`);
      await post();
    }
    const deliveriesToCut = deliveries;
    const heapAtCut = settledHeapBytes();

    // Events keep flowing to the group while the cut subscriber's socket is still stalled: nothing piles up for it.
    for (let i = 0; i < DELIVERIES_AFTER_CUT; i++) await post();
    const heapAfter = settledHeapBytes();
    expect(streams).toHaveLength(1);
    expect(largestBacklog).toBeGreaterThan(0);
    expect(largestBacklog).toBeLessThanOrEqual(QUEUE_LIMIT);
    expect(streams[0].backlog).toEqual({ queued: 0, buffered: 0 });
    // Until the cut the server holds at most the queue (20 events of 32 KB) and one message in ws; after it, nothing.
    expect(heapAtCut - heapBefore).toBeLessThan(HEAP_GROWTH_LIMIT_BYTES);
    expect(DELIVERIES_AFTER_CUT * MESSAGES_PER_DELIVERY * TEXT_BYTES).toBeGreaterThan(6 * HEAP_GROWTH_LIMIT_BYTES);
    expect(heapAfter - heapAtCut).toBeLessThan(HEAP_GROWTH_LIMIT_BYTES);
    // Operators hear of it when it happens, not when the stalled client reads its way to the error.
    const tooSlow = await t.waitForLog((line) => line.msg === TOO_SLOW_LOG);
    expect(tooSlow).toMatchObject({ level: 40, queueLimit: QUEUE_LIMIT, filter: { groupId } });

    // Reading again, the client gets what the server had sent, then the error, then complete.
    stalled.socket.resume();
    const messages: ProtocolMessage[] = [first];
    for (let message = await stalled.next(); message.type !== 'complete'; message = await stalled.next()) messages.push(message);
    const failure = messages.pop()!;
    const log = await storedEvents(t.graphqlUrl, groupId, after);
    const received = messages.map((message) => (message.payload as { data: { groupEvents: { id: string; cursor: string } } }).data.groupEvents);
    // A prefix of the log: in order, no gap.
    expect(received.map((event) => event.id)).toEqual(log.slice(0, received.length).map((event) => event.id));
    expect(failure).toMatchObject({
      id: 's',
      type: 'next',
      payload: { errors: [{ path: ['groupEvents'], extensions: { code: 'SUBSCRIBER_TOO_SLOW', queueLimit: QUEUE_LIMIT, resumeAfter: received.at(-1)!.cursor } }] },
    });
    expect(tooSlow).toMatchObject({ resumeAfter: received.at(-1)!.cursor });
    // What reached the client is what the kernel and ws held before the cut: far fewer than were posted by then.
    expect(received.length).toBeLessThan(deliveriesToCut * MESSAGES_PER_DELIVERY);
    expect(t.gateway.ws!.stats()).toMatchObject({ subscriptions: 0, starting: 0 });

    // The client resumes from resumeAfter and gets the rest exactly once.
    const client = openWsClient({ url: t.graphqlUrl });
    const resumed = subscribe<{ id: string }>(client, { query: IDS, variables: { groupId, after: received.at(-1)!.cursor }, field: 'groupEvents' });
    const rest = await resumed.take(log.length - received.length);
    expect([...received, ...rest].map((event) => event.id)).toEqual(log.map((event) => event.id));
    resumed.stop();
    await client.dispose();
  });
});
