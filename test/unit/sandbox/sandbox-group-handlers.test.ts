import { fbDecode } from '../../../src/sandbox/sandbox-ids';
import { fakeJpeg } from '../../helpers/images';
import { changeValue, createHarness, errorOf, groupItem, WRITE } from './graph-harness';
import { SANDBOX_PHONE_A } from '../../helpers/constants';

describe('sandbox: create group', () => {
  it('answers only messaging_product and request_id, then emits group_create with the same request_id', () => {
    const h = createHarness();
    const result = h.call('POST', `/v23.0/${SANDBOX_PHONE_A}/groups`, { ...WRITE, subject: '  Book Club  ', description: 'Monthly reads', join_approval_mode: 'approval_required' });
    expect(result.status).toBe(200);
    expect(Object.keys(result.body).sort()).toEqual(['messaging_product', 'request_id']);
    expect(result.outbox).toHaveLength(1);
    expect(result.outbox[0]!.field).toBe('group_lifecycle_update');
    const item = groupItem(result.outbox[0]!);
    expect(item).toMatchObject({ type: 'group_create', request_id: result.body.request_id, subject: 'Book Club', description: 'Monthly reads', join_approval_mode: 'approval_required' });
    expect(item.invite_link).toMatch(/^https:\/\/chat\.whatsapp\.com\/[A-Za-z0-9]{22}$/);
    expect(fbDecode(item.group_id as string)).toMatch(/^capi_group:1555\d{7}:120363\d{12}$/);
    expect(changeValue(result.outbox[0]!).metadata).toEqual({ display_phone_number: expect.stringMatching(/^1555\d{7}$/), phone_number_id: SANDBOX_PHONE_A });
    expect(h.state.group(item.group_id as string)?.subject).toBe('Book Club');
  });

  it('validates subject, description, join_approval_mode and messaging_product with code 100', () => {
    const h = createHarness();
    const create = (params: Record<string, unknown>) => errorOf(h.call('POST', `/v23.0/${SANDBOX_PHONE_A}/groups`, params));
    expect(create({ ...WRITE })).toMatchObject({ code: 100, message: '(#100) The parameter subject is required', type: 'OAuthException' });
    expect(create({ ...WRITE, subject: '   ' }).message).toBe('(#100) Param subject must not be empty');
    expect(create({ ...WRITE, subject: 'x'.repeat(129) }).message).toBe('(#100) Param subject must be at most 128 characters, got 129');
    expect(h.call('POST', `/v23.0/${SANDBOX_PHONE_A}/groups`, { ...WRITE, subject: ` ${'x'.repeat(128)} ` }).status).toBe(200);
    expect(create({ ...WRITE, subject: 'ok', description: 'd'.repeat(2049) }).message).toBe('(#100) Param description must be at most 2048 characters, got 2049');
    expect(create({ ...WRITE, subject: 'ok', join_approval_mode: 'open' }).code).toBe(100);
    expect(create({ subject: 'ok' }).message).toBe('(#100) The parameter messaging_product is required');
    const unknownPhone = h.call('POST', '/v23.0/999999999/groups', { ...WRITE, subject: 'ok' });
    expect(unknownPhone.status).toBe(400);
    expect(errorOf(unknownPhone)).toMatchObject({ code: 100, error_subcode: 33 });
  });

  it('fails asynchronously with 131211 once a number holds 10,000 groups', () => {
    const h = createHarness();
    h.control.seedGroups(SANDBOX_PHONE_A, 10_000 - h.state.phone(SANDBOX_PHONE_A)!.groups.size);
    const result = h.call('POST', `/v23.0/${SANDBOX_PHONE_A}/groups`, { ...WRITE, subject: 'One too many' });
    expect(result.status).toBe(200);
    const item = groupItem(result.outbox[0]!);
    expect(item).toMatchObject({ type: 'group_create', request_id: result.body.request_id, subject: 'One too many' });
    expect(item.errors).toEqual([{ code: 131211, title: 'Group create limit reached', message: '(#131211) Group create limit reached', error_data: { details: expect.any(String) } }]);
    expect(h.state.phone(SANDBOX_PHONE_A)!.groups.size).toBe(10_000);
  });
});

