import { fakeMp4, fakeWebp, tinyJpeg, tinyPng } from '../../helpers/images';
import { SANDBOX_PHONE_A, SANDBOX_PHONE_B } from '../../helpers/constants';
import { changeValue, createHarness, errorOf, WRITE } from './graph-harness';
import type { Harness, Json } from './graph-harness';

const upload = (h: Harness, phone: string, bytes: Buffer, mimeType: string, type: string = mimeType) =>
  h.call('POST', `/v23.0/${phone}/media`, { ...WRITE, type }, { bytes, filename: 'f', mimeType });

describe('sandbox: message types groups refuse', () => {
  it.each([
    ['reaction', { reaction: { message_id: 'wamid.X', emoji: '👍' } }],
    ['location', { location: { latitude: 1, longitude: 2 } }],
    ['interactive', { interactive: { type: 'button' } }],
    ['contacts', { contacts: [{ name: { formatted_name: 'Ada' } }] }],
  ])('answers 131051 to a %s message, as Meta does', (type, content) => {
    const h = createHarness();
    const to = h.groupIdBySubject('Watch Enthusiasts');
    const result = h.call('POST', `/v23.0/${SANDBOX_PHONE_A}/messages`, { ...WRITE, recipient_type: 'group', to, type, ...content });
    expect(result.status).toBe(400);
    expect(errorOf(result)).toMatchObject({ code: 131051, type: 'OAuthException', error_data: { details: expect.stringContaining(`Message type ${type} is not supported for group messages`) } });
    expect(result.outbox).toEqual([]);
  });

  it('answers 100 to a type the Cloud API does not know', () => {
    const h = createHarness();
    const to = h.groupIdBySubject('Watch Enthusiasts');
    const result = h.call('POST', `/v23.0/${SANDBOX_PHONE_A}/messages`, { ...WRITE, recipient_type: 'group', to, type: 'hologram', hologram: {} });
    expect(errorOf(result).message).toBe('(#100) Param type must be one of text, image, video, audio, document, sticker, template, pin; got "hologram"');
  });
});

describe('sandbox: stickers and biz_opaque_callback_data', () => {
  it('sends a sticker by link, refuses a caption on it, and echoes biz_opaque_callback_data in every status', () => {
    const h = createHarness();
    const to = h.groupIdBySubject('Watch Enthusiasts');
    const send = (params: Json) => h.call('POST', `/v23.0/${SANDBOX_PHONE_A}/messages`, { ...WRITE, recipient_type: 'group', to, ...params });
    const sent = send({ type: 'sticker', sticker: { link: 'https://cdn.example.com/s.webp' }, biz_opaque_callback_data: 'order-7' });
    expect(sent.status).toBe(200);
    const statuses = sent.outbox.flatMap((out) => changeValue(out).statuses as Json[]);
    expect(statuses.length).toBeGreaterThanOrEqual(3);
    expect(statuses.every((status) => status.biz_opaque_callback_data === 'order-7')).toBe(true);
    expect(errorOf(send({ type: 'sticker', sticker: { link: 'https://cdn.example.com/s.webp', caption: 'hi' } })).message).toBe(
      '(#100) Param sticker.caption is not supported: sticker messages have no caption',
    );
    expect(errorOf(send({ type: 'text', text: { body: 'x' }, biz_opaque_callback_data: 'x'.repeat(513) })).message).toBe(
      '(#100) Param biz_opaque_callback_data must be a string of at most 512 characters',
    );
  });
});

