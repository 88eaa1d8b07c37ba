import { createSandbox } from '../../../src/sandbox/sandbox';
import type { Sandbox } from '../../../src/sandbox/sandbox';
import { fakeWebp, tinyJpeg } from '../../helpers/images';
import { SANDBOX_PHONE_A, SANDBOX_PHONE_B } from '../../helpers/constants';

const TOKEN = 'it-token';
const AUTH = { authorization: `Bearer ${TOKEN}` };

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = createSandbox({ accessToken: TOKEN, appSecret: 'it-secret', phoneNumberIds: [SANDBOX_PHONE_A, SANDBOX_PHONE_B] });
  await sandbox.start();
});
afterAll(() => sandbox.dispose());

async function graph(method: string, path: string, body: RequestInit['body'], headers: Record<string, string> = { 'content-type': 'application/json' }) {
  const response = await fetch(`${sandbox.url}${path}`, { method, headers: { ...AUTH, ...headers }, body });
  return { status: response.status, body: (await response.json()) as { error?: { code: number; message: string; type: string; error_data: { details: string } }; id?: string; messages?: { id: string }[] } };
}

const groupId = (): string => sandbox.control.state().groups.find((group) => group.phoneNumberId === SANDBOX_PHONE_A && group.participants.length > 0)!.id;
const sendToGroup = (message: Record<string, unknown>) =>
  graph('POST', `/v23.0/${SANDBOX_PHONE_A}/messages`, JSON.stringify({ messaging_product: 'whatsapp', recipient_type: 'group', to: groupId(), ...message }));

describe('sandbox over HTTP: what groups take and refuse, as Meta answers', () => {
  it.each([
    ['reaction', { reaction: { message_id: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJDQjZCMzlEQUE4OTJBMTE4RTUA', emoji: '\u{1F44D}' } }],
    ['location', { location: { latitude: 37.4847, longitude: -122.1477, name: 'HQ' } }],
    ['interactive', { interactive: { type: 'button', body: { text: 'Pick' }, action: { buttons: [{ type: 'reply', reply: { id: 'a', title: 'A' } }] } } }],
    ['contacts', { contacts: [{ name: { formatted_name: 'Ada Lovelace', first_name: 'Ada' } }] }],
  ])('refuses a %s message with HTTP 400 and code 131051', async (type, content) => {
    const answer = await sendToGroup({ type, ...content });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({
      code: 131051,
      type: 'OAuthException',
      message: `(#131051) Message type ${type} is not supported for group messages; groups take text, media (image, video, audio, document, sticker), templates and pins`,
    });
  });

  it('takes a sticker uploaded with POST /<PHONE_NUMBER_ID>/media (multipart), and an image the same way', async () => {
    const uploadOf = async (bytes: Buffer, type: string) => {
      const form = new FormData();
      form.append('messaging_product', 'whatsapp');
      form.append('type', type);
      form.append('file', new Blob([bytes], { type }), 'file');
      return graph('POST', `/v23.0/${SANDBOX_PHONE_A}/media`, form, {});
    };
    const sticker = await uploadOf(fakeWebp(2048, { animated: false }), 'image/webp');
    expect(sticker).toEqual({ status: 200, body: { id: expect.stringMatching(/^\d+$/) } });
    const sent = await sendToGroup({ type: 'sticker', sticker: { id: sticker.body.id } });
    expect(sent.status).toBe(200);
    expect(sent.body.messages?.[0]?.id).toMatch(/^wamid\./);

    const image = await uploadOf(tinyJpeg(64, 64), 'image/jpeg');
    expect((await sendToGroup({ type: 'image', image: { id: image.body.id, caption: 'hi' } })).status).toBe(200);
    const asSticker = await sendToGroup({ type: 'sticker', sticker: { id: image.body.id } });
    expect(asSticker.body.error).toMatchObject({ code: 100, message: `(#100) Param sticker.id names media of type image/jpeg, which cannot be sent as sticker` });

    const tooBig = await uploadOf(fakeWebp(100 * 1024 + 1, { animated: false }), 'image/webp');
    expect(tooBig.body.error).toMatchObject({ code: 131053, error_data: { details: 'File size 102401 bytes exceeds the 102400 bytes allowed for a static sticker (image/webp)' } });
  });
});
