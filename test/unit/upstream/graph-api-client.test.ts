import { createSilentLogger } from '../../../src/lib/logger';
import { createGraphApiClient } from '../../../src/upstream/graph-api-client';
import type { GraphApiClientOptions } from '../../../src/upstream/graph-api-client';
import type { BatchRequest, GroupsApiClient } from '../../../src/upstream/types';
import { UpstreamError } from '../../../src/upstream/upstream-error';
import { createFakeFetch, graphError } from './fake-fetch';
import type { FakeAnswer, FakeFetch, RecordedCall } from './fake-fetch';
import { fixture } from './fixture';
import { SANDBOX_PHONE_A } from '../../helpers/constants';

const BASE = 'https://graph.example.test';
const GROUP = 'Y2FwaV9ncm91cDoxNzA1NTU1MDEzOToxMjAzNjM0MDQ2OTQyMzM4MjAZD';

let clients: GroupsApiClient[] = [];
afterEach(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  clients = [];
});

function setup(answer: (call: RecordedCall, index: number) => FakeAnswer | Promise<FakeAnswer>, overrides: Partial<GraphApiClientOptions> = {}): { client: GroupsApiClient; fake: FakeFetch; rateLimited: UpstreamError[] } {
  const fake = createFakeFetch(answer);
  const rateLimited: UpstreamError[] = [];
  const client = createGraphApiClient({
    baseUrl: BASE,
    apiVersion: 'v23.0',
    accessToken: 'tok-123',
    timeoutMs: 1_000,
    maxRetries: 2,
    retryBaseDelayMs: 1,
    maxRetryDelayMs: 5,
    logger: createSilentLogger(),
    fetch: fake.fetch,
    hooks: { onRateLimited: (error) => rateLimited.push(error) },
    ...overrides,
  });
  clients.push(client);
  return { client, fake, rateLimited };
}

const okJson = (json: unknown): FakeAnswer => ({ status: 200, json });

