import { createHash } from 'node:crypto';
import { createSilentLogger } from '../../../src/lib/logger';
import { createSandbox } from '../../../src/sandbox/sandbox';
import type { Sandbox } from '../../../src/sandbox/sandbox';
import { createGraphApiClient } from '../../../src/upstream/graph-api-client';
import type { GraphApiClientOptions } from '../../../src/upstream/graph-api-client';
import { GROUP_FIELDS } from '../../../src/upstream/types';
import type { GroupsApi, UpstreamGroup } from '../../../src/upstream/types';
import { UpstreamError } from '../../../src/upstream/upstream-error';
import type { Disposable } from '../../../src/lib/disposable';
import { fakeJpeg, fakeWebp } from '../../helpers/images';
import { firstItem, startWebhookReceiver } from '../../helpers/webhook-receiver';
import type { WebhookReceiver } from '../../helpers/webhook-receiver';
import { SANDBOX_PHONE_A, SANDBOX_PHONE_B } from '../../helpers/constants';

const TOKEN = 'contract-token';
const SECRET = 'contract-app-secret';

let sandbox: Sandbox;
let receiver: WebhookReceiver;
let client: GroupsApi & Disposable;
let rateLimited: UpstreamError[];
const extraClients: Disposable[] = [];

function makeClient(overrides: Partial<GraphApiClientOptions> = {}): GroupsApi & Disposable {
  return createGraphApiClient({
    baseUrl: sandbox.url,
    apiVersion: 'v23.0',
    accessToken: TOKEN,
    timeoutMs: 5_000,
    maxRetries: 2,
    retryBaseDelayMs: 1,
    // The sandbox's throttles say Retry-After: 1; a longer wait than the client allows is not retried at all.
    maxRetryDelayMs: 1_000,
    logger: createSilentLogger(),
    hooks: { onRateLimited: (error) => rateLimited.push(error) },
    ...overrides,
  });
}

beforeEach(async () => {
  receiver = await startWebhookReceiver(SECRET);
  sandbox = createSandbox({
    accessToken: TOKEN,
    appSecret: SECRET,
    phoneNumberIds: [SANDBOX_PHONE_A, SANDBOX_PHONE_B],
    webhookUrl: receiver.url,
    webhookRetry: { attempts: 4, baseDelayMs: 5 },
    latencyMs: 2,
  });
  await sandbox.start();
  rateLimited = [];
  client = makeClient();
});

afterEach(async () => {
  await client.dispose();
  await Promise.all(extraClients.splice(0).map((c) => c.dispose()));
  await sandbox.dispose();
  await receiver.dispose();
});

const idOf = (subject: string): string => sandbox.control.state().groups.find((g) => g.subject === subject)!.id;