describe('sandbox: list and get groups', () => {
  it('lists with data.groups, string created_at, and paging links only when more exist', () => {
    const h = createHarness();
    const all = h.call('GET', `/v23.0/${SANDBOX_PHONE_A}/groups`);
    const groups = (all.body.data as { groups: Record<string, unknown>[] }).groups;
    expect(groups).toHaveLength(6);
    expect(groups[0]).toEqual({ id: expect.any(String), subject: 'Watch Enthusiasts', created_at: expect.stringMatching(/^\d+$/) });
    expect(all.body.paging).toEqual({ cursors: { before: expect.any(String), after: expect.any(String) } });

    const first = h.call('GET', `/v23.0/${SANDBOX_PHONE_A}/groups?limit=4`);
    const paging = first.body.paging as { next: string; cursors: { after: string } };
    expect(paging.next).toBe(`http://sandbox.test/v23.0/${SANDBOX_PHONE_A}/groups?limit=4&after=${encodeURIComponent(paging.cursors.after)}`);
    const second = h.call('GET', `/v23.0/${SANDBOX_PHONE_A}/groups?limit=4&after=${encodeURIComponent(paging.cursors.after)}`);
    expect((second.body.data as { groups: unknown[] }).groups).toHaveLength(2);
    expect(second.body.paging).toMatchObject({ previous: expect.any(String) });
    expect((second.body.paging as Record<string, unknown>).next).toBeUndefined();
  });

  it('refuses bad limits and cursors', () => {
    const h = createHarness();
    expect(errorOf(h.call('GET', `/v23.0/${SANDBOX_PHONE_A}/groups?limit=1025`)).code).toBe(100);
    expect(errorOf(h.call('GET', `/v23.0/${SANDBOX_PHONE_A}/groups?limit=abc`)).code).toBe(100);
    const bad = h.call('GET', `/v23.0/${SANDBOX_PHONE_A}/groups?after=bm90LWEtY3Vyc29y`);
    expect([bad.status, errorOf(bad).code]).toEqual([400, 131059]);
  });

  it('returns only the requested fields, and only id without fields', () => {
    const h = createHarness();
    const id = h.groupIdBySubject('VIP Early Access');
    expect(h.call('GET', `/v23.0/${id}`).body).toEqual({ messaging_product: 'whatsapp', id });
    const full = h.call('GET', `/v23.0/${id}?fields=subject,description,join_approval_mode,suspended,creation_timestamp,participants,total_participant_count`);
    expect(full.body).toEqual({
      messaging_product: 'whatsapp',
      id,
      subject: 'VIP Early Access',
      description: 'Members approved by the team.',
      join_approval_mode: 'approval_required',
      suspended: false,
      creation_timestamp: expect.any(Number),
      participants: [
        { wa_id: '447700900123', user_id: expect.stringMatching(/^US\.\d{20}$/), username: 'chloe' },
        { wa_id: '5511987654321', user_id: expect.stringMatching(/^US\.\d{20}$/), username: 'ines.m' },
      ],
      total_participant_count: 2,
    });
    expect(h.call('GET', `/v23.0/${h.groupIdBySubject('New Purchase Inquiry')}?fields=description`).body).toEqual({ messaging_product: 'whatsapp', id: h.groupIdBySubject('New Purchase Inquiry') });
  });

  it('answers 131041 for an unknown group and 100 for an unknown field', () => {
    const h = createHarness();
    const unknown = h.call('GET', '/v23.0/Y2FwaV9ncm91cDpub3BlZD?fields=subject');
    expect(unknown.status).toBe(400);
    expect(errorOf(unknown)).toMatchObject({ code: 131041, error_data: { messaging_product: 'whatsapp' }, fbtrace_id: expect.any(String) });
    expect(errorOf(h.call('GET', `/v23.0/${h.groupIdBySubject('Watch Enthusiasts')}?fields=subject,admins`)).message).toMatch(/^\(#100\) Tried accessing nonexisting field \(admins\)/);
  });
});

describe('sandbox: update settings and delete', () => {
  it('updates subject and description, answers success, and reports each field in group_settings_update', () => {
    const h = createHarness();
    const id = h.groupIdBySubject('Watch Enthusiasts');
    const result = h.call('POST', `/v23.0/${id}`, { ...WRITE, subject: 'Horology', description: 'Clocks too' });
    expect(result.body).toEqual({ success: true });
    expect(groupItem(result.outbox[0]!)).toMatchObject({
      type: 'group_settings_update',
      group_id: id,
      request_id: expect.any(String),
      group_subject: { text: 'Horology', update_successful: true },
      group_description: { text: 'Clocks too', update_successful: true },
    });
    expect(groupItem(result.outbox[0]!).profile_picture).toBeUndefined();
    expect(h.state.group(id)).toMatchObject({ subject: 'Horology', description: 'Clocks too' });
  });

  it('accepts a square JPEG of at least 192 px and reports its sha256', () => {
    const h = createHarness();
    const id = h.groupIdBySubject('Watch Enthusiasts');
    const bytes = fakeJpeg(640, 640);
    const result = h.call('POST', `/v23.0/${id}`, { ...WRITE }, { bytes, filename: 'logo.jpg', mimeType: 'image/jpeg' });
    expect(result.status).toBe(200);
    expect(groupItem(result.outbox[0]!).profile_picture).toEqual({ mime_type: 'image/jpeg', sha256: expect.stringMatching(/^[0-9a-f]{64}$/), update_successful: true });
    expect(h.state.group(id)!.pictureSha256).toBe((groupItem(result.outbox[0]!).profile_picture as { sha256: string }).sha256);
  });

  it('refuses pictures that are not square (131209), too small (131210), not JPEG or over 5 MB (100)', () => {
    const h = createHarness();
    const id = h.groupIdBySubject('Watch Enthusiasts');
    const upload = (bytes: Buffer, mimeType = 'image/jpeg') => h.call('POST', `/v23.0/${id}`, { ...WRITE }, { bytes, filename: 'p.jpg', mimeType });
    expect(errorOf(upload(fakeJpeg(640, 480)))).toMatchObject({ code: 131209, message: '(#131209) The profile picture must be square, got 640x480' });
    expect(errorOf(upload(fakeJpeg(100, 100)))).toMatchObject({ code: 131210 });
    expect(errorOf(upload(Buffer.from('\x89PNG....'), 'image/png')).code).toBe(100);
    expect(errorOf(upload(fakeJpeg(512, 512, { padToBytes: 5 * 1024 * 1024 + 10 }))).message).toMatch(/at most 5 MB/);
    expect(h.state.group(id)!.pictureSha256).toBeNull();
  });

  it('needs at least one setting and refuses the JSON file path variant', () => {
    const h = createHarness();
    const id = h.groupIdBySubject('Watch Enthusiasts');
    expect(errorOf(h.call('POST', `/v23.0/${id}`, { ...WRITE })).message).toBe('(#100) One feature setting must be specified: subject, description or file');
    expect(errorOf(h.call('POST', `/v23.0/${id}`, { ...WRITE, profile_picture_file: '/tmp/x.jpg' })).message).toMatch(/multipart/);
    expect(errorOf(h.call('POST', `/v23.0/${id}`, { ...WRITE, subject: '' })).code).toBe(100);
  });

  it('refuses writes to a suspended group with 131207 (HTTP 403) but still answers reads', () => {
    const h = createHarness();
    const id = h.groupIdBySubject('Watch Enthusiasts');
    h.control.suspendGroup(id);
    const refused = h.call('POST', `/v23.0/${id}`, { ...WRITE, subject: 'nope' });
    expect([refused.status, errorOf(refused).code]).toEqual([403, 131207]);
    expect(h.call('DELETE', `/v23.0/${id}`).status).toBe(403);
    expect(h.call('GET', `/v23.0/${id}?fields=suspended`).body.suspended).toBe(true);
  });

  it('deletes a group: success, group_delete webhook, then 131041', () => {
    const h = createHarness();
    const id = h.groupIdBySubject('New Purchase Inquiry');
    const result = h.call('DELETE', `/v23.0/${id}`);
    expect(result.body).toEqual({ success: true });
    expect(groupItem(result.outbox[0]!)).toEqual({ timestamp: expect.stringMatching(/^\d+$/), group_id: id, type: 'group_delete', request_id: expect.any(String) });
    expect(errorOf(h.call('GET', `/v23.0/${id}`)).code).toBe(131041);
    expect(h.call('GET', `/v23.0/${SANDBOX_PHONE_A}/groups`).body.data).toMatchObject({ groups: expect.not.arrayContaining([expect.objectContaining({ id })]) });
  });
});
