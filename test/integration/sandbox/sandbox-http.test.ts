import { createSandbox } from '../../../src/sandbox/sandbox';
import type { Sandbox } from '../../../src/sandbox/sandbox';
import { fakeJpeg } from '../../helpers/images';
import { firstItem, startWebhookReceiver } from '../../helpers/webhook-receiver';
import type { WebhookReceiver } from '../../helpers/webhook-receiver';
import { SANDBOX_PHONE_A, SANDBOX_PHONE_B } from '../../helpers/constants';

const TOKEN = 'it-token';
const SECRET = 'it-secret';
const AUTH = { authorization: `Bearer ${TOKEN}` };

let sandbox: Sandbox;
let receiver: WebhookReceiver;

beforeEach(async () => {
  receiver = await startWebhookReceiver(SECRET);
  sandbox = createSandbox({ accessToken: TOKEN, appSecret: SECRET, phoneNumberIds: [SANDBOX_PHONE_A, SANDBOX_PHONE_B], webhookRetry: { attempts: 2, baseDelayMs: 5 } });
  await sandbox.start();
});

afterEach(async () => {
  await sandbox.dispose();
  await receiver.dispose();
});

async function graph(method: string, path: string, init: { body?: RequestInit['body']; headers?: Record<string, string> } = {}): Promise<{ status: number; headers: Headers; body: Record<string, unknown> }> {
  const response = await fetch(`${sandbox.url}${path}`, { method, headers: { ...AUTH, ...init.headers }, ...(init.body === undefined ? {} : { body: init.body }) });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
}

