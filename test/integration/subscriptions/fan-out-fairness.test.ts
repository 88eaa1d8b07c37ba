import type { TestGateway } from '../../helpers/test-gateway';
import { startTestGateway } from '../../helpers/test-gateway';
import type { RawWsClient } from '../../helpers/raw-ws-client';
import { connectAcked } from '../../helpers/raw-ws-client';
import { participantJoinedDelivery, postMeta } from '../../helpers/meta-deliveries';
import { freshGroupId, postDelivery, textMessagesDelivery } from '../../helpers/meta-deliveries';

jest.setTimeout(60_000);

// One delivery: SOCKETS × EVENTS = 150,000 results to send, tens of KB per socket (within kernel buffers). The backlog
// must outlast several 100 ms slices (the other delivery needs a few turns to be read, stored and answered); with
// frames written straight to the sockets, 60,000 took only two or three.
const SOCKETS = 500;
const EVENTS = 300;
const LIVE = 'subscription($groupId: ID!) { groupEvents(groupId: $groupId) { id } }';

describe('webhooks during a fan-out backlog', () => {
  let t: TestGateway;
  let clients: RawWsClient[] = [];

  beforeAll(async () => {
    t = await startTestGateway();
  });
  afterAll(async () => {
    await Promise.all(clients.map(async (client) => (client.close(), client.closed)));
    await t.dispose();
  });

  it('are read and answered while the backlog drains, not after it', async () => {
    const groupId = freshGroupId('fairness');
    clients = await Promise.all(Array.from({ length: SOCKETS }, () => connectAcked(t.graphqlUrl.replace(/^http/, 'ws'))));
    const received = clients.map(() => 0);
    clients.forEach((client, index) => {
      client.socket.on('message', () => received[index]!++);
      client.send({ id: 'live', type: 'subscribe', payload: { query: LIVE, variables: { groupId } } });
    });
    // Every subscription is live once each socket has received a first event.
    await postDelivery(t.url, textMessagesDelivery({ groupId, count: 1, textBytes: 10 }).body);
    await until(() => received.every((count) => count >= 1));
    const before = t.gateway.ws!.stats().delivered;

    // A burst of EVENTS events for SOCKETS subscribers. The test (and its sockets) share the gateway's event loop:
    // the first event reaching a client proves the server handed the loop back during the burst at least once.
    void postDelivery(t.url, textMessagesDelivery({ groupId, count: EVENTS, textBytes: 10 }).body);
    await until(() => received.some((count) => count >= 2));
    // Another provider delivery now must be read, stored and answered between slices of the backlog.
    const other = participantJoinedDelivery({ groupId: freshGroupId('other') });
    expect((await postMeta(t.url, other.body)).status).toBe(200);
    const deliveredWhenAnswered = t.gateway.ws!.stats().delivered - before;

    await until(() => received.every((count) => count >= 1 + EVENTS));
    expect(t.gateway.ws!.stats().delivered - before).toBe(SOCKETS * EVENTS);
    expect(deliveredWhenAnswered).toBeLessThan(SOCKETS * EVENTS);
  });

  it('still puts deliveries first: a lone subscriber keeps up with deliveries posted as fast as they are answered', async () => {
    const groupId = freshGroupId('lone');
    const [client] = (clients = [...clients, await connectAcked(t.graphqlUrl.replace(/^http/, 'ws'))]).slice(-1);
    const messages: { type: string; payload?: { errors?: unknown } }[] = [];
    client!.socket.on('message', (data) => messages.push(JSON.parse(String(data)) as (typeof messages)[number]));
    client!.send({ id: 'lone', type: 'subscribe', payload: { query: LIVE, variables: { groupId } } });
    await postDelivery(t.url, textMessagesDelivery({ groupId, count: 1, textBytes: 10 }).body);
    await until(() => messages.length >= 1);

    // 40 deliveries of 100 events, 8 in flight at a time: 4,000 events, four times the subscriber's queue (1,000).
    const pending = Array.from({ length: 40 }, () => textMessagesDelivery({ groupId, count: 100, textBytes: 10 }).body);
    await Promise.all(Array.from({ length: 8 }, async () => {
      for (let body = pending.pop(); body !== undefined; body = pending.pop()) await postDelivery(t.url, body);
    }));
    await until(() => messages.length >= 1 + 4_000 || messages.some((message) => message.payload?.errors !== undefined));
    expect(messages.filter((message) => message.payload?.errors !== undefined)).toEqual([]);
    expect(messages).toHaveLength(1 + 4_000);
  });
});

/** Resolves once `condition` holds, checking after every turn of the event loop (the sockets' reads). */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}
