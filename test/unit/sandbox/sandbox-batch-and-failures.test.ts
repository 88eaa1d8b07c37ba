import { createFailureInjector } from '../../../src/sandbox/sandbox-failures';
import { createHarness, errorOf, groupItem, WRITE } from './graph-harness';
import { SANDBOX_PHONE_A } from '../../helpers/constants';

describe('sandbox: batch', () => {
  it('answers each sub-request in order with {code, headers, body: "<json>"}', () => {
    const h = createHarness();
    const id = h.groupIdBySubject('Watch Enthusiasts');
    const result = h.call('POST', '/v23.0/', { batch: [{ method: 'GET', relative_url: `${id}?fields=subject` }, { method: 'GET', relative_url: '/v23.0/unknown-group' }] });
    expect(result.status).toBe(200);
    const items = result.body as unknown as { code: number; headers?: unknown[]; body: string }[];
    expect(items.map((i) => i.code)).toEqual([200, 400]);
    expect(JSON.parse(items[0]!.body)).toEqual({ messaging_product: 'whatsapp', id, subject: 'Watch Enthusiasts' });
    expect(JSON.parse(items[1]!.body).error.code).toBe(131041);
    expect(items[0]!.headers).toEqual([{ name: 'Content-Type', value: 'application/json; charset=UTF-8' }]);
  });

  it('accepts the form-encoded variant with include_headers=false and form sub-bodies for writes', () => {
    const h = createHarness();
    const id = h.groupIdBySubject('Watch Enthusiasts');
    const batch = JSON.stringify([
      { method: 'POST', relative_url: id, body: 'messaging_product=whatsapp&subject=Renamed' },
      { method: 'GET', relative_url: `${id}?fields=subject` },
    ]);
    const result = h.call('POST', '/v23.0/', { batch, include_headers: 'false' });
    const items = result.body as unknown as { code: number; headers?: unknown; body: string }[];
    expect(items[0]).toEqual({ code: 200, body: JSON.stringify({ success: true }) });
    expect(JSON.parse(items[1]!.body).subject).toBe('Renamed');
    expect(result.outbox.map((o) => o.field)).toEqual(['group_settings_update']);
  });

  it('refuses more than 50 sub-requests and malformed batches with code 100', () => {
    const h = createHarness();
    const many = Array.from({ length: 51 }, () => ({ method: 'GET', relative_url: 'x' }));
    expect(errorOf(h.call('POST', '/v23.0/', { batch: many })).message).toBe('(#100) Too many requests in batch message. Maximum batch size is 50, got 51');
    expect(errorOf(h.call('POST', '/v23.0/', {})).message).toBe('(#100) The parameter batch is required');
    expect(errorOf(h.call('POST', '/v23.0/', { batch: '[not json' })).code).toBe(100);
    expect(errorOf(h.call('POST', '/v23.0/', { batch: [{ method: 'PATCH', relative_url: 'x' }] })).message).toMatch(/batch\[0\]\.method must be GET, POST or DELETE/);
  });
});

describe('sandbox: routing', () => {
  it('answers unknown paths and methods with code 100 that says what exists', () => {
    const h = createHarness();
    const id = h.groupIdBySubject('Watch Enthusiasts');
    expect(errorOf(h.call('GET', `/v23.0/${id}/members`)).message).toBe('(#100) Unknown path components: /' + id + '/members');
    expect(errorOf(h.call('POST', `/v23.0/${id}/participants`, { ...WRITE })).message).toMatch(/Adding participants is not supported/);
    expect(errorOf(h.call('PUT', `/v23.0/${id}`)).message).toBe(`(#100) Unsupported put request on /${id}; supported: GET, POST, DELETE`);
    expect(h.call('GET', `/${id}?fields=subject`).body.subject).toBe('Watch Enthusiasts');
  });
});

