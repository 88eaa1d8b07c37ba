import { SendGroupMessageDocument, UploadMediaDocument } from '../../generated/graphql';
import type { TestGateway } from '../../helpers/test-gateway';
import { startTestGateway } from '../../helpers/test-gateway';
import { fakeMp4, fakeWebp, tinyJpeg, tinyPng } from '../../helpers/images';
import { SANDBOX_PHONE_A, SANDBOX_PHONE_B } from '../../helpers/constants';
import { postMultipart } from './helpers/multipart-client';
import { upstreamCalls } from './helpers/sandbox-webhooks';

/** WhatsApp's media types, per kind: image, video, audio, document, sticker. */
const ACCEPTED = [
  'image/jpeg, image/png',
  'video/mp4, video/3gpp',
  'audio/aac, audio/amr, audio/mpeg, audio/mp4, audio/ogg',
  'text/plain, application/pdf, application/msword, application/vnd.openxmlformats-officedocument.wordprocessingml.document, application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, application/vnd.ms-powerpoint, application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'image/webp',
].join(', ');

describe('uploadMedia, stickers and bizOpaqueCallbackData against the sandbox', () => {
  let t: TestGateway;
  let groupId: string;

  beforeAll(async () => {
    t = await startTestGateway();
    groupId = t.sandbox.control.state().groups.find((group) => group.phoneNumberId === SANDBOX_PHONE_A && group.participants.length === 3)?.id ?? '';
  });
  afterAll(() => t.dispose());
  beforeEach(() => t.sandbox.stats.reset());

  const upload = (bytes: Buffer, filename: string, type: string, input: Record<string, unknown> = {}) =>
    postMultipart(t.graphqlUrl, { document: UploadMediaDocument, variables: { input: { file: null, ...input } }, files: { 0: { path: 'variables.input.file', file: { bytes, filename, type } } } });

  it('uploads a JPEG as multipart POST /<PHONE_NUMBER_ID>/media and sends it to the group by the answered id', async () => {
    const jpeg = tinyJpeg(320, 200);
    const uploaded = await upload(jpeg, 'photo.jpg', 'image/jpeg', { clientMutationId: 'u-1' });
    expect(uploaded.body.errors).toBeUndefined();
    expect(upstreamCalls(t.sandbox)).toEqual([
      {
        method: 'POST',
        path: `/v23.0/${SANDBOX_PHONE_A}/media`,
        body: { messaging_product: 'whatsapp', type: 'image/jpeg', file: { filename: 'photo.jpg', mimeType: 'image/jpeg', size: jpeg.length } },
      },
    ]);
    const payload = (uploaded.body.data as { uploadMedia: { mediaId: string } }).uploadMedia;
    expect(payload).toEqual({ clientMutationId: 'u-1', mediaId: expect.stringMatching(/^\d+$/), phoneNumberId: SANDBOX_PHONE_A, kind: 'IMAGE', mimeType: 'image/jpeg', bytes: jpeg.length, filename: 'photo.jpg' });

    t.sandbox.stats.reset();
    const sent = await t.query(SendGroupMessageDocument, { input: { groupId, image: { mediaId: payload.mediaId, caption: 'Uploaded' } } });
    expect(sent.body.errors).toBeUndefined();
    expect(upstreamCalls(t.sandbox)[0]?.body).toMatchObject({ type: 'image', image: { id: payload.mediaId, caption: 'Uploaded' } });
    expect(sent.body.data?.sendGroupMessage.messageId).toMatch(/^wamid\./);
  });

  it('judges the type by the bytes: a PNG declared as JPEG goes up as image/png; an MP4 is a VIDEO', async () => {
    const png = await upload(tinyPng(64, 64), 'shot.jpg', 'image/jpeg');
    expect(png.body.data).toMatchObject({ uploadMedia: { kind: 'IMAGE', mimeType: 'image/png' } });
    const video = await upload(fakeMp4(4096), 'clip.mp4', 'application/octet-stream', { phoneNumberId: SANDBOX_PHONE_B });
    expect(video.body.data).toMatchObject({ uploadMedia: { kind: 'VIDEO', mimeType: 'video/mp4', phoneNumberId: SANDBOX_PHONE_B } });
    expect(upstreamCalls(t.sandbox).map((call) => [call.path, (call.body as { type: string }).type])).toEqual([
      [`/v23.0/${SANDBOX_PHONE_A}/media`, 'image/png'],
      [`/v23.0/${SANDBOX_PHONE_B}/media`, 'video/mp4'],
    ]);
  });

  it('uploads an animated WebP sticker and sends it with biz_opaque_callback_data, which comes back in every status', async () => {
    const uploaded = await upload(fakeWebp(300 * 1024, { animated: true }), 'party.webp', 'image/webp');
    const mediaId = (uploaded.body.data as { uploadMedia: { mediaId: string; kind: string } }).uploadMedia;
    expect(mediaId.kind).toBe('STICKER');
    t.sandbox.stats.reset();

    const sent = await t.query(SendGroupMessageDocument, { input: { groupId, sticker: { mediaId: mediaId.mediaId }, bizOpaqueCallbackData: 'campaign=spring;step=2' } });
    expect(sent.body.errors).toBeUndefined();
    expect(upstreamCalls(t.sandbox)).toEqual([
      {
        method: 'POST',
        path: `/v23.0/${SANDBOX_PHONE_A}/messages`,
        body: { type: 'sticker', sticker: { id: mediaId.mediaId }, biz_opaque_callback_data: 'campaign=spring;step=2', messaging_product: 'whatsapp', recipient_type: 'group', to: groupId },
      },
    ]);
    await t.sandbox.webhooksIdle();
    const wamid = sent.body.data?.sendGroupMessage.messageId ?? '-';
    const statuses = t.sandbox.stats.webhooks
      .filter((webhook) => webhook.field === 'messages')
      .flatMap((webhook) => (webhook.body.entry as { changes: { value: { statuses?: Record<string, unknown>[] } }[] }[]).flatMap((entry) => entry.changes.flatMap((change) => change.value.statuses ?? [])))
      .filter((status) => status.id === wamid);
    expect(statuses.length).toBeGreaterThanOrEqual(3);
    expect(statuses.every((status) => status.biz_opaque_callback_data === 'campaign=spring;step=2')).toBe(true);

    // ...and each status event a client reads back carries it.
    const events = await t.query<{ groupEvents: { nodes: { messageId?: string; bizOpaqueCallbackData?: string | null }[] } }, { groupId: string }>(
      'query ($groupId: ID!) { groupEvents(groupId: $groupId, first: 100) { nodes { ... on MessageStatusUpdatedEvent { messageId bizOpaqueCallbackData } } } }',
      { groupId },
    );
    expect(events.body.errors).toBeUndefined();
    const ours = (events.body.data?.groupEvents.nodes ?? []).filter((node) => node.messageId === wamid);
    expect(ours).toHaveLength(statuses.length);
    expect(ours.every((node) => node.bizOpaqueCallbackData === 'campaign=spring;step=2')).toBe(true);
  });

  it('sends a sticker by link', async () => {
    const sent = await t.query(SendGroupMessageDocument, { input: { groupId, sticker: { link: 'https://cdn.example.com/thanks.webp' } } });
    expect(sent.body.errors).toBeUndefined();
    expect(upstreamCalls(t.sandbox)[0]?.body).toMatchObject({ type: 'sticker', sticker: { link: 'https://cdn.example.com/thanks.webp' } });
  });

  it.each<[string, Buffer, string, string, string]>([
    ['a GIF', Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'), 'anim.gif', 'image/gif', `must be a file type WhatsApp accepts (${ACCEPTED}); "anim.gif" is image/gif`],
    ['an empty file', Buffer.alloc(0), 'empty.pdf', 'application/pdf', 'must not be empty; "empty.pdf" has no bytes'],
    ['a JPEG declared but not one', Buffer.from('not really an image'), 'fake.jpg', 'image/jpeg', 'is declared as image/jpeg, but the bytes of "fake.jpg" are not image/jpeg'],
    ['an image over 5 MB', Buffer.concat([tinyPng(8, 8), Buffer.alloc(5 * 1024 * 1024)]), 'big.png', 'image/png', `must be at most 5 MB for an image (image/png); "big.png" is ${5 * 1024 * 1024 + tinyPng(8, 8).length} bytes`],
    ['a static sticker over 100 KB', fakeWebp(100 * 1024 + 1, { animated: false }), 's.webp', 'image/webp', 'must be at most 100 KB for a static sticker (image/webp); "s.webp" is 102401 bytes'],
    ['an animated sticker over 500 KB', fakeWebp(500 * 1024 + 1, { animated: true }), 'a.webp', 'image/webp', 'must be at most 500 KB for an animated sticker (image/webp); "a.webp" is 512001 bytes'],
    ['a file over the gateway upload limit', Buffer.concat([fakeMp4(64), Buffer.alloc(16 * 1024 * 1024)]), 'long.mp4', 'video/mp4', 'is over the 16777216 bytes this gateway accepts per upload (UPLOAD_LIMIT_BYTES); "long.mp4" is larger'],
  ])('refuses %s with BAD_USER_INPUT and no upstream call', async (_what, bytes, filename, type, message) => {
    const response = await upload(bytes, filename, type);
    expect(response.body.errors).toEqual([
      expect.objectContaining({ message: `\`input.file\` ${message}`, extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', argumentName: 'input.file' }) }),
    ]);
    expect(t.sandbox.stats.requests).toHaveLength(0);
  });

  it('maps a refused upload to UPSTREAM_ERROR with Meta\'s code', async () => {
    t.sandbox.failNext({ operation: 'uploadMedia', code: 131053 });
    const response = await upload(tinyJpeg(64, 64), 'p.jpg', 'image/jpeg');
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_ERROR', upstream: { code: 131053 } });
  });
});
