import type { RawWsClient } from '../../helpers/raw-ws-client';
import { connectAcked } from '../../helpers/raw-ws-client';
import { freshGroupId, postDelivery, textMessagesDelivery } from '../../helpers/meta-deliveries';
import type { TestGateway } from '../../helpers/test-gateway';
import { startTestGateway } from '../../helpers/test-gateway';

jest.setTimeout(60_000);

const LIVE = 'subscription Live($groupId: ID!, $after: String) { groupEvents(groupId: $groupId, after: $after) { id cursor } }';

interface Received {
  id: string;
  cursor: string;
}

/** The events of subscription `id` on a socket, in the order their frames arrived. */
function eventsOf(client: RawWsClient, id: string): Received[] {
  const events: Received[] = [];
  client.socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as { id?: string; type: string; payload?: { data?: { groupEvents: Received } } };
    if (message.id === id && message.type === 'next' && message.payload?.data !== undefined) events.push(message.payload.data.groupEvents);
  });
  return events;
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}

describe('a replaying subscription joins the broadcast group once it has caught up', () => {
  let t: TestGateway;
  let clients: RawWsClient[] = [];
  const wsUrl = (): string => t.graphqlUrl.replace(/^http/, 'ws');
  const broadcast = () => t.gateway.ws!.stats().broadcast;

  beforeAll(async () => {
    t = await startTestGateway({ env: { WS_KEEPALIVE_MS: '0' } });
  });
  afterEach(async () => {
    await Promise.all(clients.map(async (client) => (client.close(), client.closed)));
    clients = [];
    await until(() => t.gateway.ws!.stats().subscriptions === 0);
  });
  afterAll(async () => {
    await t.dispose();
  });

  it('replays from its cursor on its own, then gets later events from the group: each once, in order, one execution', async () => {
    const groupId = freshGroupId('catch-up');
    const [watcher, replayer] = (clients = await Promise.all([connectAcked(wsUrl()), connectAcked(wsUrl())]));
    const all = eventsOf(watcher!, 'live');
    watcher!.send({ id: 'live', type: 'subscribe', payload: { query: LIVE, variables: { groupId } } });
    await until(() => broadcast().members === 1);
    await postDelivery(t.url, textMessagesDelivery({ groupId, count: 3, textBytes: 8 }).body);
    await until(() => all.length === 3);

    const caughtUpBefore = broadcast().caughtUp;
    const replayed = eventsOf(replayer!, 'resume');
    replayer!.send({ id: 'resume', type: 'subscribe', payload: { query: LIVE, variables: { groupId, after: all[0]!.cursor } } });
    await until(() => replayed.length === 2 && broadcast().members === 2);
    expect(broadcast().caughtUp - caughtUpBefore).toBe(1);
    expect(broadcast().groups).toBe(1);

    const before = broadcast();
    await postDelivery(t.url, textMessagesDelivery({ groupId, count: 2, textBytes: 8 }).body);
    await until(() => all.length === 5 && replayed.length === 4);
    expect(replayed).toEqual(all.slice(1));
    // The two new events: one execution each for both subscribers, two frames each.
    expect(broadcast().executions - before.executions).toBe(2);
    expect(broadcast().frames - before.frames).toBe(4);
  });

  it('hands over while events keep arriving: no gap, no duplicate, order kept', async () => {
    const groupId = freshGroupId('catch-up-race');
    const [watcher, replayer] = (clients = await Promise.all([connectAcked(wsUrl()), connectAcked(wsUrl())]));
    const all = eventsOf(watcher!, 'live');
    watcher!.send({ id: 'live', type: 'subscribe', payload: { query: LIVE, variables: { groupId } } });
    await until(() => broadcast().members === 1);
    await postDelivery(t.url, textMessagesDelivery({ groupId, count: 5, textBytes: 8 }).body);
    await until(() => all.length === 5);

    // Deliveries of 1-3 events go on while the replaying subscription reads its part of the log and hands over.
    const caughtUpBefore = broadcast().caughtUp;
    const replayed = eventsOf(replayer!, 'resume');
    const DELIVERIES = 40;
    let posted = 5;
    const posting = (async () => {
      for (let i = 0; i < DELIVERIES; i++) {
        const count = 1 + (i % 3);
        await postDelivery(t.url, textMessagesDelivery({ groupId, count, textBytes: 8 }).body);
        posted += count;
        if (i === 2) replayer!.send({ id: 'resume', type: 'subscribe', payload: { query: LIVE, variables: { groupId, after: all[1]!.cursor } } });
      }
    })();
    await posting;
    await until(() => all.length === posted && replayed.length >= posted - 2);
    expect(replayed.map((event) => event.id)).toEqual(all.slice(2).map((event) => event.id));
    // It handed over (at the latest when graphql-ws asked for the result after the last event): a member now.
    await until(() => broadcast().members === 2);
    expect(broadcast().caughtUp - caughtUpBefore).toBe(1);
  });
});
