import { createTestRedis, testRedisUrl, uniquePrefix, whenClosed, whenReady } from '../../helpers/redis';
import type { TcpProxy } from '../../helpers/tcp-proxy';
import { startTcpProxy } from '../../helpers/tcp-proxy';
import { startTestGateway } from '../../helpers/test-gateway';
import type { TestGateway } from '../../helpers/test-gateway';
import { participantJoinedDelivery, postMeta } from '../../helpers/meta-deliveries';

const REFUSED = 'webhook not stored; answering 503 so the provider retries';

describe('webhooks while Redis is unreachable', () => {
  const prefix = uniquePrefix('outage');
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

  it('answers 503 and turns /readyz 503, then stores the retried delivery once when Redis is back', async () => {
    const { groupId, body } = participantJoinedDelivery();
    const { commands, subscriber } = t.gateway.events!.redis!;
    await Promise.all([whenReady(commands), whenReady(subscriber)]); // the outage starts with both connections up
    const closed = Promise.all([whenClosed(commands), whenClosed(subscriber)]);
    await proxy.cut();
    await closed;

    const refused = await postMeta(t.url, body);
    expect(refused.status).toBe(503);
    const notReady = await fetch(`${t.url}/readyz`);
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toMatchObject({ status: 'unavailable', checks: { redis: expect.any(String) } });

    const busBack = new Promise<void>((resolve) => {
      const off = t.gateway.events!.bus.onReconnected!(() => {
        off();
        resolve();
      });
    });
    proxy.restore();
    // The provider retries; so do we, once the gateway's reconnect backoff (50 ms doubling, capped at 2 s) brought back
    // the connection the event log writes on (its ready check answered).
    await whenReady(commands);
    expect((await postMeta(t.url, body)).status).toBe(200);
    expect((await postMeta(t.url, body)).status).toBe(200); // a late duplicate retry
    const stored = await t.gateway.events!.log.read({ groupId, limit: 10 });
    expect(stored.events).toHaveLength(1);
    // The subscriber connection reconnects on its own schedule; once the bus confirmed its subscriptions, /readyz follows.
    await busBack;
    expect((await fetch(`${t.url}/readyz`)).status).toBe(200);
  }, 30_000);

  it('stores a sandbox webhook once after the sandbox retried it through the outage', async () => {
    const group = t.sandbox.control.state().groups.find((g) => g.joinApprovalMode === 'auto_approve' && !g.suspended);
    if (group === undefined) throw new Error('the sandbox seeds an auto_approve group');
    const outage = t.logs.length;
    await proxy.cut();
    t.sandbox.control.joinByInviteLink({ inviteLink: group.inviteLink ?? '', waId: '15559998888' });
    // Wait until the gateway refused the sandbox's delivery at least once, then bring Redis back.
    await t.waitForLog((line) => t.logs.indexOf(line) >= outage && line.msg === REFUSED);
    proxy.restore();
    await t.sandbox.webhooksIdle();
    const events = (await t.gateway.events!.log.read({ groupId: group.id, limit: 50 })).events;
    const joins = events.filter((e) => e.type === 'PARTICIPANTS_ADDED' && JSON.stringify(e.details).includes('15559998888'));
    expect(joins).toHaveLength(1);
  });
});