describe('GraphApiClient against the sandbox: every method', () => {
  it('creates a group: request_id now, group id and invite link in the signed webhook', async () => {
    const created = await client.createGroup(SANDBOX_PHONE_A, { subject: 'Contract Club', description: 'Made by the contract test', joinApprovalMode: 'approval_required' });
    expect(created).toEqual({ requestId: expect.any(String), groupId: null, inviteLink: null });
    await sandbox.webhooksIdle();
    expect(receiver.accepted).toHaveLength(1);
    const item = firstItem(receiver.accepted[0]!);
    expect(item).toMatchObject({ type: 'group_create', request_id: created.requestId, subject: 'Contract Club', join_approval_mode: 'approval_required' });
    const group = await client.getGroup(item.group_id as string, GROUP_FIELDS);
    expect(group).toEqual({
      id: item.group_id,
      subject: 'Contract Club',
      description: 'Made by the contract test',
      joinApprovalMode: 'approval_required',
      suspended: false,
      createdAt: expect.any(Date),
      participants: [],
      totalParticipantCount: 0,
    });
    expect(await client.getInviteLink(group.id)).toBe(item.invite_link);
  });

  it('pages forward through every group and back again', async () => {
    sandbox.control.seedGroups(SANDBOX_PHONE_A, 60);
    const expected = sandbox.control.state().groups.filter((g) => g.phoneNumberId === SANDBOX_PHONE_A).map((g) => g.id);
    expect(expected).toHaveLength(66);
    const seen: string[] = [];
    let after: string | undefined;
    let lastPageBefore: string | null = null;
    let pages = 0;
    for (;;) {
      const page = await client.listGroups(SANDBOX_PHONE_A, { limit: 25, ...(after ? { after } : {}) });
      pages += 1;
      seen.push(...page.items.map((g) => g.id));
      expect(page.paging.hasPrevious).toBe(pages > 1);
      lastPageBefore = page.paging.before;
      if (!page.paging.hasNext) break;
      after = page.paging.after!;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(expected);
    const back = await client.listGroups(SANDBOX_PHONE_A, { limit: 25, before: lastPageBefore! });
    expect(back.items.map((g) => g.id)).toEqual(expected.slice(25, 50));
    const summaries = await client.listGroups(SANDBOX_PHONE_B, {});
    expect(summaries.items.map((g) => g.subject)).toEqual(['Store Announcements', 'Just Us']);
    expect(summaries.items[0]!.createdAt).toBeInstanceOf(Date);
  });

  it('answers a subject and a creation time for every group, seeded, created or renamed, in lists and lookups alike', async () => {
    sandbox.control.seedGroups(SANDBOX_PHONE_A, 3, { subjectPrefix: 'Guaranteed' });
    await client.createGroup(SANDBOX_PHONE_A, { subject: 'Created here' });
    await sandbox.webhooksIdle();
    const ids = sandbox.control.state().groups.map((group) => group.id);
    await client.updateGroupSettings(ids[0]!, { subject: 'Renamed' });
    // The parsers refuse an answer without either field, so a group lacking one would fail these calls.
    const groups = await client.getGroups(ids, ['subject', 'creation_timestamp'], { mode: 'batch', concurrency: 4 });
    for (const group of groups) {
      if (group instanceof Error) throw group;
      expect(typeof group.subject).toBe('string');
      expect(group.subject).not.toBe('');
      expect(group.createdAt).toBeInstanceOf(Date);
    }
    const listed = [...(await client.listGroups(SANDBOX_PHONE_A, { limit: 1024 })).items, ...(await client.listGroups(SANDBOX_PHONE_B, { limit: 1024 })).items];
    expect(listed.map((group) => group.id).sort()).toEqual([...ids].sort());
    // Meta refuses an empty subject on create and on update, as the sandbox does: no group can lose its subject.
    await expect(client.createGroup(SANDBOX_PHONE_A, { subject: '   ' })).rejects.toMatchObject({ code: 100 });
    await expect(client.updateGroupSettings(ids[0]!, { subject: '' })).rejects.toMatchObject({ code: 100 });
  });

  it('updates settings with JSON and with a multipart JPEG', async () => {
    const id = idOf('Watch Enthusiasts');
    expect(await client.updateGroupSettings(id, { subject: 'Horology', description: 'All about watches' })).toEqual({ success: true, requestId: null });
    const bytes = fakeJpeg(400, 400, { padToBytes: 50_000 });
    expect(await client.updateGroupSettings(id, { profilePicture: { bytes, filename: 'logo.jpg', mimeType: 'image/jpeg' } })).toEqual({ success: true, requestId: null });
    await sandbox.webhooksIdle();
    const [subjectChange, pictureChange] = receiver.accepted.map(firstItem);
    expect(subjectChange).toMatchObject({ type: 'group_settings_update', group_subject: { text: 'Horology', update_successful: true }, group_description: { text: 'All about watches', update_successful: true } });
    expect(pictureChange!.profile_picture).toEqual({ mime_type: 'image/jpeg', sha256: createHash('sha256').update(bytes).digest('hex'), update_successful: true });
    const upload = sandbox.stats.requests.find((r) => typeof r.body === 'object' && r.body !== null && 'file' in r.body);
    expect(upload?.body).toEqual({ messaging_product: 'whatsapp', file: { filename: 'logo.jpg', mimeType: 'image/jpeg', size: bytes.length } });
    expect((await client.getGroup(id, ['subject'])).subject).toBe('Horology');
    await expect(client.updateGroupSettings(id, { profilePicture: { bytes: fakeJpeg(400, 300), filename: 'wide.jpg', mimeType: 'image/jpeg' } })).rejects.toMatchObject({ code: 131209, httpStatus: 400 });
  });

  it('removes participants, and manages the invite link', async () => {
    const id = idOf('Watch Enthusiasts');
    expect(await client.removeParticipants(id, ['+16505551234'])).toEqual({ success: true, requestId: null });
    const group = await client.getGroup(id, ['participants', 'total_participant_count']);
    expect(group.participants!.map((p) => p.waId)).toEqual(['16467043595', '447700900123']);
    expect(group.totalParticipantCount).toBe(2);
    const link = await client.getInviteLink(id);
    const reset = await client.resetInviteLink(id);
    expect(reset).not.toBe(link);
    expect(await client.getInviteLink(id)).toBe(reset);
    expect(await client.deleteInviteLink(id)).toEqual({ success: true, requestId: null });
    await sandbox.webhooksIdle();
    expect(firstItem(receiver.accepted[0]!)).toMatchObject({ type: 'group_participants_remove', initiated_by: 'business', removed_participants: [{ input: '+16505551234', wa_id: '16505551234' }] });
  });

  it('lists, approves and rejects join requests', async () => {
    const id = idOf('VIP Early Access');
    const page = await client.listJoinRequests(id, { limit: 1 });
    expect(page.items).toHaveLength(1);
    expect(page.paging.hasNext).toBe(true);
    const rest = await client.listJoinRequests(id, { after: page.paging.after! });
    expect(rest.items.map((r) => r.waId)).toEqual(['919876543210']);
    expect(rest.paging.hasNext).toBe(false);

    const approved = await client.approveJoinRequests(id, [page.items[0]!.joinRequestId, 'bm9wZQ==']);
    expect(approved.succeeded).toEqual([page.items[0]!.joinRequestId]);
    expect(approved.failed).toEqual([{ joinRequestId: 'bm9wZQ==', errors: [expect.objectContaining({ code: 131213, title: 'Group join request does not exist' })] }]);
    const rejected = await client.rejectJoinRequests(id, [rest.items[0]!.joinRequestId]);
    expect(rejected).toEqual({ succeeded: [rest.items[0]!.joinRequestId], failed: [], errors: [] });
    expect((await client.listJoinRequests(id, {})).items).toEqual([]);
    await sandbox.webhooksIdle();
    expect(receiver.accepted.map((w) => firstItem(w).type)).toEqual(['group_participants_add']);
  });

  it('sends a text and a pin, with sent/delivered/read statuses by webhook', async () => {
    const id = idOf('New Purchase Inquiry');
    const { messageId } = await client.sendGroupMessage(SANDBOX_PHONE_A, id, { type: 'text', text: { body: 'Welcome!' } });
    expect(messageId).toMatch(/^wamid\./);
    await client.sendGroupMessage(SANDBOX_PHONE_A, id, { type: 'pin', pin: { type: 'pin', message_id: messageId, expiration_days: 7 } });
    await sandbox.webhooksIdle();
    const statuses = receiver.accepted.slice(0, 3).map((w) => (firstItem(w).statuses as Record<string, unknown>[]).map((s) => [s.status, s.recipient_participant_id ?? null]));
    expect(statuses).toEqual([[['sent', null]], [['delivered', '16467043595'], ['delivered', '919876543210']], [['read', '16467043595'], ['read', '919876543210']]]);
    expect(receiver.accepted).toHaveLength(6);
    await expect(client.sendGroupMessage(SANDBOX_PHONE_B, idOf('Just Us'), { type: 'text', text: { body: 'anyone?' } })).rejects.toMatchObject({ code: 131020 });
  });

  it('uploads a sticker and sends it by its id; a reaction is refused with 131051', async () => {
    const id = idOf('New Purchase Inquiry');
    const bytes = fakeWebp(4096, { animated: false });
    const { mediaId } = await client.uploadMedia(SANDBOX_PHONE_A, { bytes, filename: 'hi.webp', mimeType: 'image/webp' });
    expect(mediaId).toMatch(/^\d+$/);
    expect((await client.sendGroupMessage(SANDBOX_PHONE_A, id, { type: 'sticker', sticker: { id: mediaId } })).messageId).toMatch(/^wamid\./);
    await expect(client.uploadMedia(SANDBOX_PHONE_A, { bytes: fakeWebp(200 * 1024, { animated: false }), filename: 'big.webp', mimeType: 'image/webp' })).rejects.toMatchObject({ code: 131053, httpStatus: 400 });
    await expect(client.sendGroupMessage(SANDBOX_PHONE_A, id, { type: 'reaction', reaction: { message_id: 'wamid.X', emoji: 'x' } })).rejects.toMatchObject({ code: 131051, httpStatus: 400 });
  });

  it("sends the invite-link template 1:1; another number's group is 131041", async () => {
    const id = idOf('New Purchase Inquiry');
    const request = { to: '14155550142', groupId: id, name: 'group_invite_link', languageCode: 'en', slot: { component: 'button' as const, index: 0 } };
    expect((await client.sendGroupInviteTemplate(SANDBOX_PHONE_A, request)).messageId).toMatch(/^wamid\./);
    await expect(client.sendGroupInviteTemplate(SANDBOX_PHONE_B, request)).rejects.toMatchObject({ code: 131041 });
  });

  it('deletes a group, after which it is unknown (131041)', async () => {
    const id = idOf('Support: Order #4821');
    expect(await client.deleteGroup(id)).toEqual({ success: true, requestId: null });
    const error = await client.getGroup(id, ['subject']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({ code: 131041, httpStatus: 400, type: 'OAuthException', fbtraceId: expect.any(String), isNotFound: true });
    expect((error as UpstreamError).details).toContain(id);
    await sandbox.webhooksIdle();
    expect(firstItem(receiver.accepted[0]!)).toMatchObject({ type: 'group_delete', group_id: id });
  });

  it('runs a raw batch and pings', async () => {
    const id = idOf('Watch Enthusiasts');
    const items = await client.batch([
      { method: 'GET', relativeUrl: `${id}?fields=subject` },
      { method: 'POST', relativeUrl: `${id}/invite_link`, body: 'messaging_product=whatsapp' },
    ]);
    expect(items[0]).toEqual({ ok: true, status: 200, body: { messaging_product: 'whatsapp', id, subject: 'Watch Enthusiasts' } });
    expect(items[1]).toMatchObject({ ok: true, body: { invite_link: expect.stringMatching(/^https:\/\/chat\.whatsapp\.com\//) } });
    await expect(client.ping()).resolves.toBeUndefined();
  });
});

describe('GraphApiClient against the sandbox: many groups at once', () => {
  function sixtyIds(): string[] {
    const ids = sandbox.control.seedGroups(SANDBOX_PHONE_A, 59);
    ids.splice(30, 0, 'Y2FwaV9ncm91cDp1bmtub3duZD');
    return ids;
  }

  function expectAligned(ids: string[], results: (UpstreamGroup | UpstreamError)[]): void {
    expect(results).toHaveLength(60);
    results.forEach((result, i) => {
      if (i === 30) expect(result).toMatchObject({ code: 131041 });
      else expect(result).toEqual({ id: ids[i], subject: expect.stringMatching(/^Seeded group /), totalParticipantCount: 1 });
    });
  }

  it('batch mode: exactly 2 HTTP requests for 60 ids, the unknown one a per-item 131041', async () => {
    const ids = sixtyIds();
    sandbox.stats.reset();
    const results = await client.getGroups(ids, ['subject', 'total_participant_count'], { mode: 'batch', concurrency: 8 });
    expectAligned(ids, results);
    expect(sandbox.stats.requests.map((r) => [r.method, r.path])).toEqual([
      ['POST', '/v23.0/'],
      ['POST', '/v23.0/'],
    ]);
  });

  it('parallel mode: 60 single GETs, never more than 8 in flight', async () => {
    const ids = sixtyIds();
    sandbox.stats.reset();
    const results = await client.getGroups(ids, ['subject', 'total_participant_count'], { mode: 'parallel', concurrency: 8 });
    expectAligned(ids, results);
    expect(sandbox.stats.requests).toHaveLength(60);
    expect(sandbox.stats.requests.every((r) => r.method === 'GET')).toBe(true);
    expect(sandbox.stats.maxInFlight).toBeLessThanOrEqual(8);
    expect(sandbox.stats.maxInFlight).toBeGreaterThan(1);
    expect(sandbox.stats.inFlight).toBe(0);
  });
});

describe('GraphApiClient against the sandbox: errors', () => {
  it('retries an injected 429 (130429), reports each, then surfaces it with retryAfterSeconds', async () => {
    sandbox.failNext({ operation: 'listGroups', code: 130429, times: 3 });
    sandbox.stats.reset();
    const error = await client.listGroups(SANDBOX_PHONE_A, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({ code: 130429, httpStatus: 429, retryAfterSeconds: 1, isRateLimited: true, isTransient: true });
    expect(sandbox.stats.requests).toHaveLength(3);
    expect(rateLimited.map((e) => e.code)).toEqual([130429, 130429, 130429]);
  });

  it('recovers from a rate limit that clears before the retries run out', async () => {
    sandbox.failNext({ operation: 'getGroup', code: 130429, times: 2 });
    const id = idOf('Watch Enthusiasts');
    expect((await client.getGroup(id, ['subject'])).subject).toBe('Watch Enthusiasts');
    expect(rateLimited).toHaveLength(2);
  });

  it('retries an injected 5xx on a read but never on a write', async () => {
    sandbox.failNext({ operation: 'getInviteLink', code: 2, httpStatus: 503 });
    sandbox.stats.reset();
    expect(await client.getInviteLink(idOf('Watch Enthusiasts'))).toMatch(/^https:\/\/chat\.whatsapp\.com\//);
    expect(sandbox.stats.requests).toHaveLength(2);

    sandbox.failNext({ operation: 'createGroup', code: 1, httpStatus: 500 });
    sandbox.stats.reset();
    await expect(client.createGroup(SANDBOX_PHONE_A, { subject: 'Once' })).rejects.toMatchObject({ code: 1, httpStatus: 500, isUnavailable: true });
    expect(sandbox.stats.requests).toHaveLength(1);
    await sandbox.webhooksIdle();
    expect(receiver.accepted).toHaveLength(0);
  });

  it('reports an async create failure only in the webhook', async () => {
    sandbox.failNext({ operation: 'createGroup', code: 131211, async: true });
    const created = await client.createGroup(SANDBOX_PHONE_A, { subject: 'Too many' });
    await sandbox.webhooksIdle();
    expect(firstItem(receiver.accepted[0]!)).toMatchObject({ type: 'group_create', request_id: created.requestId, errors: [expect.objectContaining({ code: 131211, title: 'Group create limit reached' })] });
  });

  it('maps a wrong token to code 190 (HTTP 401) without retrying', async () => {
    const intruder = makeClient({ accessToken: 'wrong' });
    extraClients.push(intruder);
    sandbox.stats.reset();
    await expect(intruder.getGroup(idOf('Watch Enthusiasts'), [])).rejects.toMatchObject({ code: 190, httpStatus: 401, isTransient: false });
    expect(sandbox.stats.requests).toHaveLength(1);
  });

  it('fails fast with a transport error once the sandbox is gone', async () => {
    const url = sandbox.url;
    await sandbox.dispose();
    const orphan = createGraphApiClient({ baseUrl: url, apiVersion: 'v23.0', accessToken: TOKEN, timeoutMs: 2_000, maxRetries: 1, retryBaseDelayMs: 1, logger: createSilentLogger() });
    extraClients.push(orphan);
    await expect(orphan.ping()).rejects.toMatchObject({ httpStatus: null, isUnavailable: true });
  });
});

describe('sandbox webhooks', () => {
  it('signs every delivery over the raw bytes Meta-style and keeps their order', async () => {
    const id = idOf('Watch Enthusiasts');
    sandbox.control.joinByInviteLink({ inviteLink: await client.getInviteLink(id), waId: '14155550199' });
    sandbox.control.sendText({ groupId: id, waId: '14155550199', text: 'héllo / wörld' });
    sandbox.control.leaveGroup({ groupId: id, waId: '14155550199' });
    await sandbox.webhooksIdle();
    expect(receiver.accepted.map((w) => w.field)).toEqual(['group_participants_update', 'messages', 'group_participants_update']);
    expect(receiver.accepted[1]!.rawBody).toContain('h\\u00e9llo \\/ w\\u00f6rld');
    expect((firstItem(receiver.accepted[1]!).messages as { text: { body: string } }[])[0]!.text.body).toBe('héllo / wörld');
    expect(sandbox.stats.webhooks.map((w) => w.status)).toEqual(['delivered', 'delivered', 'delivered']);
  });

  it('delivers again after the receiver answers 503 once', async () => {
    receiver.refuseNext(1, 503);
    sandbox.control.suspendGroup(idOf('Watch Enthusiasts'));
    await sandbox.webhooksIdle();
    expect(receiver.attempts).toBe(2);
    expect(receiver.accepted.map((w) => firstItem(w).type)).toEqual(['group_suspend']);
    expect(sandbox.stats.webhooks[0]).toMatchObject({ status: 'delivered', attempts: 2, lastError: 'HTTP 503' });
  });

  it('gives up after the configured attempts and moves on to the next delivery', async () => {
    receiver.refuseNext(4, 500);
    const id = idOf('Watch Enthusiasts');
    sandbox.control.suspendGroup(id);
    sandbox.control.clearSuspension(id);
    await sandbox.webhooksIdle();
    expect(sandbox.stats.webhooks.map((w) => [w.status, w.attempts])).toEqual([
      ['failed', 4],
      ['delivered', 1],
    ]);
    expect(receiver.accepted.map((w) => firstItem(w).type)).toEqual(['group_suspend_cleared']);
  });

  it('records but does not deliver while no webhook URL is set', async () => {
    sandbox.setWebhookUrl(null);
    sandbox.control.suspendGroup(idOf('Watch Enthusiasts'));
    await sandbox.webhooksIdle();
    expect(receiver.attempts).toBe(0);
    expect(sandbox.stats.webhooks).toEqual([expect.objectContaining({ field: 'group_status_update', status: 'dropped', attempts: 0 })]);
  });
});
