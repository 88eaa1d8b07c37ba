import type Redis from 'ioredis';
import { isCluster, keySlot } from '../../../src/events/redis-client';
import { SANDBOX_PHONE_A, SANDBOX_PHONE_B } from '../../helpers/constants';
import { freshGroupId, postDelivery, textMessagesDelivery } from '../../helpers/meta-deliveries';
import { createTestRedis, ownerOf, testClusterTarget, testRedisClusterNodes, transportSubscriberCount, uniquePrefix } from '../../helpers/redis';
import { storedEvents } from '../../helpers/stored-events';
import type { TestGateway } from '../../helpers/test-gateway';
import { startTestGateway } from '../../helpers/test-gateway';
import type { Recording, WsClient } from '../../helpers/ws-client';
import { openWsClient, subscribe } from '../../helpers/ws-client';

jest.setTimeout(120_000);

const seeds = testRedisClusterNodes();
// The local cluster exists when redis-server is installed (the jest global setup starts it); without it there is nothing to test.
const describeOnCluster = seeds === null ? describe.skip : describe;

const GROUPS = 200;
const EVENTS_PER_GROUP = 3;
const GROUP_SUBSCRIBERS = 20;

const LIVE = `
  subscription Live($groupId: ID, $phoneNumberId: ID, $after: String) {
    groupEvents(groupId: $groupId, phoneNumberId: $phoneNumberId, after: $after) {
      id cursor groupId phoneNumberId
      ... on MessageReceivedEvent { messageId }
    }
  }`;

interface LiveEvent {
  id: string;
  cursor: string;
  groupId: string;
  phoneNumberId: string;
  messageId: string;
}