describe('sandbox: POST /<PHONE_NUMBER_ID>/media', () => {
  it('answers a media id that the same number can send as the matching kind, and only as that kind', () => {
    const h = createHarness();
    const to = h.groupIdBySubject('Watch Enthusiasts');
    const jpeg = upload(h, SANDBOX_PHONE_A, tinyJpeg(640, 480), 'image/jpeg');
    expect(jpeg.status).toBe(200);
    const id = jpeg.body.id as string;
    expect(id).toMatch(/^\d{16}$/);
    const send = (phone: string, params: Json) => h.call('POST', `/v23.0/${phone}/messages`, { ...WRITE, recipient_type: 'group', to, ...params });
    expect(send(SANDBOX_PHONE_A, { type: 'image', image: { id } }).status).toBe(200);
    expect(errorOf(send(SANDBOX_PHONE_A, { type: 'sticker', sticker: { id } })).message).toBe(`(#100) Param sticker.id names media of type image/jpeg, which cannot be sent as sticker`);
    const other = h.groupIdBySubject('Just Us');
    const fromB = upload(h, SANDBOX_PHONE_B, tinyPng(10, 10), 'image/png').body.id as string;
    const foreign = h.call('POST', `/v23.0/${SANDBOX_PHONE_A}/messages`, { ...WRITE, recipient_type: 'group', to, type: 'image', image: { id: fromB } });
    expect(errorOf(foreign).message).toBe(`(#100) Param image.id names media uploaded by phone number ${SANDBOX_PHONE_B}; media ids are valid only for the number that uploaded them`);
    expect(other).toBeTruthy();
  });

  it.each<[string, Buffer, string, number, RegExp]>([
    ['an unsupported type', Buffer.from('GIF89a'), 'image/gif', 100, /Param file must be a file with one of the following types: .*Received file of type 'image\/gif'/],
    ['a PNG declared as JPEG', tinyPng(10, 10), 'image/jpeg', 131053, /declared as image\/jpeg but its content is image\/png/],
    ['an image over 5 MB', Buffer.concat([tinyPng(10, 10), Buffer.alloc(5 * 1024 * 1024)]), 'image/png', 131053, /exceeds the 5242880 bytes allowed for an image \(image\/png\)/],
    ['a static sticker over 100 KB', fakeWebp(100 * 1024 + 1, { animated: false }), 'image/webp', 131053, /allowed for a static sticker/],
    ['an animated sticker over 500 KB', fakeWebp(500 * 1024 + 1, { animated: true }), 'image/webp', 131053, /allowed for an animated sticker/],
    ['a video over 16 MB', fakeMp4(16 * 1024 * 1024 + 1), 'video/mp4', 131053, /allowed for a video/],
  ])('refuses %s', (_what, bytes, mimeType, code, message) => {
    const h = createHarness();
    const result = upload(h, SANDBOX_PHONE_A, bytes, mimeType);
    expect(errorOf(result)).toMatchObject({ code, message: expect.stringMatching(message) });
    expect(h.state.phone(SANDBOX_PHONE_A)!.media.size).toBe(0);
  });

  it('takes an animated sticker up to 500 KB, a document by its declared type, and needs `type` and `file`', () => {
    const h = createHarness();
    expect(upload(h, SANDBOX_PHONE_A, fakeWebp(400 * 1024, { animated: true }), 'image/webp').status).toBe(200);
    expect(upload(h, SANDBOX_PHONE_A, Buffer.from('%PDF-1.7 ...'), 'application/pdf').status).toBe(200);
    expect(errorOf(h.call('POST', `/v23.0/${SANDBOX_PHONE_A}/media`, { ...WRITE }, { bytes: Buffer.from('x'), filename: 'x', mimeType: 'text/plain' })).message).toBe(
      '(#100) The parameter type is required: the MIME type of the file, e.g. image/jpeg',
    );
    expect(errorOf(h.call('POST', `/v23.0/${SANDBOX_PHONE_A}/media`, { ...WRITE, type: 'text/plain' })).message).toBe(
      '(#100) The parameter file is required: send the media as multipart/form-data field "file"',
    );
  });
});

describe('sandbox: the group invite-link template, 1:1', () => {
  const template = (groupId: string, component: Json) => ({ name: 'group_invite', language: { code: 'en' }, components: [{ ...component, parameters: [{ type: 'group_id', group_id: groupId }] }] });

  it.each([
    ['the URL button', { type: 'button', sub_type: 'url', index: '0' }],
    ['the body', { type: 'body' }],
  ])('accepts the group id in %s and answers the standard send answer', (_where, component) => {
    const h = createHarness();
    const groupId = h.groupIdBySubject('Watch Enthusiasts');
    const result = h.call('POST', `/v23.0/${SANDBOX_PHONE_A}/messages`, { ...WRITE, recipient_type: 'individual', to: '16505559999', type: 'template', template: template(groupId, component) });
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ messaging_product: 'whatsapp', contacts: [{ input: '16505559999', wa_id: '16505559999' }], messages: [{ id: expect.stringMatching(/^wamid\./) }] });
  });

  it('refuses another number’s group (131041), other parameters, other 1:1 messages and a bad recipient', () => {
    const h = createHarness();
    const groupId = h.groupIdBySubject('Watch Enthusiasts');
    const send = (phone: string, params: Json) => errorOf(h.call('POST', `/v23.0/${phone}/messages`, { ...WRITE, to: '16505559999', type: 'template', ...params }));
    expect(send(SANDBOX_PHONE_B, { template: template(groupId, { type: 'body' }) }).code).toBe(131041);
    expect(send(SANDBOX_PHONE_A, { template: template('unknown-group', { type: 'body' }) }).code).toBe(131041);
    expect(send(SANDBOX_PHONE_A, { template: { name: 't', language: { code: 'en' }, components: [{ type: 'body', parameters: [{ type: 'text', text: 'x' }] }] } }).message).toBe(
      '(#100) Param template.components[0].parameters[0].type must be "group_id": the invite-link template takes the group id only, got "text"',
    );
    expect(send(SANDBOX_PHONE_A, { template: template(groupId, { type: 'button', sub_type: 'quick_reply', index: '0' }) }).message).toBe(
      '(#100) Param template.components[0].sub_type must be "url": the group id fills the URL button of the invite-link template',
    );
    expect(send(SANDBOX_PHONE_A, { type: 'text', text: { body: 'hi' } }).message).toMatch(/emulates 1:1 messages only for the group invite-link template/);
    expect(send(SANDBOX_PHONE_A, { to: 'bob', template: template(groupId, { type: 'body' }) }).message).toMatch(/^\(#100\) Param to must be a phone number/);
  });
});
