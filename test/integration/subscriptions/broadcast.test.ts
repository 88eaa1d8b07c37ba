import type { ProtocolMessage, RawWsClient } from '../../helpers/raw-ws-client';
import { connectAcked } from '../../helpers/raw-ws-client';
import { freshGroupId, postDelivery, textMessagesDelivery } from '../../helpers/meta-deliveries';
import type { TestGateway } from '../../helpers/test-gateway';
import { startTestGateway } from '../../helpers/test-gateway';

jest.setTimeout(60_000);

const LIVE = 'subscription Live($groupId: ID!) { groupEvents(groupId: $groupId) { id cursor ... on MessageReceivedEvent { text } } }';
const SOCKETS = 20;
const PER_SOCKET = 50; // 1,000 subscriptions in all
const QUEUE_LIMIT = 20;

interface LiveEvent {
  id: string;
  cursor: string;
  text?: string;
}

/** Every raw frame a socket receives, in order. */
function recordFrames(client: RawWsClient): string[] {
  const frames: string[] = [];
  client.socket.on('message', (data) => frames.push(String(data)));
  return frames;
}

describe('the broadcast path for equal subscriptions', () => {
  let t: TestGateway;
  let clients: RawWsClient[] = [];

  beforeAll(async () => {
    // Keep-alive off: the stalled socket answers no ping, and this is about its buffer, not the heartbeat.
    t = await startTestGateway({ env: { SUBSCRIBER_QUEUE_LIMIT: String(QUEUE_LIMIT), WS_KEEPALIVE_MS: '0' } });
  });
  afterEach(async () => {
    for (const client of clients) client.socket.resume();
    await Promise.all(clients.map(async (client) => (client.close(), client.closed)));
    clients = [];
    await until(() => t.gateway.ws!.stats().subscriptions === 0);
  });
  afterAll(async () => {
    await t.dispose();
  });

  it('sends an event to 1,000 equal subscriptions with one execution and one serialisation, as graphql-ws `next` frames', async () => {
    const groupId = freshGroupId('broadcast');
    clients = await Promise.all(Array.from({ length: SOCKETS }, () => connectAcked(t.graphqlUrl.replace(/^http/, 'ws'))));
    const frames = clients.map(recordFrames);
    for (const client of clients) {
      for (let i = 0; i < PER_SOCKET; i++) client.send({ id: `live-${i}`, type: 'subscribe', payload: { query: LIVE, variables: { groupId } } });
    }
    await until(() => t.gateway.ws!.stats().broadcast.members === SOCKETS * PER_SOCKET);
    expect(t.gateway.ws!.stats()).toMatchObject({ starting: 0, subscriptions: SOCKETS * PER_SOCKET, broadcast: { groups: 1 } });
    const before = t.gateway.ws!.stats().broadcast;

    await postDelivery(t.url, textMessagesDelivery({ groupId, count: 1, textBytes: 16 }).body);
    await until(() => frames.every((received) => received.length === PER_SOCKET));

    const after = t.gateway.ws!.stats().broadcast;
    expect(after.executions - before.executions).toBe(1);
    expect(after.serialisations - before.serialisations).toBe(1);
    expect(after.frames - before.frames).toBe(SOCKETS * PER_SOCKET);
    // Byte for byte what graphql-ws sends (`{id, type, payload}` in that order), one frame per subscription id.
    const [first] = frames[0]!;
    const { payload } = JSON.parse(first!) as { payload: { data: { groupEvents: LiveEvent } } };
    expect(payload.data.groupEvents).toMatchObject({ id: expect.any(String), cursor: expect.any(String), text: expect.any(String) });
    for (const received of frames) {
      expect([...received].sort()).toEqual(Array.from({ length: PER_SOCKET }, (_, i) => JSON.stringify({ id: `live-${i}`, type: 'next', payload })).sort());
    }
  });

  it('keeps a group running when its first member completes, and ends it with the last one', async () => {
    const groupId = freshGroupId('broadcast-leave');
    const client = await connectAcked(t.graphqlUrl.replace(/^http/, 'ws'));
    clients = [client];
    for (const id of ['a', 'b', 'c']) client.send({ id, type: 'subscribe', payload: { query: LIVE, variables: { groupId } } });
    await until(() => t.gateway.ws!.stats().broadcast.members === 3);
    client.send({ id: 'a', type: 'complete' });
    await until(() => t.gateway.ws!.stats().broadcast.members === 2);

    await postDelivery(t.url, textMessagesDelivery({ groupId, count: 1, textBytes: 16 }).body);
    const messages = [await client.next(), await client.next()];
    expect(messages.map((message) => message.id).sort()).toEqual(['b', 'c']);
    expect(messages.every((message) => message.type === 'next')).toBe(true);

    client.send({ id: 'b', type: 'complete' });
    client.send({ id: 'c', type: 'complete' });
    await until(() => t.gateway.ws!.stats().broadcast.groups === 0);
    expect(t.gateway.ws!.stats()).toMatchObject({ subscriptions: 0, broadcast: { members: 0 } });
  });

  it('ends a member whose socket holds more than SUBSCRIBER_QUEUE_LIMIT frames SUBSCRIBER_TOO_SLOW, and the others get every event', async () => {
    const groupId = freshGroupId('broadcast-stall');
    const [stalled, healthy] = (clients = [await connectAcked(t.graphqlUrl.replace(/^http/, 'ws')), await connectAcked(t.graphqlUrl.replace(/^http/, 'ws'))]);
    const healthyFrames = recordFrames(healthy!);
    stalled!.send({ id: 's', type: 'subscribe', payload: { query: LIVE, variables: { groupId } } });
    healthy!.send({ id: 'h', type: 'subscribe', payload: { query: LIVE, variables: { groupId } } });
    await until(() => t.gateway.ws!.stats().broadcast.members === 2);

    stalled!.socket.pause();
    // 20 texts of 32 KiB per delivery: the kernel buffers fill after a few, then ws' buffer grows past the limit.
    let posted = 0;
    while (t.gateway.ws!.stats().broadcast.members === 2) {
      if (posted === 64) throw new Error('the stalled member was not cut after 64 deliveries');
      await postDelivery(t.url, textMessagesDelivery({ groupId, count: 20, textBytes: 32 * 1024 }).body);
      posted++;
    }
    const tooSlow = await t.waitForLog((line) => line.msg === 'broadcast subscriber too slow; its subscription ended');
    expect(tooSlow).toMatchObject({ level: 40, queueLimit: QUEUE_LIMIT, operationId: 's' });
    // The group goes on for the healthy member.
    await postDelivery(t.url, textMessagesDelivery({ groupId, count: 1, textBytes: 16 }).body);
    await until(() => healthyFrames.length === posted * 20 + 1);

    // Reading again, the stalled client gets a prefix of the events in order, then the error, then complete.
    stalled!.socket.resume();
    const messages: ProtocolMessage[] = [];
    for (let message = await stalled!.next(); message.type !== 'complete'; message = await stalled!.next()) messages.push(message);
    const failure = messages.pop()!;
    const received = messages.map((message) => (message.payload as { data: { groupEvents: LiveEvent } }).data.groupEvents);
    const all = healthyFrames.map((frame) => (JSON.parse(frame) as { payload: { data: { groupEvents: LiveEvent } } }).payload.data.groupEvents);
    expect(received.length).toBeGreaterThan(0);
    expect(received.length).toBeLessThan(all.length);
    expect(received.map((event) => event.id)).toEqual(all.slice(0, received.length).map((event) => event.id));
    expect(failure).toMatchObject({
      id: 's',
      type: 'next',
      payload: { errors: [{ path: ['groupEvents'], extensions: { code: 'SUBSCRIBER_TOO_SLOW', queueLimit: QUEUE_LIMIT, resumeAfter: received.at(-1)!.cursor } }] },
    });
    expect(tooSlow).toMatchObject({ resumeAfter: received.at(-1)!.cursor });
  });
});

/** Resolves once `condition` holds, checking after every turn of the event loop. */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}
