import { SANDBOX_PHONE_A, SANDBOX_PHONE_B } from '../../helpers/constants';
import { clearsAll, executionsOf, nextResponseCacheChange, readCachesOf } from '../../helpers/read-caches';
import { createTestRedis, testRedisUrl, uniquePrefix, whenClosed, whenReady } from '../../helpers/redis';
import { bearer, groupsOf, startSecureGateway } from '../../helpers/secure-gateway';
import type { TcpProxy } from '../../helpers/tcp-proxy';
import { startTcpProxy } from '../../helpers/tcp-proxy';
import type { TestGateway } from '../../helpers/test-gateway';
import { startTestGateway } from '../../helpers/test-gateway';

const GROUP = 'query Group($id: ID!) { group(id: $id) { id subject } }';
const LIST = 'query { groups(first: 3) { edges { node { id } } } }';

describe('response cache: answers are never shared across API key scopes (HTTP, two keys)', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startSecureGateway();
  });
  afterAll(() => t.dispose());

  it("a group another key may read is cached for that key only: a key of another number still gets FORBIDDEN", async () => {
    const groupOfB = groupsOf(t, SANDBOX_PHONE_B)[0]!;
    const allowed = await t.query(GROUP, { id: groupOfB }, { headers: bearer('tenantAB') });
    expect(allowed.body.data).toMatchObject({ group: { id: groupOfB } });
    const executions = executionsOf(t.gateway);
    expect((await t.query(GROUP, { id: groupOfB }, { headers: bearer('tenantAB') })).body).toEqual(allowed.body);
    expect(executionsOf(t.gateway)).toBe(executions); // a hit for the same key

    const refused = await t.query(GROUP, { id: groupOfB }, { headers: bearer('tenantA') });
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(executionsOf(t.gateway)).toBe(executions + 1);
  });

  it('the same document and variables under two scopes are two answers, each executed once', async () => {
    const before = executionsOf(t.gateway);
    const forA = await t.query<{ groups: { edges: { node: { id: string } }[] } }>(LIST, {}, { headers: bearer('tenantA') });
    const forAdmin = await t.query(LIST, {}, { headers: bearer('admin') });
    expect(executionsOf(t.gateway)).toBe(before + 2);
    expect(forA.body.data?.groups.edges.map((edge) => edge.node.id)).toEqual(groupsOf(t, SANDBOX_PHONE_A).slice(0, 3));
    await t.query(LIST, {}, { headers: bearer('tenantA') });
    await t.query(LIST, {}, { headers: bearer('admin') });
    expect(executionsOf(t.gateway)).toBe(before + 2);
    expect(forAdmin.status).toBe(200);
  });

  it('no key, or a wrong one, is refused before the cache is asked', async () => {
    const groupOfA = groupsOf(t, SANDBOX_PHONE_A)[0]!;
    await t.query(GROUP, { id: groupOfA }, { headers: bearer('admin') });
    const anonymous = await t.query(GROUP, { id: groupOfA });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const wrong = await t.query(GROUP, { id: groupOfA }, { headers: { authorization: 'Bearer wgg_not-a-key' } });
    expect(wrong.status).toBe(401);
  });
});

describe('response cache: a bus reconnect empties it (it may have missed invalidations)', () => {
  const prefix = uniquePrefix('response-cache-bus');
  let proxy: TcpProxy;
  let t: TestGateway;

  beforeAll(async () => {
    const target = new URL(testRedisUrl());
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 6379) });
    t = await startTestGateway({ env: { REDIS_URL: proxy.url, REDIS_KEY_PREFIX: prefix } });
  });
  afterAll(async () => {
    await t.dispose();
    await proxy.dispose();
    await createTestRedis(prefix).dispose();
  }, 30_000);

  it('drops every entry once the bus is back, and the next query executes', async () => {
    const groupId = groupsOf(t, SANDBOX_PHONE_A)[0]!;
    await t.query(GROUP, { id: groupId });
    const executions = executionsOf(t.gateway);
    await t.query(GROUP, { id: groupId });
    expect(executionsOf(t.gateway)).toBe(executions);
    expect(readCachesOf(t.gateway).responses.stats.entries).toBeGreaterThan(0);

    const { commands, subscriber } = t.gateway.events!.redis!;
    await Promise.all([whenReady(commands), whenReady(subscriber)]);
    const closed = Promise.all([whenClosed(commands), whenClosed(subscriber)]);
    const cleared = nextResponseCacheChange(t.gateway, clearsAll);
    await proxy.cut();
    await closed;
    proxy.restore();
    await cleared;

    expect(readCachesOf(t.gateway).responses.stats.entries).toBe(0);
    expect(readCachesOf(t.gateway).invalidation.stats.reconnectClears).toBe(1);
    await t.query(GROUP, { id: groupId });
    expect(executionsOf(t.gateway)).toBe(executions + 1);
  });
});
