import { createTestRedis, testRedisUrl, uniquePrefix } from '../../helpers/redis';
import type { TcpProxy } from '../../helpers/tcp-proxy';
import { startTcpProxy } from '../../helpers/tcp-proxy';
import { startTestGateway } from '../../helpers/test-gateway';
import type { TestGateway } from '../../helpers/test-gateway';
import { participantJoinedDelivery, postMeta } from '../../helpers/meta-deliveries';

/** Calls `attempt` until it returns `wanted` or 20 s pass (a provider's retry loop); returns the last answer. */
async function retryUntil<T>(attempt: () => Promise<T>, wanted: T): Promise<T> {
  const deadline = Date.now() + 20_000;
  let last = await attempt();
  while (last !== wanted && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20)); // no event marks a reconnect from outside the gateway
    last = await attempt();
  }
  return last;
}

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
    await proxy.cut();

    const refused = await postMeta(t.url, body);
    expect(refused.status).toBe(503);
    const notReady = await fetch(`${t.url}/readyz`);
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toMatchObject({ status: 'unavailable', checks: { redis: expect.any(String) } });

    proxy.restore();
    // The provider retries; so do we, until the reconnected log takes the delivery. The gateway's reconnect backoff
    // (50 ms doubling, capped at 2 s) decides when: poll the route rather than guess a delay.
    const status = await retryUntil(async () => (await postMeta(t.url, body)).status, 200);
    expect(status).toBe(200);
    expect((await postMeta(t.url, body)).status).toBe(200); // a late duplicate retry
    const stored = await t.gateway.events!.log.read({ groupId, limit: 10 });
    expect(stored.events).toHaveLength(1);
    // Both Redis connections (commands and subscriber) reconnect on their own schedule: readiness follows.
    expect(await retryUntil(async () => (await fetch(`${t.url}/readyz`)).status, 200)).toBe(200);
  }, 30_000);

  it('stores a sandbox webhook once after the sandbox retried it through the outage', async () => {
    const group = t.sandbox.control.state().groups.find((g) => g.joinApprovalMode === 'auto_approve' && !g.suspended);
    if (group === undefined) throw new Error('the sandbox seeds an auto_approve group');
    await proxy.cut();
    t.sandbox.control.joinByInviteLink({ inviteLink: group.inviteLink ?? '', waId: '15559998888' });
    // Wait until the sandbox has been refused at least once, then bring Redis back.
    while (!t.sandbox.stats.webhooks.some((w) => w.rawBody.includes('15559998888') && w.attempts >= 1 && w.lastError !== null)) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    proxy.restore();
    await t.sandbox.webhooksIdle();
    const events = (await t.gateway.events!.log.read({ groupId: group.id, limit: 50 })).events;
    const joins = events.filter((e) => e.type === 'PARTICIPANTS_ADDED' && JSON.stringify(e.details).includes('15559998888'));
    expect(joins).toHaveLength(1);
  });
});
