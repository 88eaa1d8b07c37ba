import { changeValue, createHarness, errorOf, groupItem, WRITE } from './graph-harness';
import { SANDBOX_PHONE_A, SANDBOX_PHONE_B } from '../../helpers/constants';

describe('sandbox: remove participants', () => {
  it('removes members, echoes each input, and reports failures per participant', () => {
    const h = createHarness();
    const id = h.groupIdBySubject('Watch Enthusiasts');
    const result = h.call('DELETE', `/v23.0/${id}/participants`, { ...WRITE, participants: [{ user: '+1 650-555-1234' }, { user: '19998887777' }] });
    expect(result.body).toEqual({ success: true });
    const item = groupItem(result.outbox[0]!);
    expect(item).toMatchObject({
      type: 'group_participants_remove',
      initiated_by: 'business',
      request_id: expect.any(String),
      removed_participants: [{ input: '+1 650-555-1234', wa_id: '16505551234', user_id: expect.stringMatching(/^US\./), username: 'ana.lopes' }],
      failed_participants: [{ input: '19998887777', errors: [expect.objectContaining({ code: 131212 })] }],
      errors: [expect.objectContaining({ title: 'Not All Participants Remove Succeeded' })],
    });
    expect(h.state.group(id)!.participants.map((p) => p.waId)).toEqual(['16467043595', '447700900123']);
    expect(h.state.group(id)!.removed.has('16505551234')).toBe(true);
  });

  it('accepts a BSUID as the user and a form-encoded participants list', () => {
    const h = createHarness();
    const id = h.groupIdBySubject('Watch Enthusiasts');
    const bsuid = h.state.group(id)!.participants[1]!.userId;
    const result = h.call('DELETE', `/v23.0/${id}/participants`, { ...WRITE, participants: JSON.stringify([{ user: bsuid }]) });
    expect(groupItem(result.outbox[0]!).removed_participants).toEqual([expect.objectContaining({ input: bsuid, wa_id: '16467043595' })]);
  });

  it('enforces 1..8 items, no duplicates (131202), and at least one member (131212)', () => {
    const h = createHarness();
    const id = h.groupIdBySubject('Weekend Ride Club');
    const remove = (participants: unknown) => errorOf(h.call('DELETE', `/v23.0/${id}/participants`, { ...WRITE, participants }));
    expect(remove([]).message).toBe('(#100) Param participants must hold 1 to 8 items, got 0');
    expect(remove(Array.from({ length: 9 }, (_, i) => ({ user: `1650555000${i}` }))).code).toBe(100);
    expect(remove([{ user: '16505551234' }, { user: '+16505551234' }]).code).toBe(131202);
    expect(remove([{ user: '10000000000' }]).code).toBe(131212);
    expect(remove([{ nope: 1 }]).code).toBe(100);
    expect(h.state.group(id)!.participants).toHaveLength(8);
  });
});

describe('sandbox: invite links', () => {
  it('gets the current link, resets it, deletes it (success "true"), and mints a new one on the next get', () => {
    const h = createHarness();
    const id = h.groupIdBySubject('Watch Enthusiasts');
    const first = h.call('GET', `/v23.0/${id}/invite_link`).body.invite_link as string;
    expect(h.call('GET', `/v23.0/${id}/invite_link`).body).toEqual({ messaging_product: 'whatsapp', invite_link: first });
    const reset = h.call('POST', `/v23.0/${id}/invite_link`, { ...WRITE }).body.invite_link as string;
    expect(reset).not.toBe(first);
    expect(reset).toMatch(/^https:\/\/chat\.whatsapp\.com\/\w{22}$/);
    expect(h.call('DELETE', `/v23.0/${id}/invite_link`, { ...WRITE }).body).toEqual({ messaging_product: 'whatsapp', success: 'true' });
    expect(h.state.group(id)!.inviteLink).toBeNull();
    const minted = h.call('GET', `/v23.0/${id}/invite_link`).body.invite_link as string;
    expect([first, reset]).not.toContain(minted);
  });
});

describe('sandbox: join requests', () => {
  it('lists the seeded pending requests with ids shaped <phone>:<group number>', () => {
    const h = createHarness();
    const id = h.groupIdBySubject('VIP Early Access');
    const result = h.call('GET', `/v23.0/${id}/join_requests`);
    const data = result.body.data as Record<string, unknown>[];
    expect(data).toHaveLength(2);
    expect(data[0]).toEqual({ join_request_id: expect.any(String), wa_id: '14155550123', user_id: expect.stringMatching(/^US\./), creation_timestamp: expect.any(Number) });
    expect(Buffer.from(data[0]!.join_request_id as string, 'base64').toString()).toBe(`14155550123:${h.state.group(id)!.number}`);
    expect(h.call('GET', `/v23.0/${id}/join_requests?limit=1`).body.paging).toMatchObject({ next: expect.any(String) });
  });

  it('approves per item: known requests join (group_participants_add), unknown ones fail with 131213', () => {
    const h = createHarness();
    const id = h.groupIdBySubject('VIP Early Access');
    const [first] = h.state.group(id)!.joinRequests;
    const result = h.call('POST', `/v23.0/${id}/join_requests`, { ...WRITE, join_requests: [first!.id, 'bm9wZQ=='] });
    expect(result.body).toEqual({
      messaging_product: 'whatsapp',
      approved_join_requests: [first!.id],
      failed_join_requests: [{ join_request_id: 'bm9wZQ==', errors: [expect.objectContaining({ code: 131213, title: 'Group join request does not exist' })] }],
      errors: [expect.objectContaining({ code: 131213 })],
    });
    expect(groupItem(result.outbox[0]!)).toMatchObject({ type: 'group_participants_add', reason: 'invite_link', added_participants: [{ input: '14155550123', wa_id: '14155550123', user_id: expect.any(String) }] });
    expect(h.state.group(id)!.participants.map((p) => p.waId)).toContain('14155550123');
    expect(h.state.group(id)!.joinRequests).toHaveLength(1);
  });

  it('rejects without a webhook, and refuses an empty list', () => {
    const h = createHarness();
    const id = h.groupIdBySubject('VIP Early Access');
    const ids = h.state.group(id)!.joinRequests.map((r) => r.id);
    const result = h.call('DELETE', `/v23.0/${id}/join_requests`, { ...WRITE, join_requests: ids });
    expect(result.body).toEqual({ messaging_product: 'whatsapp', rejected_join_requests: ids });
    expect(result.outbox).toHaveLength(0);
    expect(h.call('GET', `/v23.0/${id}/join_requests`).body).toEqual({ data: [] });
    expect(errorOf(h.call('DELETE', `/v23.0/${id}/join_requests`, { ...WRITE, join_requests: [] })).code).toBe(100);
  });
});