describe('createGraphApiClient: requests', () => {
  it('creates a group with bearer auth, the version segment and messaging_product', async () => {
    const { client, fake } = setup(() => okJson(fixture('create_group.response')));
    const result = await client.createGroup(SANDBOX_PHONE_A, { subject: 'Watchers', description: 'About watches', joinApprovalMode: 'approval_required' });
    expect(result).toEqual({ requestId: '106540352242922', groupId: null, inviteLink: null });
    const call = fake.calls[0]!;
    expect(call.method).toBe('POST');
    expect(call.url.href).toBe(`${BASE}/v23.0/${SANDBOX_PHONE_A}/groups`);
    expect(call.headers.authorization).toBe('Bearer tok-123');
    expect(call.headers['content-type']).toBe('application/json');
    expect(call.body).toEqual({ messaging_product: 'whatsapp', subject: 'Watchers', description: 'About watches', join_approval_mode: 'approval_required' });
  });

  it('lists groups with limit and cursor in the query', async () => {
    const { client, fake } = setup(() => okJson(fixture('list_groups.response')));
    const page = await client.listGroups(SANDBOX_PHONE_A, { limit: 2, after: 'abc' });
    expect(page.items).toHaveLength(2);
    expect(fake.calls[0]!.url.pathname).toBe(`/v23.0/${SANDBOX_PHONE_A}/groups`);
    expect(Object.fromEntries(fake.calls[0]!.url.searchParams)).toEqual({ limit: '2', after: 'abc' });
  });

  it('rejects an out-of-range limit and both cursors at once before any request', async () => {
    const { client, fake } = setup(() => okJson({}));
    await expect(client.listGroups(SANDBOX_PHONE_A, { limit: 0 })).rejects.toThrow('GroupsApi.listGroups: expected limit to be an integer from 1 to 1024, got 0');
    await expect(client.listJoinRequests(GROUP, { after: 'a', before: 'b' })).rejects.toThrow(TypeError);
    expect(fake.calls).toHaveLength(0);
  });

  it('gets a group with the de-duplicated fields list, and only id without fields', async () => {
    const { client, fake } = setup(() => okJson(fixture('get_group_info.response')));
    const group = await client.getGroup(GROUP, ['subject', 'participants', 'subject']);
    expect(group.subject).toBe('Artificial Intelligence Insights');
    expect(fake.calls[0]!.url.searchParams.get('fields')).toBe('subject,participants');
    await client.getGroup(GROUP, []);
    expect(fake.calls[1]!.url.search).toBe('');
  });

  it('updates settings as JSON, or as multipart with the picture in "file"', async () => {
    const { client, fake } = setup(() => ({ status: 200, text: '' }));
    expect(await client.updateGroupSettings(GROUP, { subject: 'New', description: '' })).toEqual({ success: true, requestId: null });
    expect(fake.calls[0]!.body).toEqual({ messaging_product: 'whatsapp', subject: 'New', description: '' });

    const bytes = Buffer.from([0xff, 0xd8, 0xff, 0xd9]);
    await client.updateGroupSettings(GROUP, { subject: 'Pic', profilePicture: { bytes, filename: 'square.jpg', mimeType: 'image/jpeg' } });
    const form = fake.calls[1]!.body as FormData;
    expect(form).toBeInstanceOf(FormData);
    expect(form.get('messaging_product')).toBe('whatsapp');
    expect(form.get('subject')).toBe('Pic');
    const file = form.get('file') as File;
    expect([file.name, file.type, file.size]).toEqual(['square.jpg', 'image/jpeg', 4]);
    expect(fake.calls[1]!.headers['content-type']).toBeUndefined();
    await expect(client.updateGroupSettings(GROUP, {})).rejects.toThrow('expected at least one of subject, description or profilePicture, got none');
  });

  it('deletes a group with no body and removes participants with a body', async () => {
    const { client, fake } = setup(() => okJson({ success: true }));
    expect(await client.deleteGroup(GROUP)).toEqual({ success: true, requestId: null });
    expect([fake.calls[0]!.method, fake.calls[0]!.url.pathname, fake.calls[0]!.body]).toEqual(['DELETE', `/v23.0/${GROUP}`, undefined]);
    await client.removeParticipants(GROUP, ['+16505551234', 'US.1']);
    expect([fake.calls[1]!.method, fake.calls[1]!.url.pathname]).toEqual(['DELETE', `/v23.0/${GROUP}/participants`]);
    expect(fake.calls[1]!.body).toEqual({ messaging_product: 'whatsapp', participants: [{ user: '+16505551234' }, { user: 'US.1' }] });
  });

  it('gets, resets and deletes the invite link', async () => {
    const { client, fake } = setup((call) => okJson(call.method === 'DELETE' ? fixture('delete_invite_link.response') : call.method === 'POST' ? fixture('reset_invite_link.response') : fixture('get_invite_link.response')));
    expect(await client.getInviteLink(GROUP)).toBe('https://chat.whatsapp.com/AbCdEfGhIjKlMnOpQrStUv');
    expect(await client.resetInviteLink(GROUP)).toBe('https://chat.whatsapp.com/ZyXwVuTsRqPoNmLkJiHgFe');
    expect(await client.deleteInviteLink(GROUP)).toEqual({ success: true, requestId: null });
    expect(fake.calls.map((c) => [c.method, c.url.pathname, c.body])).toEqual([
      ['GET', `/v23.0/${GROUP}/invite_link`, undefined],
      ['POST', `/v23.0/${GROUP}/invite_link`, { messaging_product: 'whatsapp' }],
      ['DELETE', `/v23.0/${GROUP}/invite_link`, { messaging_product: 'whatsapp' }],
    ]);
  });

  it('lists, approves and rejects join requests', async () => {
    const { client, fake } = setup((call) =>
      okJson(call.method === 'GET' ? fixture('list_join_requests.response') : call.method === 'POST' ? fixture('approve_join_requests.partial.response') : fixture('reject_join_requests.response')),
    );
    expect((await client.listJoinRequests(GROUP, { limit: 10 })).items).toHaveLength(1);
    expect((await client.approveJoinRequests(GROUP, ['a', 'b'])).failed).toHaveLength(1);
    expect((await client.rejectJoinRequests(GROUP, ['a'])).succeeded).toEqual(['MTY0NjcwNDM1OTU6MTIwMzYzNDA0Njk0MjMzODIw']);
    expect(fake.calls[0]!.url.searchParams.get('limit')).toBe('10');
    expect(fake.calls[1]!.body).toEqual({ messaging_product: 'whatsapp', join_requests: ['a', 'b'] });
    expect([fake.calls[2]!.method, fake.calls[2]!.body]).toEqual(['DELETE', { messaging_product: 'whatsapp', join_requests: ['a'] }]);
  });

  it('sends a group message and a pin, addressing fields always winning', async () => {
    const { client, fake } = setup(() => okJson(fixture('send_group_message.response')));
    const sent = await client.sendGroupMessage(SANDBOX_PHONE_A, GROUP, { type: 'text', text: { body: 'hi' }, to: 'someone-else', recipient_type: 'individual' });
    expect(sent.messageId).toMatch(/^wamid\./);
    expect(fake.calls[0]!.url.pathname).toBe(`/v23.0/${SANDBOX_PHONE_A}/messages`);
    expect(fake.calls[0]!.body).toEqual({ messaging_product: 'whatsapp', recipient_type: 'group', to: GROUP, type: 'text', text: { body: 'hi' } });
    await client.sendGroupMessage(SANDBOX_PHONE_A, GROUP, { type: 'pin', pin: { type: 'pin', message_id: 'wamid.X', expiration_days: 7 } });
    expect(fake.calls[1]!.body).toMatchObject({ type: 'pin', pin: { type: 'pin', message_id: 'wamid.X', expiration_days: 7 } });
  });

  it('sends the invite-link template 1:1 with the group id as a group_id parameter of the URL button or the body', async () => {
    const { client, fake } = setup(() => okJson({ messaging_product: 'whatsapp', contacts: [{ input: '14155550142', wa_id: '14155550142' }], messages: [{ id: 'wamid.INV' }] }));
    const request = { to: '14155550142', groupId: GROUP, name: 'group_invite_link', languageCode: 'en' };
    expect(await client.sendGroupInviteTemplate(SANDBOX_PHONE_A, { ...request, slot: { component: 'button', index: 0 } })).toEqual({ messageId: 'wamid.INV' });
    expect([fake.calls[0]!.method, fake.calls[0]!.url.pathname]).toEqual(['POST', `/v23.0/${SANDBOX_PHONE_A}/messages`]);
    expect(fake.calls[0]!.body).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '14155550142',
      type: 'template',
      template: { name: 'group_invite_link', language: { code: 'en' }, components: [{ type: 'button', sub_type: 'url', index: '0', parameters: [{ type: 'group_id', group_id: GROUP }] }] },
    });
    await client.sendGroupInviteTemplate(SANDBOX_PHONE_A, { ...request, slot: { component: 'body' } });
    expect((fake.calls[1]!.body as { template: unknown }).template).toEqual({ name: 'group_invite_link', language: { code: 'en' }, components: [{ type: 'body', parameters: [{ type: 'group_id', group_id: GROUP }] }] });
  });

  it('uploads media as multipart messaging_product, type and file, and reads the id; an answer without one is an error', async () => {
    const { client, fake } = setup((_call, index) => okJson(index === 0 ? { id: '1037543291543636' } : { success: true }));
    const bytes = Buffer.from('RIFF....WEBPVP8X');
    expect(await client.uploadMedia(SANDBOX_PHONE_A, { bytes, filename: 's.webp', mimeType: 'image/webp' })).toEqual({ mediaId: '1037543291543636' });
    expect([fake.calls[0]!.method, fake.calls[0]!.url.pathname]).toEqual(['POST', `/v23.0/${SANDBOX_PHONE_A}/media`]);
    const form = fake.calls[0]!.body as FormData;
    expect([form.get('messaging_product'), form.get('type')]).toEqual(['whatsapp', 'image/webp']);
    const file = form.get('file') as File;
    expect([file.name, file.type, file.size]).toEqual(['s.webp', 'image/webp', bytes.length]);
    await expect(client.uploadMedia(SANDBOX_PHONE_A, { bytes, filename: 's.webp', mimeType: 'image/webp' })).rejects.toBeInstanceOf(UpstreamError);
    expect(fake.calls).toHaveLength(2); // an upload is a write: never retried
  });
});

