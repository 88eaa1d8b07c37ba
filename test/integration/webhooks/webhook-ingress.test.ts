import { createHmac } from 'node:crypto';
import { createTestRedis, testRedisUrl, uniquePrefix } from '../../helpers/redis';
import { startTestGateway } from '../../helpers/test-gateway';
import type { TestGateway } from '../../helpers/test-gateway';
import { participantJoinedDelivery, postMeta } from '../../helpers/meta-deliveries';
import { SANDBOX_PHONE_A } from '../../helpers/constants';

const ENV = {
  WEBHOOK_VERIFY_TOKEN: 'verify-me',
  WHAPI_WEBHOOK_TOKEN: 'whapi-token',
  YCLOUD_WEBHOOK_SECRET: 'ycloud-secret',
};

async function storedFor(t: TestGateway, groupId: string) {
  const events = t.gateway.events;
  if (events === null) throw new Error('gateway not started');
  return (await events.log.read({ groupId, limit: 100 })).events;
}

const redisPrefix = uniquePrefix('ingress');

describe.each([
  ['in-memory event log', {}],
  ['Redis event log', { REDIS_URL: testRedisUrl(), REDIS_KEY_PREFIX: redisPrefix }],
])('webhook ingress over HTTP (%s)', (_name, extraEnv: Record<string, string>) => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway({ env: { ...ENV, ...extraEnv } });
  });
  afterAll(async () => {
    await t.dispose();
    if (extraEnv.REDIS_KEY_PREFIX !== undefined) await createTestRedis(extraEnv.REDIS_KEY_PREFIX).dispose();
  });

  it('stores a signed delivery and answers 200 only once it is in the log', async () => {
    const { groupId, body } = participantJoinedDelivery();
    const response = await postMeta(t.url, body);
    expect(response.status).toBe(200);
    const stored = await storedFor(t, groupId);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ type: 'PARTICIPANTS_ADDED', groupId, source: 'SANDBOX', phoneNumberId: SANDBOX_PHONE_A });
    expect(stored[0]?.cursor).toEqual(expect.any(String));
  });

  it('stores the same delivery posted three times once and publishes it once', async () => {
    const events = t.gateway.events!;
    const { groupId, body } = participantJoinedDelivery();
    const sentinel = participantJoinedDelivery({ groupId, waId: '19990000000', timestamp: 1755549999 });
    const received: string[] = [];
    let sawSentinel!: () => void;
    const sentinelArrived = new Promise<void>((resolve) => (sawSentinel = resolve));
    const unsubscribe = await events.bus.subscribe([events.topics.group(groupId)], (_channel, message) => {
      received.push(message);
      if (message.includes('19990000000')) sawSentinel();
    });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await postMeta(t.url, body)).status);
    expect(statuses).toEqual([200, 200, 200]);
    // A later, different event on the same channel: once it is here, anything earlier has been delivered too.
    expect((await postMeta(t.url, sentinel.body)).status).toBe(200);
    await sentinelArrived;
    await unsubscribe();
    expect(received).toHaveLength(2);
    expect(await storedFor(t, groupId)).toHaveLength(2);
    expect(t.gateway.ingress!.stats.duplicates).toBeGreaterThanOrEqual(2);
  });

  it.each([
    ['a forged signature', (_body: string) => ({ 'content-type': 'application/json', 'x-hub-signature-256': `sha256=${'0'.repeat(64)}` }), 401],
    ['no signature', () => ({ 'content-type': 'application/json' }), 401],
    ['a signature made with the wrong secret', (body: string) => ({ 'content-type': 'application/json', 'x-hub-signature-256': `sha256=${createHmac('sha256', 'not-the-secret').update(body).digest('hex')}` }), 401],
    ['a malformed signature header', () => ({ 'content-type': 'application/json', 'x-hub-signature-256': 'md5=abc' }), 401],
  ])('answers 401 for %s and stores nothing', async (_label, headersFor, status) => {
    const { groupId, body } = participantJoinedDelivery();
    const response = await postMeta(t.url, body, { headers: headersFor(body) });
    expect(response.status).toBe(status);
    expect(await storedFor(t, groupId)).toHaveLength(0);
  });

  it('answers 400 for a signed body that is not JSON, or not the envelope, and stores nothing', async () => {
    expect((await postMeta(t.url, '{"object": "whatsapp_business_account", "entry": [')).status).toBe(400);
    expect((await postMeta(t.url, JSON.stringify({ hello: 'world' }))).status).toBe(400);
    expect((await postMeta(t.url, '[]')).status).toBe(400);
    expect(t.gateway.ingress!.stats.rejected['400']).toBeGreaterThanOrEqual(3);
  });

  it('answers 413 for a body over 4 MiB without reading it all, and stores nothing', async () => {
    const { groupId, body } = participantJoinedDelivery();
    const padded = body.replace('"object"', `"padding":"${'x'.repeat(4 * 1024 * 1024)}","object"`);
    const response = await postMeta(t.url, padded);
    expect(response.status).toBe(413);
    expect(await storedFor(t, groupId)).toHaveLength(0);
  });

  it('accepts a body just under the limit', async () => {
    const { groupId, body } = participantJoinedDelivery();
    const padded = body.replace('"object"', `"padding":"${'x'.repeat(4 * 1024 * 1024 - body.length - 100)}","object"`);
    expect((await postMeta(t.url, padded)).status).toBe(200);
    expect(await storedFor(t, groupId)).toHaveLength(1);
  });

  it('answers the Meta handshake only with the right verify token', async () => {
    const ok = await fetch(`${t.url}/webhooks/meta?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=1158201444`);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('1158201444');
    const wrong = await fetch(`${t.url}/webhooks/meta?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1158201444`);
    expect(wrong.status).toBe(403);
  });

  it('verifies Whapi bearer tokens and YCloud signatures on their routes', async () => {
    const whapiBody = JSON.stringify({
      groups_participants: [{ group_id: '120363271212442249@g.us', participants: ['61280155346'], action: 'add' }],
      event: { type: 'groups', event: 'put' },
      channel_id: `CH-${process.pid}-${Date.now()}`,
    });
    const whapi = (auth: string) => fetch(`${t.url}/webhooks/whapi`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: auth }, body: whapiBody });
    expect((await whapi('Bearer wrong')).status).toBe(401);
    expect((await whapi('Bearer whapi-token')).status).toBe(200);

    const ycloudBody = JSON.stringify({
      id: `evt_${process.pid}_${Date.now()}`,
      type: 'whatsapp.group.status_update',
      apiVersion: 'v2',
      createTime: new Date().toISOString(),
      whatsappGroup: { phoneNumberId: '1234567890123456', field: 'group_status_update', type: 'group_suspend', status: 'suspended', groupId: '120363000000000000@g.us', webhookTime: new Date().toISOString() },
    });
    const ycloud = (secret: string, t0: number) => {
      const s = createHmac('sha256', secret).update(`${t0}.${ycloudBody}`).digest('hex');
      return fetch(`${t.url}/webhooks/ycloud`, { method: 'POST', headers: { 'content-type': 'application/json', 'ycloud-signature': `t=${t0},s=${s}` }, body: ycloudBody });
    };
    const now = Math.floor(Date.now() / 1000);
    expect((await ycloud('wrong', now)).status).toBe(401);
    expect((await ycloud('ycloud-secret', now - 3600)).status).toBe(401); // stale: outside the 5-minute window
    expect((await ycloud('ycloud-secret', now)).status).toBe(200);
  });

  it('answers 404 for a provider whose secret is not configured', async () => {
    const other = await startTestGateway({ env: { ...extraEnv } });
    try {
      const response = await fetch(`${other.url}/webhooks/whapi`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer x' }, body: '{}' });
      expect(response.status).toBe(404);
    } finally {
      await other.dispose();
    }
  });
});