describe('sandbox: group messages', () => {
  it('answers the standard send response, then statuses sent (group), delivered and read (per participant)', () => {
    const h = createHarness();
    const id = h.groupIdBySubject('New Purchase Inquiry');
    const result = h.call('POST', `/v23.0/${SANDBOX_PHONE_A}/messages`, { ...WRITE, recipient_type: 'group', to: id, type: 'text', text: { body: 'Hello group' } });
    const wamid = ((result.body.messages as { id: string }[])[0]!).id;
    expect(result.body).toEqual({ messaging_product: 'whatsapp', contacts: [{ input: id, wa_id: id }], messages: [{ id: expect.stringMatching(/^wamid\./) }] });
    expect(result.outbox.map((o) => o.field)).toEqual(['messages', 'messages', 'messages']);
    const [sent, delivered, read] = result.outbox.map((o) => changeValue(o).statuses as Record<string, unknown>[]);
    expect(sent).toEqual([expect.objectContaining({ id: wamid, status: 'sent', recipient_id: id, recipient_type: 'group' })]);
    expect(sent![0]!.recipient_participant_id).toBeUndefined();
    expect(delivered!.map((s) => [s.status, s.recipient_participant_id])).toEqual([['delivered', '16467043595'], ['delivered', '919876543210']]);
    expect(read!.every((s) => s.status === 'read' && s.recipient_type === 'group' && s.id === wamid)).toBe(true);
  });

  it('refuses single-member groups (131020), wrong recipient types, unsupported types and other numbers’ groups', () => {
    const h = createHarness();
    const empty = h.groupIdBySubject('Just Us');
    const send = (phone: string, params: Record<string, unknown>) => errorOf(h.call('POST', `/v23.0/${phone}/messages`, { ...WRITE, type: 'text', text: { body: 'x' }, ...params }));
    expect(send(SANDBOX_PHONE_B, { recipient_type: 'group', to: empty })).toMatchObject({ code: 131020 });
    const id = h.groupIdBySubject('Watch Enthusiasts');
    expect(send(SANDBOX_PHONE_A, { recipient_type: 'individual', to: id }).message).toBe('(#100) Param recipient_type must be "group" when to is a group id, got "individual"');
    expect(send(SANDBOX_PHONE_A, { recipient_type: 'group', to: id, type: 'interactive', interactive: {} })).toMatchObject({ code: 131051, message: '(#131051) Message type interactive is not supported for group messages; groups take text, media (image, video, audio, document, sticker), templates and pins' });
    expect(send(SANDBOX_PHONE_A, { recipient_type: 'group', to: id, text: {} }).message).toBe('(#100) Param text.body is required');
    expect(send(SANDBOX_PHONE_B, { recipient_type: 'group', to: id }).code).toBe(131041);
  });

  it('pins with expiration_days 1..30, keeps at most 3 pins, and unpins', () => {
    const h = createHarness();
    const id = h.groupIdBySubject('Watch Enthusiasts');
    const pin = (pinBody: Record<string, unknown>) => h.call('POST', `/v23.0/${SANDBOX_PHONE_A}/messages`, { ...WRITE, recipient_type: 'group', to: id, type: 'pin', pin: pinBody });
    expect(errorOf(pin({ type: 'pin', message_id: 'wamid.A', expiration_days: 31 })).code).toBe(100);
    expect(errorOf(pin({ type: 'pin', message_id: 'wamid.A' })).message).toBe('(#100) Param pin.expiration_days is required');
    for (const m of ['A', 'B', 'C', 'D']) expect(pin({ type: 'pin', message_id: `wamid.${m}`, expiration_days: '7' }).status).toBe(200);
    expect(h.state.group(id)!.pinned).toEqual(['wamid.B', 'wamid.C', 'wamid.D']);
    expect(pin({ type: 'unpin', message_id: 'wamid.C' }).status).toBe(200);
    expect(h.state.group(id)!.pinned).toEqual(['wamid.B', 'wamid.D']);
    expect(errorOf(pin({ type: 'unpin', message_id: 'wamid.C' })).code).toBe(100);
  });
});