describe('createGraphApiClient: errors and retries', () => {
  it('maps an error envelope to an UpstreamError without retrying a 400', async () => {
    const { client, fake } = setup(() => ({ status: 400, json: graphError(131041, '(#131041) Group unknown') }));
    const error = await client.getGroup(GROUP, []).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({ code: 131041, httpStatus: 400, fbtraceId: 'Trace1', isNotFound: true });
    expect(fake.calls).toHaveLength(1);
  });

  it('retries a read on 5xx and succeeds', async () => {
    const { client, fake } = setup((_, i) => (i < 2 ? { status: 503, text: 'unavailable' } : okJson(fixture('get_invite_link.response'))));
    expect(await client.getInviteLink(GROUP)).toBe('https://chat.whatsapp.com/AbCdEfGhIjKlMnOpQrStUv');
    expect(fake.calls).toHaveLength(3);
  });

  it('gives up after maxRetries and surfaces the last error', async () => {
    const { client, fake } = setup(() => ({ status: 500, json: graphError(1) }));
    await expect(client.listGroups(SANDBOX_PHONE_A, {})).rejects.toMatchObject({ code: 1, httpStatus: 500, isUnavailable: true });
    expect(fake.calls).toHaveLength(3);
  });

  it('retries network failures and timeouts of reads', async () => {
    const flaky = setup((_, i) => (i === 0 ? { networkError: 'ECONNRESET' } : okJson(fixture('get_group_info.default_fields.response'))));
    expect((await flaky.client.getGroup(GROUP, [])).id).toBe(GROUP);
    expect(flaky.fake.calls).toHaveLength(2);

    const slow = setup(() => ({ hang: true }), { timeoutMs: 15, maxRetries: 1 });
    const error = await slow.client.getGroup(GROUP, []).catch((e: unknown) => e);
    expect(error).toMatchObject({ httpStatus: null, isTransient: true, isUnavailable: true });
    expect((error as Error).message).toBe(`Graph API did not answer GET /${GROUP} within 15 ms`);
    expect(slow.fake.calls).toHaveLength(2);
  });

  it('never retries a write, whatever the failure', async () => {
    for (const answer of [{ status: 503, text: '' }, { networkError: 'ECONNREFUSED' }, { status: 429, json: graphError(130429) }] as FakeAnswer[]) {
      const { client, fake } = setup(() => answer);
      await expect(client.createGroup(SANDBOX_PHONE_A, { subject: 'x' })).rejects.toBeInstanceOf(UpstreamError);
      await expect(client.sendGroupMessage(SANDBOX_PHONE_A, GROUP, { type: 'text', text: { body: 'x' } })).rejects.toBeInstanceOf(UpstreamError);
      expect(fake.calls).toHaveLength(2);
    }
  });

  it('retries rate limits, reports each to onRateLimited, and surfaces retryAfterSeconds', async () => {
    const { client, fake, rateLimited } = setup(() => ({ status: 429, json: graphError(130429, '(#130429) Rate limit hit'), headers: { 'retry-after': '1' } }), { maxRetryDelayMs: 1_000, random: () => 0 });
    const error = await client.listJoinRequests(GROUP, {}).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 130429, httpStatus: 429, retryAfterSeconds: 1, isRateLimited: true });
    expect(fake.calls).toHaveLength(3);
    expect(rateLimited.map((e) => e.code)).toEqual([130429, 130429, 130429]);
  });

  it('does not retry when Retry-After asks for longer than the longest backoff wait: the throttle is answered at once', async () => {
    const { client, fake, rateLimited } = setup(() => ({ status: 400, json: graphError(80007, '(#80007) Rate limit hit'), headers: { 'retry-after': '120' } }), { maxRetryDelayMs: 10_000 });
    const error = await client.getGroup(GROUP, []).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 80007, retryAfterSeconds: 120, isRateLimited: true });
    expect(fake.calls).toHaveLength(1);
    expect(rateLimited).toHaveLength(1);
  });

  it('retries each documented rate-limit code but not the spam limit 131048', async () => {
    for (const code of [4, 80007, 131056, 131208]) {
      const { client, fake } = setup((_, i) => (i === 0 ? { status: 400, json: graphError(code) } : okJson(fixture('get_invite_link.response'))));
      await client.getInviteLink(GROUP);
      expect(fake.calls).toHaveLength(2);
    }
    const spam = setup(() => ({ status: 400, json: graphError(131048) }));
    await expect(spam.client.getInviteLink(GROUP)).rejects.toMatchObject({ code: 131048 });
    expect(spam.fake.calls).toHaveLength(1);
    expect(spam.rateLimited).toHaveLength(1);
  });

  it('keeps working when onRateLimited throws', async () => {
    const { client } = setup(() => ({ status: 429, json: graphError(4) }), { maxRetries: 0, hooks: { onRateLimited: () => { throw new Error('metrics down'); } } });
    await expect(client.getInviteLink(GROUP)).rejects.toMatchObject({ code: 4 });
  });

  it('tells a view\'s hooks about that view\'s throttles only, and the client\'s hooks about every one', async () => {
    const throttledBatch = okJson([{ code: 429, body: JSON.stringify(graphError(130429)) }]);
    const { client, rateLimited } = setup((call) => (call.url.pathname === '/v23.0/' ? throttledBatch : { status: 429, json: graphError(4) }), { maxRetries: 0 });
    const heardByA: number[] = [];
    const heardByB: number[] = [];
    const viewA = client.withHooks({ onRateLimited: (error) => heardByA.push(error.code ?? 0) });
    const viewB = client.withHooks({
      onRateLimited: (error) => {
        heardByB.push(error.code ?? 0);
        throw new Error('a caller\'s hook failing');
      },
    });

    await expect(viewA.getInviteLink(GROUP)).rejects.toMatchObject({ code: 4 });
    await expect(viewB.getGroups(['g1'], ['subject'], { mode: 'batch', concurrency: 1 })).resolves.toEqual([expect.objectContaining({ code: 130429 })]);
    await expect(client.getInviteLink(GROUP)).rejects.toMatchObject({ code: 4 });

    expect(heardByA).toEqual([4]);
    expect(heardByB).toEqual([130429]);
    expect(rateLimited.map((e) => e.code)).toEqual([4, 130429, 4]);
  });
});