describe('webhook-driven cache coherence', () => {
  it('shows a user who joined by invite link on the next query, without waiting for the cache TTL', async () => {
    const t = await startTestGateway({ env: { GROUP_CACHE_TTL_SECONDS: '3600' } });
    try {
      const group = t.sandbox.control.state().groups.find((g) => g.joinApprovalMode === 'auto_approve');
      if (group === undefined) throw new Error('the sandbox seeds an auto_approve group');
      const query = `query ($id: ID!) { group(id: $id) { id participants { waId } totalParticipantCount } }`;
      const before = await t.query<{ group: { participants: { waId: string }[] } }, { id: string }>(query, { id: group.id });
      // A second identical query is served from the cache: no upstream request.
      t.sandbox.stats.reset();
      await t.query(query, { id: group.id });
      expect(t.sandbox.stats.requests.filter((r) => r.method === 'GET' || r.path.endsWith('/'))).toHaveLength(0);

      const outcome = t.sandbox.control.joinByInviteLink({ inviteLink: group.inviteLink ?? '', waId: '15550001111' });
      expect(outcome).toMatchObject({ status: 'joined' });
      await t.sandbox.webhooksIdle();

      const after = await t.query<{ group: { participants: { waId: string }[] } }, { id: string }>(query, { id: group.id });
      expect(after.body.data?.group.participants.map((p) => p.waId)).toEqual([...(before.body.data?.group.participants.map((p) => p.waId) ?? []), '15550001111']);
    } finally {
      await t.dispose();
    }
  });
});