describe('sandbox: failNext', () => {
  it('fails the next matching request synchronously with Meta’s envelope, status and Retry-After', () => {
    const h = createHarness();
    h.failures.add({ operation: 'listGroups', code: 130429, times: 2 });
    for (let i = 0; i < 2; i++) {
      const result = h.call('GET', `/v23.0/${SANDBOX_PHONE_A}/groups`);
      expect(result.status).toBe(429);
      expect(result.headers['retry-after']).toBe('1');
      expect(errorOf(result)).toMatchObject({ code: 130429, type: 'OAuthException', is_transient: true, message: '(#130429) Rate limit hit' });
    }
    expect(h.call('GET', `/v23.0/${SANDBOX_PHONE_A}/groups`).status).toBe(200);
    h.failures.add({ operation: 'getGroup', code: 2, httpStatus: 503 });
    expect(h.call('GET', `/v23.0/${h.groupIdBySubject('Watch Enthusiasts')}`).status).toBe(503);
  });

  it('fails a create asynchronously: success answer, errors in group_create, no group', () => {
    const h = createHarness();
    const before = h.state.phone(SANDBOX_PHONE_A)!.groups.size;
    h.failures.add({ operation: 'createGroup', code: 131214, async: true });
    const result = h.call('POST', `/v23.0/${SANDBOX_PHONE_A}/groups`, { ...WRITE, subject: 'Later' });
    expect(result.status).toBe(200);
    expect(groupItem(result.outbox[0]!)).toMatchObject({ type: 'group_create', request_id: result.body.request_id, errors: [expect.objectContaining({ code: 131214 })] });
    expect(h.state.phone(SANDBOX_PHONE_A)!.groups.size).toBe(before);
  });

  it('fails settings, delete and removals asynchronously without changing the group', () => {
    const h = createHarness();
    const id = h.groupIdBySubject('Watch Enthusiasts');
    h.failures.add({ operation: 'updateGroupSettings', code: 131207, async: true });
    const settings = groupItem(h.call('POST', `/v23.0/${id}`, { ...WRITE, subject: 'X' }).outbox[0]!);
    expect(settings.group_subject).toEqual({ text: 'X', update_successful: false, errors: [expect.objectContaining({ code: 131207 })] });
    h.failures.add({ operation: 'deleteGroup', code: 1, async: true });
    expect(groupItem(h.call('DELETE', `/v23.0/${id}`).outbox[0]!)).toMatchObject({ type: 'group_delete', errors: [expect.objectContaining({ code: 1 })] });
    h.failures.add({ operation: 'removeParticipants', code: 131212, async: true });
    const removal = groupItem(h.call('DELETE', `/v23.0/${id}/participants`, { ...WRITE, participants: [{ user: '16505551234' }] }).outbox[0]!);
    expect(removal).toMatchObject({ removed_participants: [], failed_participants: [{ input: '16505551234', errors: [expect.objectContaining({ code: 131212 })] }] });
    expect(h.state.group(id)).toMatchObject({ subject: 'Watch Enthusiasts' });
    expect(h.state.group(id)!.participants).toHaveLength(3);
  });

  it('applies to batch sub-requests by their own operation', () => {
    const h = createHarness();
    h.failures.add({ operation: 'getGroup', code: 131041 });
    const id = h.groupIdBySubject('Watch Enthusiasts');
    const items = h.call('POST', '/v23.0/', { batch: [{ method: 'GET', relative_url: id }, { method: 'GET', relative_url: id }] }).body as unknown as { code: number }[];
    expect(items.map((i) => i.code)).toEqual([400, 200]);
  });

  it('rejects rules that cannot work, with the fix in the message', () => {
    const failures = createFailureInjector();
    expect(() => failures.add({ operation: 'getGroup', code: 131041, async: true })).toThrow(/expected an operation whose outcome arrives by webhook .* drop async/);
    expect(() => failures.add({ operation: 'nope' as 'getGroup', code: 1 })).toThrow(/expected operation to be one of createGroup/);
    expect(() => failures.add({ operation: 'getGroup', code: 1, times: 0 })).toThrow('Sandbox.failNext: expected times to be an integer >= 1, got 0');
    expect(() => failures.add({ operation: 'getGroup', code: 1, httpStatus: 200 })).toThrow(TypeError);
  });
});
