import type Redis from 'ioredis';
import type { EventStream } from '../../src/events/event-stream';
import * as eventStreamModule from '../../src/events/event-stream';
import { createTestRedis, testRedisUrl, uniquePrefix } from './redis';
import { freshGroupId, postDelivery, postJoin, textMessagesDelivery } from './meta-deliveries';
import type { ProtocolMessage, RawWsClient } from './raw-ws-client';
import { connectAcked } from './raw-ws-client';
import { storedEvents } from './stored-events';
import type { TestGateway } from './test-gateway';
import { startTestGateway } from './test-gateway';
import { createTopics } from '../../src/events/topics';

export const STALLED_LIVE = `subscription Live($groupId: ID!, $after: String) {
  groupEvents(groupId: $groupId, after: $after) { id cursor ... on MessageReceivedEvent { text } }
}`;

export interface StallOptions {
  t: TestGateway;
  /** A client of the gateway's Redis, to see when the server let go of the group's channel. */
  redis: Redis;
  /** The gateway's REDIS_KEY_PREFIX. */
  prefix: string;
  /** Every event stream the resolvers created (the test observes createEventStream to fill it). */
  streams: readonly EventStream[];
  /** Each delivery: this many inbound texts of this many characters, so socket buffers fill after a few deliveries. */
  messagesPerDelivery: number;
  textBytes: number;
  /** Deliveries posted at most until the server cuts the subscriber: a bound, not an expectation. */
  maxDeliveries: number;
}

export interface Stall {
  groupId: string;
  /** The cursor the subscription started after (the first of two seeded events). */
  after: string;
  /** The subscriber's raw socket, paused. */
  stalled: RawWsClient;
  /** The first message it read: the replayed second event, after which the stream was live. */
  first: ProtocolMessage;
  /** The group channel's subscribers in Redis right after the socket was paused. */
  subscribersWhenPaused: number;
  /** Deliveries it took until the server let go of the subscriber. */
  deliveriesToCut: number;
  /** The largest backlog (queued + buffered) any stream had after a delivery. */
  largestBacklog(): number;
  /** Posts one more delivery of texts to the group. */
  post(): Promise<void>;
}

/**
 * Subscribes a raw socket to a fresh group, stops reading it, and posts text deliveries until the server lets go of
 * the subscriber (its Redis channel has no subscriber left). `paused` runs right after the socket stopped reading.
 *
 * The client stops reading: the kernel buffers fill, ws' write callback stops coming, graphql-ws stops pulling (it
 * awaits each send), and the stream's queue grows until it overflows. The stream then drops what it holds and leaves
 * the bus at once; the error itself waits in the socket, behind what the kernel holds, for the client.
 */
export async function stallUntilCut(options: StallOptions, hooks: { paused?: () => void } = {}): Promise<Stall> {
  const { t, redis, prefix, streams } = options;
  const groupId = freshGroupId('stall');
  await postJoin(t.url, groupId, 0);
  await postJoin(t.url, groupId, 1);
  const [{ cursor: after }] = await storedEvents(t.graphqlUrl, groupId);
  const stalled = await connectAcked(t.graphqlUrl.replace(/^http/, 'ws'));
  stalled.send({ id: 's', type: 'subscribe', payload: { query: STALLED_LIVE, variables: { groupId, after } } });
  const first = await stalled.next(); // the replayed second join: from here on the stream is live

  stalled.socket.pause();
  hooks.paused?.();
  const channel = createTopics(prefix).group(groupId);
  const subscribers = async (): Promise<number> => Number(((await redis.pubsub('NUMSUB', channel)) as (string | number)[])[1]);
  const subscribersWhenPaused = await subscribers();
  let deliveries = 0;
  let largestBacklog = 0;
  const post = async (): Promise<void> => {
    await postDelivery(t.url, textMessagesDelivery({ groupId, count: options.messagesPerDelivery, textBytes: options.textBytes }).body);
    deliveries++;
    largestBacklog = Math.max(largestBacklog, ...streams.map((stream) => stream.backlog.queued + stream.backlog.buffered));
  };
  // Posting is what fills the buffers: post until the server let go of the subscriber (bounded).
  while ((await subscribers()) > 0) {
    if (deliveries === options.maxDeliveries) throw new Error(`the stalled subscriber still holds ${channel} after ${deliveries} deliveries of ${options.messagesPerDelivery} events`);
    await post();
  }
  return { groupId, after, stalled, first, subscribersWhenPaused, deliveriesToCut: deliveries, largestBacklog: () => largestBacklog, post };
}

/**
 * Every event stream the resolvers create from now on, observed (not altered) to read their backlog. Call it at the
 * top of a test file: jest.spyOn replaces createEventStream in that file's module registry.
 */
export function observeEventStreams(): EventStream[] {
  const streams: EventStream[] = [];
  const createStream = eventStreamModule.createEventStream;
  jest.spyOn(eventStreamModule, 'createEventStream').mockImplementation((options) => {
    const stream = createStream(options);
    streams.push(stream);
    return stream;
  });
  return streams;
}

/** A gateway on its own Redis prefix for a stalled subscriber: keep-alive off (a paused socket answers no ping). */
export interface StalledSubscriberSetup {
  readonly t: TestGateway;
  readonly redis: Redis;
  readonly prefix: string;
  /** The stall in progress, so teardown can end its socket. */
  stall: Stall | undefined;
}

/** Registers beforeAll/afterAll for a gateway with SUBSCRIBER_QUEUE_LIMIT = queueLimit; read its fields in tests. */
export function useStalledSubscriberGateway(name: string, queueLimit: number): StalledSubscriberSetup {
  const prefix = uniquePrefix(name);
  const testRedis = createTestRedis(prefix);
  let gateway: TestGateway | undefined;
  const setup: StalledSubscriberSetup = {
    get t() {
      if (gateway === undefined) throw new Error('useStalledSubscriberGateway: the gateway starts in beforeAll; read `t` inside a test');
      return gateway;
    },
    redis: testRedis.redis,
    prefix,
    stall: undefined,
  };
  beforeAll(async () => {
    gateway = await startTestGateway({ env: { REDIS_URL: testRedisUrl(), REDIS_KEY_PREFIX: prefix, SUBSCRIBER_QUEUE_LIMIT: String(queueLimit), WS_KEEPALIVE_MS: '0' } });
  });
  afterAll(async () => {
    setup.stall?.stalled.socket.terminate();
    await gateway?.dispose();
    await testRedis.dispose();
  });
  return setup;
}
