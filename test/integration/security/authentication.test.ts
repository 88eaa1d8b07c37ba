import { writeFileSync } from 'node:fs';
import type { TestGateway } from '../../helpers/test-gateway';
import { startTestGateway } from '../../helpers/test-gateway';
import { participantJoinedDelivery, postMeta } from '../../helpers/meta-deliveries';
import type { KeyFileGateway } from '../../helpers/secure-gateway';
import { bearer, groupsOf, KEYS, startKeyFileGateway, startSecureGateway } from '../../helpers/secure-gateway';
import { openWsClient } from '../../helpers/ws-client';
import { SANDBOX_PHONE_A } from '../../helpers/constants';

const TYPENAME = '{ __typename }';
const LIVE = 'subscription($groupId: ID) { groupEvents(groupId: $groupId) { id type groupId } }';

describe('API key authentication over HTTP', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startSecureGateway();
  });
  afterAll(() => t.dispose());

  it.each([
    ['no Authorization header', {}, /Authentication required/],
    ['an unknown key', { authorization: 'Bearer wgg_nobody' }, /not valid/],
    ['a key in another scheme', { authorization: `Basic ${KEYS.admin.key}` }, /must be `Bearer <API key>`/],
  ])('answers %s with 401 UNAUTHENTICATED and a Bearer challenge', async (_what, headers, message) => {
    const response = await t.query(TYPENAME, {}, { headers });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="graphql"');
    expect(response.body.data).toBeUndefined();
    expect(response.body.errors).toEqual([expect.objectContaining({ message: expect.stringMatching(message), extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) })]);
  });

  it('answers a valid key, by POST and by GET', async () => {
    const post = await t.query('{ groups(first: 2) { nodes { id } } }', {}, { headers: bearer('admin') });
    expect(post.status).toBe(200);
    expect(post.body.data).toEqual({ groups: { nodes: groupsOf(t, SANDBOX_PHONE_A).slice(0, 2).map((id) => ({ id })) } });
    const get = await fetch(`${t.graphqlUrl}?query=${encodeURIComponent(TYPENAME)}`, { headers: { ...bearer('reader'), 'apollo-require-preflight': 'true' } });
    expect(get.status).toBe(200);
    expect(await get.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('keeps the probes and the webhook routes open (webhooks have their own signatures)', async () => {
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${t.url}/readyz`)).status).toBe(200);
    const delivered = await postMeta(t.url, participantJoinedDelivery().body);
    expect(delivered.status).toBe(200);
    expect(await delivered.json()).toEqual({ received: 1, stored: 1, duplicates: 0 });
    expect((await postMeta(t.url, participantJoinedDelivery().body, { secret: 'wrong' })).status).toBe(401);
  });

  it('refuses an operation type outside the key\'s scopes with FORBIDDEN, running nothing', async () => {
    const [groupId] = groupsOf(t, SANDBOX_PHONE_A);
    const before = t.sandbox.stats.requests.length;
    const response = await t.query('mutation($input: ResetInviteLinkInput!) { resetInviteLink(input: $input) { inviteLink } }', { input: { groupId } }, { headers: bearer('reader') });
    expect(response.status).toBe(200);
    expect(response.body.errors).toEqual([expect.objectContaining({ message: 'This API key may not run mutations: it lacks the "write" scope', extensions: expect.objectContaining({ code: 'FORBIDDEN', requiredScope: 'write' }) })]);
    expect(t.sandbox.stats.requests.length).toBe(before);
  });

  it('logs at start that authentication is on', () => {
    expect(t.logs).toContainEqual(expect.objectContaining({ auth: 'on', msg: expect.stringContaining('authentication is on (API keys required)') }));
  });
});

describe('API key authentication over WebSocket', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startSecureGateway();
  });
  afterAll(() => t.dispose());

  it.each([
    ['no connection_init payload key', {}],
    ['an unknown key', { authorization: 'Bearer wgg_nobody' }],
    ['a key that is not a string', { authorization: 42 }],
  ])('closes a connection with %s with 4401', async (_what, params) => {
    const client = openWsClient({ url: t.graphqlUrl, connectionParams: params, eager: true });
    const closed = await client.closed();
    expect(closed.code).toBe(4401);
    expect(closed.reason).toMatch(/Authentication required|not valid|must be a string/);
    await client.dispose();
  });

  it('accepts `authorization: Bearer <key>` in connection_init and runs subscriptions for keys with the subscribe scope', async () => {
    const [groupId] = groupsOf(t, SANDBOX_PHONE_A);
    const client = openWsClient({ url: t.graphqlUrl, connectionParams: bearer('admin'), eager: true });
    await client.connected();
    const live = client.run(LIVE, { groupId });
    const refused = openWsClient({ url: t.graphqlUrl, connectionParams: bearer('noSubscribe'), eager: true });
    await refused.connected();
    const denied = refused.run(LIVE, { groupId });
    expect(await denied.message(0)).toEqual({
      kind: 'next',
      result: { errors: [expect.objectContaining({ message: 'This API key may not run subscriptions: it lacks the "subscribe" scope', extensions: { code: 'FORBIDDEN', requiredScope: 'subscribe' } })] },
    });
    expect(await denied.message(1)).toEqual({ kind: 'complete' });
    // A stored event proves the allowed subscription is live.
    const query = await client.run('{ __typename }').message(0);
    expect(query).toEqual({ kind: 'next', result: { data: { __typename: 'Query' } } });
    t.sandbox.control.sendText({ groupId: groupId!, waId: '16505551234', text: 'hello' });
    expect(await live.message(0)).toEqual({ kind: 'next', result: { data: { groupEvents: expect.objectContaining({ type: 'MESSAGE_RECEIVED', groupId }) } } });
    live.stop();
    await Promise.all([client.dispose(), refused.dispose()]);
  });
});

describe('the API key file', () => {
  let keys: KeyFileGateway;
  let t: TestGateway;
  beforeAll(async () => {
    keys = await startKeyFileGateway(['admin', 'tenantA']);
    t = keys.t;
  });
  afterAll(() => keys.dispose());
  const reloaded = (count: number): Promise<void> => keys.reloaded(count);

  it('applies a revocation without a restart, and closes the revoked key\'s socket with 4403', async () => {
    const [groupId] = groupsOf(t, SANDBOX_PHONE_A);
    expect((await t.query(TYPENAME, {}, { headers: bearer('tenantA') })).status).toBe(200);
    const client = openWsClient({ url: t.graphqlUrl, connectionParams: bearer('tenantA'), eager: true });
    await client.connected();
    const live = client.run(LIVE, { groupId });
    expect(await client.run(TYPENAME).message(0)).toMatchObject({ kind: 'next' }); // the subscription above started first

    keys.writeKeys(['admin']);
    await reloaded(1);
    expect((await t.query(TYPENAME, {}, { headers: bearer('tenantA') })).status).toBe(401);
    expect((await t.query(TYPENAME, {}, { headers: bearer('admin') })).status).toBe(200);

    // The revoked key's socket is closed (4403) without waiting for an event, and its subscription with it.
    expect(await client.closed()).toMatchObject({ code: 4403, reason: 'Forbidden: the API key was revoked or has expired' });
    expect(await live.message(0)).toMatchObject({ kind: 'error' });
    await client.dispose();
  });

  it('keeps the previous keys when the file stops parsing', async () => {
    writeFileSync(keys.file, 'this is not json\n');
    // The broken file is reported; admin keeps working afterwards.
    await t.waitForLog((line) => line.msg === 'API key file changed but cannot be used; the previous keys stay in force');
    expect((await t.query(TYPENAME, {}, { headers: bearer('admin') })).status).toBe(200);
  });
});

describe('start-up', () => {
  it('refuses to start with authentication on and no key configured', async () => {
    await expect(startTestGateway({ env: { GATEWAY_AUTH: 'on' } })).rejects.toThrow(/GATEWAY_AUTH is on but no API key is configured/);
  });

  it('says in sandbox mode that the gateway is open by default', async () => {
    const t = await startTestGateway();
    expect(t.logs).toContainEqual(expect.objectContaining({ auth: 'off', msg: expect.stringContaining('authentication is off (open: no API key needed)') }));
    expect((await t.query(TYPENAME)).status).toBe(200);
    await t.dispose();
  });
});