describeOnCluster('two gateways on a Redis Cluster (sharded pub/sub)', () => {
  const prefix = uniquePrefix('cluster');
  const target = testClusterTarget(seeds ?? '');
  let a: TestGateway;
  let b: TestGateway;
  let ws: WsClient;
  let probe: ReturnType<typeof createTestRedis>;

  beforeAll(async () => {
    const env = { REDIS_CLUSTER_NODES: seeds ?? '', REDIS_KEY_PREFIX: prefix };
    [a, b] = await Promise.all([startTestGateway({ env }), startTestGateway({ env })]);
    ws = openWsClient({ url: b.graphqlUrl });
    probe = createTestRedis(prefix, target);
  });
  afterAll(async () => {
    await ws?.dispose();
    await Promise.all([a?.dispose(), b?.dispose()]);
    await probe?.dispose();
  });

  it('delivers every event a webhook stored on A once and in per-group order to subscribers on B, by group and by phone number, over sharded channels', async () => {
    expect(a.gateway.events?.redis?.kind).toBe('cluster');
    // A first event per phone number, so the subscriptions can start from a cursor: then they miss nothing, however long
    // they take to go live. A cursor continues the stream it came from: the phone's for a phone subscription, a group's
    // for that group's.
    const startOf = new Map<string, string>();
    for (const phone of [SANDBOX_PHONE_A, SANDBOX_PHONE_B]) {
      await postDelivery(a.url, textMessagesDelivery({ groupId: freshGroupId('cluster-warm'), count: 1, textBytes: 10, phoneNumberId: phone }).body);
      const phoneEvents = await phoneStreamEvents(b.graphqlUrl, phone);
      expect(phoneEvents).toHaveLength(1);
      startOf.set(phone, phoneEvents[0]!.cursor);
    }

    const groups = Array.from({ length: GROUPS }, (_, i) => ({ id: freshGroupId(`cluster-${i}`), phone: i % 2 === 0 ? SANDBOX_PHONE_A : SANDBOX_PHONE_B }));
    const byPhone = new Map<string, Recording<LiveEvent>>();
    for (const phone of [SANDBOX_PHONE_A, SANDBOX_PHONE_B]) {
      byPhone.set(phone, subscribe<LiveEvent>(ws, { query: LIVE, variables: { phoneNumberId: phone, after: startOf.get(phone) }, field: 'groupEvents' }));
    }
    // A group with no event yet has no cursor: its subscription starts live (confirmed before the webhooks are sent).
    const watched = groups.slice(0, GROUP_SUBSCRIBERS);
    const byGroup = watched.map((group) => subscribe<LiveEvent>(ws, { query: LIVE, variables: { groupId: group.id }, field: 'groupEvents' }));
    for (const channel of watched.map((group) => b.gateway.events!.topics.group(group.id))) {
      await untilRedis(async () => (await transportSubscriberCount(probe.redis, channel)) === 1, `${channel} subscribed`);
    }

    // The webhooks, all to A: EVENTS_PER_GROUP inbound texts per group, 8 deliveries in flight.
    const sent = new Map<string, string[]>();
    const pending = [...groups];
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let group = pending.shift(); group !== undefined; group = pending.shift()) {
          const delivery = textMessagesDelivery({ groupId: group.id, count: EVENTS_PER_GROUP, textBytes: 20, phoneNumberId: group.phone });
          sent.set(group.id, delivery.messageIds);
          await postDelivery(a.url, delivery.body);
        }
      }),
    );

    for (const phone of [SANDBOX_PHONE_A, SANDBOX_PHONE_B]) {
      const recording = byPhone.get(phone)!;
      // Strictly after the warm-up event's cursor: the warm-up itself is not replayed.
      const received = await recording.take((GROUPS / 2) * EVENTS_PER_GROUP);
      expect(new Set(received.map((event) => event.id)).size).toBe(received.length); // once
      for (const group of groups.filter((g) => g.phone === phone)) {
        expect(received.filter((event) => event.groupId === group.id).map((event) => event.messageId)).toEqual(sent.get(group.id)); // per-group order
      }
    }
    for (const [index, recording] of byGroup.entries()) {
      const items = await recording.take(EVENTS_PER_GROUP);
      expect(items.map((event) => event.messageId)).toEqual(sent.get(watched[index]!.id));
    }
    // Nothing more arrives than was sent: the stored log of a group holds exactly its events, and B read them.
    expect((await storedEvents(b.graphqlUrl, groups[GROUPS - 1]!.id)).length).toBe(EVENTS_PER_GROUP);

    // Sharded pub/sub: each channel is subscribed on the master that owns its slot (B's one sharded subscriber per channel).
    const topics = b.gateway.events!.topics;
    const channels = [topics.phoneNumber(SANDBOX_PHONE_A), topics.phoneNumber(SANDBOX_PHONE_B), ...watched.map((group) => topics.group(group.id))];
    for (const channel of channels) expect({ channel, subscribers: await transportSubscriberCount(probe.redis, channel) }).toEqual({ channel, subscribers: 1 });

    for (const recording of [...byPhone.values(), ...byGroup]) recording.stop();
    for (const channel of channels) await untilRedis(async () => (await transportSubscriberCount(probe.redis, channel)) === 0, `${channel} unsubscribed`);

    // The layout: a group's stream and dedupe hash in the group's slot, each phone number's index in its slot, so the
    // keys spread over every master (200 groups hash to slots all over the key space).
    const redis = probe.redis;
    if (!isCluster(redis)) throw new Error('expected the probe to be a Cluster client');
    const masters = redis.nodes('master');
    expect(masters).toHaveLength(3);
    const ours = async (node: Redis) => (await node.keys(`${prefix}*`)).length;
    const perMaster = await Promise.all(masters.map(ours));
    const dbSizes = await Promise.all(masters.map(async (node) => Number(await node.dbsize())));
    for (const [i, count] of perMaster.entries()) {
      // Each master holds at least a fifth of our keys: a group's keys (stream, dedupe hash) land where its slot is.
      expect({ master: i, share: count / perMaster.reduce((x, y) => x + y, 0) > 0.2 }).toEqual({ master: i, share: true });
      expect(dbSizes[i]).toBeGreaterThanOrEqual(count);
    }
    const homeKey = `${prefix}{g:${groups[0]!.id}}:h`;
    const owner = await ownerOf(redis, homeKey);
    // The stream and its dedupe hash of the day (two if the test ran across midnight UTC).
    expect(Number(await owner.call('CLUSTER', 'COUNTKEYSINSLOT', keySlot(homeKey)))).toBeGreaterThanOrEqual(2);
  });
});

async function phoneStreamEvents(graphqlUrl: string, phoneNumberId: string): Promise<{ id: string; cursor: string }[]> {
  const response = await fetch(graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'query Log($phone: ID!) { groupEvents(phoneNumberId: $phone, first: 100) { nodes { id cursor } } }', variables: { phone: phoneNumberId } }),
  });
  const body = (await response.json()) as { data?: { groupEvents: { nodes: { id: string; cursor: string }[] } }; errors?: unknown };
  if (body.data === undefined || body.errors !== undefined) throw new Error(`Query.groupEvents failed: ${JSON.stringify(body)}`);
  return body.data.groupEvents.nodes;
}


/** Re-asks Redis until `check` holds: an unsubscribe is confirmed to the subscriber, not to another connection. */
async function untilRedis(check: () => Promise<boolean>, what: string, attempts = 500): Promise<void> {
  for (let i = 0; i < attempts; i++) {
    if (await check()) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error(`gave up waiting for ${what}`);
}