async function control(method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${sandbox.url}/sandbox${path}`, { method, ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const groupIdOf = (subject: string): string => sandbox.control.state().groups.find((g) => g.subject === subject)!.id;

describe('sandbox over HTTP: the Graph side', () => {
  it('answers 401 with code 190 for a missing or wrong token, and accepts access_token as a parameter', async () => {
    const missing = await fetch(`${sandbox.url}/v23.0/${SANDBOX_PHONE_A}/groups`);
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toMatch(/^OAuth "Facebook Platform" "invalid_token"/);
    expect(((await missing.json()) as { error: { code: number; message: string } }).error).toMatchObject({ code: 190, message: '(#190) An access token is required to request this resource' });
    const wrong = await graph('GET', `/v24.0/${SANDBOX_PHONE_A}/groups`, { headers: { authorization: 'Bearer nope' } });
    expect([wrong.status, (wrong.body.error as { code: number }).code]).toEqual([401, 190]);
    const viaQuery = await fetch(`${sandbox.url}/v25.0/${SANDBOX_PHONE_A}/groups?access_token=${TOKEN}`);
    expect(viaQuery.status).toBe(200);
    expect(sandbox.stats.requests.every((r) => !('access_token' in r.query))).toBe(true);
  });

  it('follows absolute paging links as returned', async () => {
    const first = await graph('GET', `/v23.0/${SANDBOX_PHONE_A}/groups?limit=4`);
    const next = (first.body.paging as { next: string }).next;
    expect(next.startsWith(`${sandbox.url}/v23.0/${SANDBOX_PHONE_A}/groups?`)).toBe(true);
    const second = await fetch(next, { headers: AUTH });
    const body = (await second.json()) as { data: { groups: unknown[] }; paging: Record<string, unknown> };
    expect(body.data.groups).toHaveLength(2);
    expect(body.paging.next).toBeUndefined();
    expect(body.paging.previous).toEqual(expect.any(String));
  });

  it('answers malformed bodies with code 100 and a precise message', async () => {
    const badJson = await graph('POST', `/v23.0/${SANDBOX_PHONE_A}/groups`, { body: '{"subject":', headers: { 'content-type': 'application/json' } });
    expect([badJson.status, (badJson.body.error as { message: string }).message]).toEqual([400, '(#100) Invalid JSON in request body']);
    const xml = await graph('POST', `/v23.0/${SANDBOX_PHONE_A}/groups`, { body: '<x/>', headers: { 'content-type': 'application/xml' } });
    expect((xml.body.error as { message: string }).message).toMatch(/Unsupported Content-Type application\/xml/);
  });

  it('takes Graph’s classic form encoding, batch= included', async () => {
    const id = groupIdOf('Watch Enthusiasts');
    const form = new URLSearchParams({ batch: JSON.stringify([{ method: 'GET', relative_url: `${id}?fields=subject` }]), include_headers: 'false' });
    const result = await fetch(`${sandbox.url}/v23.0/`, { method: 'POST', headers: AUTH, body: form });
    expect(await result.json()).toEqual([{ code: 200, body: JSON.stringify({ messaging_product: 'whatsapp', id, subject: 'Watch Enthusiasts' }) }]);
    const created = await graph('POST', `/v23.0/${SANDBOX_PHONE_A}/groups`, { body: new URLSearchParams({ messaging_product: 'whatsapp', subject: 'Form made' }) });
    expect(created.body).toEqual({ messaging_product: 'whatsapp', request_id: expect.any(String) });
  });

  it('reads the JPEG size from multipart uploads', async () => {
    const id = groupIdOf('Watch Enthusiasts');
    const upload = async (bytes: Buffer) => {
      const form = new FormData();
      form.append('messaging_product', 'whatsapp');
      form.append('file', new Blob([bytes], { type: 'image/jpeg' }), 'p.jpg');
      return graph('POST', `/v23.0/${id}`, { body: form });
    };
    expect((await upload(fakeJpeg(300, 200))).body.error).toMatchObject({ code: 131209 });
    expect((await upload(fakeJpeg(191, 191))).body.error).toMatchObject({ code: 131210 });
    expect(await upload(fakeJpeg(192, 192))).toMatchObject({ status: 200, body: { success: true } });
  });

  it('answers 413 for bodies over its limit (by default room for a 100 MB document upload; here a small one)', async () => {
    const small = createSandbox({ accessToken: TOKEN, appSecret: SECRET, phoneNumberIds: [SANDBOX_PHONE_A], bodyLimitBytes: 1024 * 1024 });
    const { url } = await small.start();
    try {
      const huge = await fetch(`${url}/v23.0/${SANDBOX_PHONE_A}/groups`, { method: 'POST', headers: { ...AUTH, 'content-type': 'application/octet-stream' }, body: Buffer.alloc(1024 * 1024 + 1, 0x61) });
      expect(huge.status).toBe(413);
      expect(await huge.json()).toEqual({ error: { message: '(#100) Request body exceeds 1048576 bytes', type: 'OAuthException', code: 100 } });
    } finally {
      await small.dispose();
    }
  });
});

describe('sandbox over HTTP: /sandbox control routes', () => {
  it('shows state and stats, and resets stats', async () => {
    await graph('GET', `/v23.0/${SANDBOX_PHONE_A}/groups`);
    const state = await control('GET', '/state');
    expect((state.body.groups as unknown[]).length).toBe(8);
    const stats = await control('GET', '/stats');
    expect(stats.body).toMatchObject({ requests: [expect.objectContaining({ method: 'GET', path: `/v23.0/${SANDBOX_PHONE_A}/groups` })], inFlight: 0, maxInFlight: 1 });
    await control('POST', '/stats/reset');
    expect(sandbox.stats.requests).toHaveLength(0);
    const one = await control('GET', `/groups/${groupIdOf('VIP Early Access')}`);
    expect(one.body).toMatchObject({ subject: 'VIP Early Access', joinRequests: [expect.any(Object), expect.any(Object)] });
  });

  it('drives user actions whose webhooks reach the URL set at runtime', async () => {
    expect((await control('PUT', '/webhook-url', { url: receiver.url })).body).toEqual({ webhookUrl: receiver.url });
    const vip = groupIdOf('VIP Early Access');
    const watch = groupIdOf('Watch Enthusiasts');
    const link = sandbox.control.group(watch)!.inviteLink!;
    expect((await control('POST', '/join', { inviteLink: link, waId: '14155550199' })).body).toEqual({ status: 'joined', groupId: watch });
    const requested = await control('POST', '/join-requests', { groupId: vip, waId: '14155550199' });
    const joinRequestId = requested.body.joinRequestId as string;
    expect((await control('DELETE', `/groups/${vip}/join-requests/${encodeURIComponent(joinRequestId)}`)).status).toBe(200);
    expect((await control('POST', `/groups/${watch}/messages`, { waId: '14155550199', text: 'hi all' })).body).toEqual({ messageId: expect.stringMatching(/^wamid\./) });
    await control('POST', `/groups/${watch}/leave`, { waId: '14155550199' });
    await control('POST', `/groups/${watch}/suspend`);
    await control('POST', `/groups/${watch}/clear-suspension`);
    expect((await control('GET', '/webhooks/idle')).body).toEqual({ idle: true });
    expect(receiver.accepted.map((w) => firstItem(w).type ?? w.field)).toEqual([
      'group_participants_add',
      'group_join_request_created',
      'group_join_request_revoked',
      'messages',
      'group_participants_remove',
      'group_suspend',
      'group_suspend_cleared',
    ]);
  });

  it('arms failures and seeds groups over HTTP', async () => {
    expect((await control('POST', '/fail-next', { operation: 'getGroup', code: 131041 })).status).toBe(200);
    const failed = await graph('GET', `/v23.0/${groupIdOf('Watch Enthusiasts')}`);
    expect((failed.body.error as { code: number }).code).toBe(131041);
    expect((await control('POST', '/fail-next', { operation: 'getGroup', code: 1, async: true })).status).toBe(400);
    const seeded = await control('POST', '/seed', { phoneNumberId: SANDBOX_PHONE_A, count: 30 });
    expect((seeded.body.groupIds as string[]).length).toBe(30);
    expect(sandbox.control.state().phoneNumbers[0]!.groupCount).toBe(36);
  });

  it('answers refusals with 4xx and a reason', async () => {
    expect(await control('POST', '/join', { inviteLink: 'https://chat.whatsapp.com/AAAAAAAAAAAAAAAAAAAAAA', waId: '14155550199' })).toEqual({
      status: 404,
      body: { error: { message: expect.stringContaining('not the current link'), reason: 'not_found' } },
    });
    expect((await control('POST', `/groups/${groupIdOf('Watch Enthusiasts')}/clear-suspension`)).status).toBe(409);
    expect((await control('POST', '/join', { waId: 5 })).status).toBe(400);
    expect((await control('GET', '/nope')).status).toBe(404);
  });
});

describe('sandbox lifecycle', () => {
  it('has no url before start, refuses a second start, and frees its port on dispose', async () => {
    const fresh = createSandbox({ accessToken: 't', appSecret: 's', phoneNumberIds: ['1234567'], seed: false });
    expect(() => fresh.url).toThrow('Sandbox.url: expected a started sandbox, got one that is not listening; await sandbox.start() first');
    const { url } = await fresh.start();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await expect(fresh.start()).rejects.toThrow(/expected a new sandbox, got one that is started/);
    const emptyList = await fetch(`${url}/v23.0/1234567/groups`, { headers: { authorization: 'Bearer t' } });
    expect(await emptyList.json()).toEqual({ data: { groups: [] } });
    await fresh.dispose();
    await fresh.dispose();
    await expect(fetch(`${url}/v23.0/1234567/groups`)).rejects.toThrow();
  });

  it('rejects bad options with every problem listed', () => {
    expect(() => createSandbox({ accessToken: '', appSecret: '', phoneNumberIds: ['abc'], webhookUrl: 'ftp://x' })).toThrow(
      /accessToken[\s\S]*appSecret[\s\S]*phoneNumberIds: expected at least one numeric phone number id[\s\S]*webhookUrl/,
    );
  });
});