describe('createGraphApiClient: batch and getGroups', () => {
  const groupBody = (id: string) => JSON.stringify({ messaging_product: 'whatsapp', id, subject: `S-${id}` });
  /** Answers each sub-request by id; ids starting with "missing" get 131041. */
  const batchAnswer = (call: RecordedCall): FakeAnswer => {
    const batch = (call.body as { batch: { relative_url: string }[] }).batch;
    return okJson(
      batch.map((item) => {
        const id = decodeURIComponent(item.relative_url.split('?')[0]!);
        return id.startsWith('missing') ? { code: 400, body: JSON.stringify(graphError(131041)) } : { code: 200, body: groupBody(id) };
      }),
    );
  };

  it('sends one POST to the version root with the batch JSON and maps every item, null included', async () => {
    const { client, fake } = setup(() => okJson(fixture('batch.response')));
    const requests: BatchRequest[] = [
      { method: 'GET', relativeUrl: `/${GROUP}?fields=subject` },
      { method: 'GET', relativeUrl: 'missing' },
      { method: 'POST', relativeUrl: `${GROUP}/invite_link`, body: 'messaging_product=whatsapp' },
    ];
    const items = await client.batch(requests);
    expect(fake.calls[0]!.url.href).toBe(`${BASE}/v23.0/`);
    expect(fake.calls[0]!.body).toEqual({
      batch: [
        { method: 'GET', relative_url: `${GROUP}?fields=subject` },
        { method: 'GET', relative_url: 'missing' },
        { method: 'POST', relative_url: `${GROUP}/invite_link`, body: 'messaging_product=whatsapp' },
      ],
      include_headers: false,
    });
    expect(items[0]).toEqual({ ok: true, status: 200, body: { messaging_product: 'whatsapp', id: GROUP, subject: 'Watch Enthusiasts' } });
    expect(items[1]).toMatchObject({ ok: false, status: 400, error: { code: 131041, details: 'Group does not exist', fbtraceId: 'AbC' } });
    expect(items[2]).toMatchObject({ ok: false, status: 504, error: { httpStatus: null, isTransient: true } });
  });

  it('refuses more than 50 sub-requests with a TypeError that says how to fix it', async () => {
    const { client, fake } = setup(() => okJson([]));
    const requests = Array.from({ length: 51 }, (): BatchRequest => ({ method: 'GET', relativeUrl: 'x' }));
    await expect(client.batch(requests)).rejects.toThrow(new TypeError('GroupsApi.batch: expected at most 50 sub-requests, got 51; split them into chunks of 50 (getGroups does this for you)'));
    expect(fake.calls).toHaveLength(0);
  });

  it('retries a batch made only of GETs, never one holding a write', async () => {
    const reads = setup((call, i) => (i === 0 ? { status: 503, text: '' } : batchAnswer(call)));
    await reads.client.batch([{ method: 'GET', relativeUrl: 'g1' }]);
    expect(reads.fake.calls).toHaveLength(2);
    const writes = setup(() => ({ status: 503, text: '' }));
    await expect(writes.client.batch([{ method: 'GET', relativeUrl: 'g1' }, { method: 'DELETE', relativeUrl: 'g2' }])).rejects.toMatchObject({ httpStatus: 503 });
    expect(writes.fake.calls).toHaveLength(1);
  });

  it('calls onRateLimited for rate-limited sub-responses', async () => {
    const { client, rateLimited } = setup(() => okJson([{ code: 429, body: JSON.stringify(graphError(130429)) }]));
    const [item] = await client.batch([{ method: 'GET', relativeUrl: 'g1' }]);
    expect(item).toMatchObject({ ok: false, error: { code: 130429 } });
    expect(rateLimited).toHaveLength(1);
  });

  it('getGroups in batch mode: chunks of 50, aligned results, a per-item error for unknown ids', async () => {
    const { client, fake } = setup(batchAnswer);
    const ids = Array.from({ length: 120 }, (_, i) => (i === 77 ? 'missing-77' : `g${i}`));
    const results = await client.getGroups(ids, ['subject'], { mode: 'batch', concurrency: 8 });
    expect(fake.calls).toHaveLength(3);
    expect(fake.calls.map((c) => (c.body as { batch: unknown[] }).batch.length)).toEqual([50, 50, 20]);
    expect(results).toHaveLength(120);
    expect(results[0]).toEqual({ id: 'g0', subject: 'S-g0' });
    expect(results[119]).toEqual({ id: 'g119', subject: 'S-g119' });
    expect(results[77]).toBeInstanceOf(UpstreamError);
    expect(results[77]).toMatchObject({ code: 131041 });
    expect((fake.calls[0]!.body as { batch: { relative_url: string }[] }).batch[0]!.relative_url).toBe('g0?fields=subject');
  });

  it('callers that share one flight share one parse: two views asking for the same groups at once get the same objects, and each view still hears its own throttles', async () => {
    let release: () => void = () => undefined;
    const answered = new Promise<void>((resolve) => (release = resolve));
    const { client, fake } = setup(async (call) => {
      await answered;
      return batchAnswer(call);
    });
    const heard: string[] = [];
    const viewA = client.withHooks({ onRateLimited: () => heard.push('a') });
    const viewB = client.withHooks({ onRateLimited: () => heard.push('b') });
    const first = viewA.getGroups(['g1', 'g2'], ['subject'], { mode: 'batch', concurrency: 1 });
    const second = viewB.getGroups(['g1', 'g2'], ['subject'], { mode: 'batch', concurrency: 1 });
    release();
    const [a, b] = await Promise.all([first, second]);
    expect(fake.calls).toHaveLength(1);
    expect(a).toEqual([{ id: 'g1', subject: 'S-g1' }, { id: 'g2', subject: 'S-g2' }]);
    // One parse, handed to both callers (nothing downstream changes a parsed group).
    expect(b[0]).toBe(a[0]);
    expect(b[1]).toBe(a[1]);
    expect(heard).toEqual([]);

    // A shared answer with a throttled item: each caller's own view hears it.
    const throttled = setup(async () => {
      await Promise.resolve();
      return okJson([{ code: 429, body: JSON.stringify(graphError(130429)) }]);
    });
    const heardThrottle: string[] = [];
    const viewC = throttled.client.withHooks({ onRateLimited: () => heardThrottle.push('c') });
    const viewD = throttled.client.withHooks({ onRateLimited: () => heardThrottle.push('d') });
    await Promise.all([viewC.batch([{ method: 'GET', relativeUrl: 'g1' }]), viewD.batch([{ method: 'GET', relativeUrl: 'g1' }])]);
    expect(throttled.fake.calls).toHaveLength(1);
    expect(heardThrottle.sort()).toEqual(['c', 'd']);
  });

  it('getGroups gives every id of a failed chunk that chunk’s error', async () => {
    const { client } = setup((call, i) => (i === 0 ? { status: 400, json: graphError(100, '(#100) bad batch') } : batchAnswer(call)));
    const ids = Array.from({ length: 60 }, (_, i) => `g${i}`);
    const results = await client.getGroups(ids, [], { mode: 'batch', concurrency: 1 });
    expect(results.slice(0, 50).every((r) => r instanceof UpstreamError && r.code === 100)).toBe(true);
    expect(results.slice(50)).toEqual(ids.slice(50).map((id) => ({ id })));
  });

  it('getGroups in parallel mode: single GETs with at most `concurrency` in flight', async () => {
    const { client, fake } = setup((call) => {
      const id = decodeURIComponent(call.url.pathname.split('/').pop()!);
      return id.startsWith('missing') ? { status: 400, json: graphError(131041) } : okJson({ id, subject: `S-${id}` });
    });
    const ids = Array.from({ length: 20 }, (_, i) => (i === 3 ? 'missing' : `g${i}`));
    const results = await client.getGroups(ids, ['subject'], { mode: 'parallel', concurrency: 4 });
    expect(fake.calls).toHaveLength(20);
    expect(fake.maxConcurrent).toBe(4);
    expect(results[3]).toMatchObject({ code: 131041 });
    expect(results[19]).toEqual({ id: 'g19', subject: 'S-g19' });
  });

  it('getGroups validates its options and does nothing for no ids', async () => {
    const { client, fake } = setup(batchAnswer);
    await expect(client.getGroups([], [], { mode: 'batch', concurrency: 8 })).resolves.toEqual([]);
    await expect(client.getGroups(['a'], [], { mode: 'batch', concurrency: 0 })).rejects.toThrow('expected concurrency to be an integer >= 1, got 0');
    await expect(client.getGroups([''], [], { mode: 'parallel', concurrency: 1 })).rejects.toThrow(TypeError);
    expect(fake.calls).toHaveLength(0);
  });
});

