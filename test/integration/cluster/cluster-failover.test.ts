import type { LocalRedisCluster } from '../../helpers/local-redis-cluster';
import { startLocalRedisCluster } from '../../helpers/local-redis-cluster';
import { freshGroupId, postDelivery, postMeta, textMessagesDelivery } from '../../helpers/meta-deliveries';
import { createTestRedis, ownerOf, testClusterTarget, testRedisClusterNodes, uniquePrefix } from '../../helpers/redis';
import type { TestGateway } from '../../helpers/test-gateway';
import { startTestGateway } from '../../helpers/test-gateway';
import type { WsClient } from '../../helpers/ws-client';
import { openWsClient, subscribe } from '../../helpers/ws-client';

jest.setTimeout(120_000);

// Runs where the jest global setup could start a cluster (redis-server installed); this file starts its own, as it kills a node.
const describeOnCluster = testRedisClusterNodes() === null ? describe.skip : describe;

const BEFORE_KILL = 20;
const AFTER_FAILOVER = 20;
const MAX_DELIVERIES = 5_000;

const LIVE = `
  subscription Live($groupId: ID!, $after: String) {
    groupEvents(groupId: $groupId, after: $after) { id cursor ... on MessageReceivedEvent { messageId } }
  }`;
const LOG = `
  query Log($groupId: ID!, $after: String) {
    groupEvents(groupId: $groupId, after: $after, first: 500) {
      nodes { id cursor ... on MessageReceivedEvent { messageId } }
      pageInfo { hasNextPage endCursor }
    }
  }`;

interface Stored {
  id: string;
  cursor: string;
  messageId: string;
}

describeOnCluster('a Redis Cluster failover under a webhook stream', () => {
  const prefix = uniquePrefix('failover');
  let cluster: LocalRedisCluster;
  let a: TestGateway;
  let b: TestGateway;
  let ws: WsClient;

  beforeAll(async () => {
    cluster = await startLocalRedisCluster();
    const env = { REDIS_CLUSTER_NODES: cluster.seeds, REDIS_KEY_PREFIX: prefix };
    [a, b] = await Promise.all([startTestGateway({ env }), startTestGateway({ env })]);
    ws = openWsClient({ url: b.graphqlUrl });
  });
  afterAll(async () => {
    await ws?.dispose();
    await Promise.all([a?.dispose(), b?.dispose()]);
    await cluster?.stop();
  });

  it('keeps every acknowledged event, answers the others 503, and a live subscriber resumes with no gap and no duplicate', async () => {
    const busy = freshGroupId('busy');
    await postDelivery(a.url, textMessagesDelivery({ groupId: busy, count: 1, textBytes: 10 }).body);
    const [first] = await readLog(b.graphqlUrl, busy);
    const live = subscribe<Stored>(ws, { query: LIVE, variables: { groupId: busy, after: first!.cursor }, field: 'groupEvents' });

    // The master that owns the busy group's slot (its stream, its dedupe hash and its channel), and its replica.
    const probe = createTestRedis(prefix, testClusterTarget(cluster.seeds));
    const owner = await ownerOf(probe.redis, `${prefix}{g:${busy}}:h`);
    const ownerPort = owner.options.port!;
    await probe.redis.quit();
    const [replicaPort] = await cluster.replicasOf(ownerPort);
    expect(replicaPort).toBeDefined();
    let recovered: Promise<void> | null = null;

    const answered: { messageId: string; status: number }[] = [];
    let killedAt: number | null = null;
    const acceptedAfterKill = () => (killedAt === null ? 0 : answered.slice(killedAt).filter((delivery) => delivery.status === 200).length);
    while (acceptedAfterKill() < AFTER_FAILOVER) {
      if (answered.length >= MAX_DELIVERIES) throw new Error(`the cluster did not take writes again within ${MAX_DELIVERIES} deliveries`);
      const delivery = textMessagesDelivery({ groupId: busy, count: 1, textBytes: 20 });
      const response = await postMeta(a.url, delivery.body);
      await response.arrayBuffer();
      answered.push({ messageId: delivery.messageIds[0]!, status: response.status });
      if (killedAt === null && answered.filter((d) => d.status === 200).length === BEFORE_KILL) {
        cluster.kill(ownerPort);
        killedAt = answered.length;
        // Once the replica took over, the killed node comes back as its replica: until it is in sync, the new master
        // has no replica, WAIT (REDIS_WAIT_REPLICAS=1) cannot be satisfied and the webhooks are answered 503.
        recovered = (async () => {
          await cluster.waitForRole(replicaPort!, 'master');
          await cluster.restart(ownerPort);
          await cluster.waitForRole(ownerPort, 'replica in sync');
        })();
      }
    }
    await recovered;

    const refused = answered.filter((delivery) => delivery.status !== 200);
    // Between the kill and the old master's return as a replica, nothing could be confirmed on a replica: 503.
    expect(refused.length).toBeGreaterThan(0);
    expect(new Set(refused.map((delivery) => delivery.status))).toEqual(new Set([503]));
    const log = (await readLog(b.graphqlUrl, busy)).slice(1);
    const logged = new Set(log.map((event) => event.messageId));
    // Every acknowledged event is in the log (a refused one may be too: the provider retries it, and dedupe drops the copy).
    expect(answered.filter((delivery) => delivery.status === 200 && !logged.has(delivery.messageId))).toEqual([]);
    // The live subscriber got exactly the log, in log order: nothing lost across the failover, nothing twice.
    const received = await live.take(log.length);
    expect(received.map((event) => event.messageId)).toEqual(log.map((event) => event.messageId));
    live.stop();
  });
});

async function readLog(graphqlUrl: string, groupId: string): Promise<Stored[]> {
  const events: Stored[] = [];
  for (let after: string | null = null; ; ) {
    const response = await fetch(graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: LOG, variables: { groupId, after } }) });
    type Page = { nodes: Stored[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
    const body = (await response.json()) as { data?: { groupEvents: Page }; errors?: unknown };
    if (body.data === undefined || body.errors !== undefined) throw new Error(`Query.groupEvents failed: ${JSON.stringify(body)}`);
    events.push(...body.data.groupEvents.nodes);
    if (!body.data.groupEvents.pageInfo.hasNextPage) return events;
    after = body.data.groupEvents.pageInfo.endCursor;
  }
}
