import { createTestRedis, testRedisUrl, uniquePrefix } from '../../helpers/redis';
import type { GatewayProcess } from '../../helpers/test-gateway';
import { startTestGateway } from '../../helpers/test-gateway';
import { freshGroupId, postJoin } from '../../helpers/meta-deliveries';
import { storedEvents } from '../../helpers/stored-events';
import type { Recording, WsClient } from '../../helpers/ws-client';
import { openWsClient, subscribe } from '../../helpers/ws-client';

jest.setTimeout(45_000);

const LIVE = 'subscription Live($groupId: ID!, $after: String) { groupEvents(groupId: $groupId, after: $after) { id cursor type } }';

interface LiveEvent {
  id: string;
  cursor: string;
  type: string;
}

/** Gateways in their own processes, sharing one Redis (same URL and key prefix), each with its embedded sandbox. */
describe('gateway processes on one Redis', () => {
  const prefix = uniquePrefix('subs-procs');
  let a: GatewayProcess;
  let b: GatewayProcess;
  let c: GatewayProcess;
  const clients: WsClient[] = [];

  beforeAll(async () => {
    const env = { REDIS_URL: testRedisUrl(), REDIS_KEY_PREFIX: prefix, WS_KEEPALIVE_MS: '0' };
    [a, b, c] = await Promise.all([0, 1, 2].map(() => startTestGateway({ env, ownProcess: true })));
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    await Promise.all([a, b, c].map((gateway) => gateway?.kill('SIGKILL')));
    await createTestRedis(prefix).dispose();
  });

  const client = (options: Parameters<typeof openWsClient>[0]): WsClient => {
    const opened = openWsClient(options);
    clients.push(opened);
    return opened;
  };

  /**
   * Subscribes to `groupId` from `after` and waits for the event after it, which the replay delivers: once that
   * arrived the stream is live, so what follows reaches the subscriber through the bus, not the log.
   */
  async function liveSubscription(ws: WsClient, groupId: string, after: string, resumeByCursor = false): Promise<Recording<LiveEvent>> {
    const recording = subscribe<LiveEvent>(ws, { query: LIVE, variables: { groupId, after }, field: 'groupEvents', resumeByCursor });
    await recording.take(1);
    return recording;
  }

  /** Two events in the log of a new group; answers the group and the first one's cursor (the second is replayed). */
  async function seededGroup(label: string, via: GatewayProcess): Promise<{ groupId: string; after: string }> {
    const groupId = freshGroupId(label);
    await postJoin(via.url, groupId, 0);
    await postJoin(via.url, groupId, 1);
    const [first] = await storedEvents(via.graphqlUrl, groupId);
    return { groupId, after: first.cursor };
  }

  it('delivers a webhook posted to either process to the subscribers of both', async () => {
    const { groupId, after } = await seededGroup('both', a);
    const onA = await liveSubscription(client({ url: a.graphqlUrl }), groupId, after);
    const onB = await liveSubscription(client({ url: b.graphqlUrl }), groupId, after);

    await postJoin(a.url, groupId, 2);
    await postJoin(b.url, groupId, 3);

    const log = await storedEvents(b.graphqlUrl, groupId);
    expect(log).toHaveLength(4);
    const expected = log.slice(1).map((event) => event.id);
    expect((await onA.take(3)).map((event) => event.id)).toEqual(expected);
    expect((await onB.take(3)).map((event) => event.id)).toEqual(expected);
    onA.stop();
    onB.stop();
  });

  it('a subscriber whose process is SIGKILLed mid-stream resumes on the other process with its last cursor and gets every event exactly once, in order', async () => {
    const total = 60;
    const { groupId, after } = await seededGroup('killed', b);
    let target = a.graphqlUrl;
    // graphql-ws reconnects on an abnormal close and sends the subscription again, `after` = the last cursor seen.
    const resuming = client({ url: () => target, reconnects: 3 });
    const onA = await liveSubscription(resuming, groupId, after, true);
    const onB = await liveSubscription(client({ url: b.graphqlUrl }), groupId, after);

    let killed!: () => void;
    const aIsDead = new Promise<void>((resolve) => (killed = resolve));
    // Events keep coming, all to the survivor: some before the kill, some while the subscriber has no socket,
    // the rest while it replays from its cursor and after it went live again.
    const posting = (async () => {
      for (let i = 2; i < total + 2; i++) {
        if (i === 22) await aIsDead;
        if (i === 32) await resuming.connected(2);
        await postJoin(b.url, groupId, i);
      }
    })();

    await onA.take(11); // the replayed seed event + 10 live ones
    target = b.graphqlUrl;
    expect(await a.kill('SIGKILL')).toEqual({ code: null, signal: 'SIGKILL' });
    killed();
    expect((await resuming.closed(1)).code).toBe(1006);
    await posting;

    const log = (await storedEvents(b.graphqlUrl, groupId, after)).map((event) => event.id);
    expect(log).toHaveLength(total + 1);
    await onA.until(() => onA.items.at(-1)?.id === log.at(-1), 'the last logged event arrived');
    expect(onA.items.map((event) => event.id)).toEqual(log);
    expect((await onB.take(log.length)).map((event) => event.id)).toEqual(log);
    expect(resuming.closes).toHaveLength(1);
    onA.stop();
    onB.stop();
  });

  it('SIGTERM closes the sockets with 1001 and the process exits 0; the client reconnects to another process and resumes there', async () => {
    const { groupId, after } = await seededGroup('sigterm', b);
    let target = c.graphqlUrl;
    const resuming = client({ url: () => target, reconnects: 3 });
    const onC = await liveSubscription(resuming, groupId, after, true);

    target = b.graphqlUrl;
    const [exit, close] = await Promise.all([c.kill('SIGTERM'), resuming.closed(1)]);
    expect(close).toEqual({ code: 1001, reason: 'Going away' });
    expect(exit).toEqual({ code: 0, signal: null });
    expect(c.logs.map((entry) => entry.msg)).toEqual(expect.arrayContaining(['stopping gateway', 'gateway stopped']));

    await resuming.connected(2);
    await postJoin(b.url, groupId, 2);
    const log = (await storedEvents(b.graphqlUrl, groupId, after)).map((event) => event.id);
    expect((await onC.take(2)).map((event) => event.id)).toEqual(log);
    onC.stop();
  });
});