describe('createGraphApiClient: ping, dispose and options', () => {
  it('ping resolves on any HTTP answer and throws when nothing answers', async () => {
    const up = setup(() => ({ status: 400, json: graphError(100) }));
    await expect(up.client.ping()).resolves.toBeUndefined();
    expect([up.fake.calls[0]!.method, up.fake.calls[0]!.url.href]).toEqual(['GET', `${BASE}/v23.0/`]);
    const down = setup(() => ({ networkError: 'ECONNREFUSED' }));
    await expect(down.client.ping()).rejects.toMatchObject({ httpStatus: null });
    expect(down.fake.calls).toHaveLength(1);
  });

  it('dispose aborts requests in flight and refuses new ones', async () => {
    const { client } = setup(() => ({ hang: true }));
    const pending = client.getGroup(GROUP, []).catch((e: unknown) => e);
    await new Promise<void>((resolve) => setImmediate(resolve));
    await client.dispose();
    const error = await pending;
    expect(error).toBeInstanceOf(UpstreamError);
    expect((error as Error).message).toBe(`Graph API request GET /${GROUP} was abandoned: the client is disposed`);
    await expect(client.getInviteLink(GROUP)).rejects.toThrow(/the client is disposed/);
  });

  it('rejects bad options at construction, listing every problem', () => {
    expect(() =>
      createGraphApiClient({ baseUrl: 'graph.facebook.com', apiVersion: '23', accessToken: ' ', timeoutMs: 0, maxRetries: -1, logger: createSilentLogger() }),
    ).toThrow(/baseUrl: expected an http\(s\) URL[\s\S]*apiVersion: expected a version like v23.0[\s\S]*accessToken[\s\S]*timeoutMs: expected an integer >= 1, got 0[\s\S]*maxRetries/);
  });
});
