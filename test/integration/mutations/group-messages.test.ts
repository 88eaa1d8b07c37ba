import { PinGroupMessageDocument, SendGroupMessageDocument, UnpinGroupMessageDocument } from '../../generated/graphql';
import type { SendGroupMessageInput } from '../../generated/graphql';
import type { TestGateway } from '../../helpers/test-gateway';
import { startTestGateway } from '../../helpers/test-gateway';
import { upstreamCalls } from './helpers/sandbox-webhooks';
import { SANDBOX_PHONE_A } from '../../helpers/constants';

describe('sendGroupMessage, pinGroupMessage, unpinGroupMessage', () => {
  let t: TestGateway;
  let groupId: string;

  beforeAll(async () => {
    t = await startTestGateway();
    groupId = t.sandbox.control.state().groups.find((group) => group.phoneNumberId === SANDBOX_PHONE_A && group.participants.length === 3)?.id ?? '';
  });
  afterAll(() => t.dispose());
  beforeEach(() => t.sandbox.stats.reset());

  const send = async (content: Omit<SendGroupMessageInput, 'groupId'>) => {
    const response = await t.query(SendGroupMessageDocument, { input: { groupId, ...content } });
    expect(response.body.errors).toBeUndefined();
    return { payload: response.body.data?.sendGroupMessage, request: upstreamCalls(t.sandbox)[0] };
  };
  const addressing = { messaging_product: 'whatsapp', recipient_type: 'group', to: '' };

  it.each<[string, Omit<SendGroupMessageInput, 'groupId'>, Record<string, unknown>]>([
    ['text with a link preview', { text: { body: 'See https://example.com', previewUrl: true } }, { type: 'text', text: { body: 'See https://example.com', preview_url: true } }],
    ['an image by media id with a caption', { image: { mediaId: '1234567890', caption: 'New arrivals' } }, { type: 'image', image: { id: '1234567890', caption: 'New arrivals' } }],
    ['a video by link', { video: { link: 'https://cdn.example.com/v.mp4' } }, { type: 'video', video: { link: 'https://cdn.example.com/v.mp4' } }],
    ['an audio by media id', { audio: { mediaId: '998877' } }, { type: 'audio', audio: { id: '998877' } }],
    [
      'a document by link with a caption and file name',
      { document: { link: 'https://cdn.example.com/menu.pdf', caption: 'Menu', filename: 'menu.pdf' } },
      { type: 'document', document: { link: 'https://cdn.example.com/menu.pdf', caption: 'Menu', filename: 'menu.pdf' } },
    ],
    [
      'a template with header, body and button parameters',
      {
        template: {
          name: 'order_update',
          languageCode: 'en_US',
          components: [
            { type: 'HEADER', parameters: [{ type: 'IMAGE', link: 'https://cdn.example.com/h.jpg' }] },
            { type: 'BODY', parameters: [{ type: 'TEXT', text: 'Ada' }, { type: 'TEXT', text: '#4821', parameterName: 'order' }] },
            { type: 'BUTTON', subType: 'quick_reply', index: 0, parameters: [{ type: 'PAYLOAD', payload: 'TRACK' }] },
          ],
        },
      },
      {
        type: 'template',
        template: {
          name: 'order_update',
          language: { code: 'en_US' },
          components: [
            { type: 'header', parameters: [{ type: 'image', image: { link: 'https://cdn.example.com/h.jpg' } }] },
            { type: 'body', parameters: [{ type: 'text', text: 'Ada' }, { type: 'text', text: '#4821', parameter_name: 'order' }] },
            { type: 'button', sub_type: 'quick_reply', index: '0', parameters: [{ type: 'payload', payload: 'TRACK' }] },
          ],
        },
      },
    ],
  ])('sends %s to the group and answers its wamid', async (_what, content, body) => {
    const { payload, request } = await send(content);
    expect(request).toEqual({ method: 'POST', path: `/v23.0/${SANDBOX_PHONE_A}/messages`, body: { ...body, ...addressing, to: groupId } });
    expect(payload?.messageId).toMatch(/^wamid\./);
    expect(payload?.group).toEqual({ id: groupId, phoneNumberId: SANDBOX_PHONE_A });
    await t.sandbox.webhooksIdle();
    const statuses = t.sandbox.stats.webhooks.filter((webhook) => webhook.field === 'messages' && JSON.stringify(webhook.body).includes(payload?.messageId ?? '-'));
    expect(statuses.length).toBeGreaterThanOrEqual(3); // sent, delivered, read
  });

  it('sends a reply with the quoted message as context', async () => {
    const { payload: first } = await send({ text: { body: 'Question?' } });
    t.sandbox.stats.reset();
    const { request } = await send({ text: { body: 'Answer.' }, replyToMessageId: first?.messageId });
    expect(request?.body).toMatchObject({ type: 'text', context: { message_id: first?.messageId } });
  });

  it('sends a message once per idempotencyKey, answering the first wamid to a retry', async () => {
    const input = { text: { body: 'Only once' }, idempotencyKey: 'send-once-1' };
    const first = await send({ ...input, clientMutationId: 'x' });
    const second = await send({ ...input, clientMutationId: 'y' });
    expect(second.payload).toMatchObject({ clientMutationId: 'y', messageId: first.payload?.messageId });
    expect(t.sandbox.stats.requests.filter((request) => request.path.endsWith('/messages'))).toHaveLength(1);
  });

  it('pins a message for 7 days and unpins it', async () => {
    const { payload: message } = await send({ text: { body: 'Pin me' } });
    t.sandbox.stats.reset();
    const pinned = await t.query(PinGroupMessageDocument, { input: { clientMutationId: 'p', groupId, messageId: message?.messageId ?? '', expirationDays: 7 } });
    expect(pinned.body.errors).toBeUndefined();
    expect(upstreamCalls(t.sandbox)[0]?.body).toEqual({ ...addressing, to: groupId, type: 'pin', pin: { type: 'pin', message_id: message?.messageId, expiration_days: 7 } });
    expect(pinned.body.data?.pinGroupMessage).toMatchObject({ clientMutationId: 'p', pinnedMessageId: message?.messageId, group: { id: groupId } });
    expect(t.sandbox.control.group(groupId)?.pinnedMessageIds).toEqual([message?.messageId]);

    const unpinned = await t.query(UnpinGroupMessageDocument, { input: { groupId, messageId: message?.messageId ?? '' } });
    expect(unpinned.body.errors).toBeUndefined();
    expect(unpinned.body.data?.unpinGroupMessage.unpinnedMessageId).toBe(message?.messageId);
    expect(t.sandbox.control.group(groupId)?.pinnedMessageIds).toEqual([]);
  });

  it('maps a rate limit to RATE_LIMITED with retryAfterSeconds, and 131020 to a clear upstream error', async () => {
    t.sandbox.failNext({ operation: 'sendGroupMessage', code: 130429, retryAfterSeconds: 3 });
    const limited = await t.query(SendGroupMessageDocument, { input: { groupId, text: { body: 'hi' } } });
    expect(limited.body.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 3, upstream: { code: 130429 } });

    // Meta may throttle without Retry-After: the wait then comes from the usage header, else the code's default.
    t.sandbox.failNext({ operation: 'sendGroupMessage', code: 80007, retryAfterSeconds: null, regainAccessMinutes: 2 });
    const byUsage = await t.query(SendGroupMessageDocument, { input: { groupId, text: { body: 'hi' } } });
    expect(byUsage.body.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 120, upstream: { code: 80007 } });
    t.sandbox.failNext({ operation: 'sendGroupMessage', code: 130429, retryAfterSeconds: null });
    const bare = await t.query(SendGroupMessageDocument, { input: { groupId, text: { body: 'hi' } } });
    expect(bare.body.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 1, upstream: { code: 130429 } });

    const empty = t.sandbox.control.state().groups.find((group) => group.participants.length === 0);
    const lonely = await t.query(SendGroupMessageDocument, { input: { groupId: empty?.id ?? '', phoneNumberId: empty?.phoneNumberId, text: { body: 'hi' } } });
    expect(lonely.body.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_ERROR', upstream: { code: 131020 } });
  });
});
