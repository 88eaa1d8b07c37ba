import { createMetaProvider } from '../../../../../src/webhooks/providers/meta/meta.provider';
import { WebhookPayloadError } from '../../../../../src/webhooks/webhook-errors';
import { webhookFixtures } from '../../../../fixtures/webhooks/webhook-fixtures';
import type { FixtureName } from '../../../../fixtures/webhooks/webhook-fixtures';
import { META_EXPECTED } from './meta.expected';
import { bodyOf, clone, parseDocument, project, RECEIVED_AT, RECEIVED_ISO } from '../webhook-test-support';
import { SANDBOX_PHONE_A, META_WABA_ID, META_DISPLAY_PHONE_NUMBER } from '../../../../helpers/constants';

const provider = createMetaProvider({ appSecrets: ['meta-secret'], verifyToken: 'verify-me' });
const fixtureNames = Object.keys(webhookFixtures.meta) as FixtureName<'meta'>[];

interface MetaDoc {
  object: string;
  entry: { id: string; changes: { field: string; value: Record<string, unknown> & { groups?: Record<string, unknown>[] } }[] }[];
}

function fixture(name: FixtureName<'meta'>): MetaDoc {
  return clone(webhookFixtures.meta[name]) as unknown as MetaDoc;
}

function firstItem(doc: MetaDoc): Record<string, unknown> {
  const item = doc.entry[0]?.changes[0]?.value.groups?.[0];
  if (item === undefined) throw new Error('fixture has no groups[0]');
  return item;
}

describe('Meta provider: normalisation of every fixture', () => {
  it('has an expectation for every Meta fixture', () => {
    expect(Object.keys(META_EXPECTED).sort()).toEqual([...fixtureNames].sort());
  });

  it.each(fixtureNames)('%s', (name) => {
    const result = parseDocument(provider, webhookFixtures.meta[name]);
    const expected = META_EXPECTED[name];
    expect(result.events.map(project)).toEqual(expected.events);
    expect(result.ignored).toEqual(expected.ignored ?? []);
    for (const event of result.events) {
      expect(event.source).toBe('META');
      expect(event.receivedAt).toBe(RECEIVED_ISO);
      expect(event.id).toMatch(/^evt_[A-Za-z0-9_-]{32}$/);
    }
    expect(new Set(result.events.map((event) => event.id)).size).toBe(result.events.length);
  });
});

describe('Meta provider: raw fragments', () => {
  it('keeps the groups[] item with its WABA, field and metadata', () => {
    const doc = fixture('group_lifecycle_update.create');
    const [event] = parseDocument(provider, doc).events;
    expect(event?.raw).toEqual({
      wabaId: META_WABA_ID,
      field: 'group_lifecycle_update',
      metadata: { display_phone_number: META_DISPLAY_PHONE_NUMBER, phone_number_id: SANDBOX_PHONE_A },
      group: firstItem(doc),
    });
  });

  it('keeps each status of an aggregated delivery as its own fragment', () => {
    const doc = fixture('messages.group_status_delivered.aggregated_participants');
    const events = parseDocument(provider, doc).events;
    const value = doc.entry[0]?.changes[0]?.value as { statuses: unknown[] };
    expect(events.map((event) => event.raw)).toEqual(
      value.statuses.map((status) => ({ wabaId: META_WABA_ID, field: 'messages', metadata: { display_phone_number: META_DISPLAY_PHONE_NUMBER, phone_number_id: SANDBOX_PHONE_A }, status })),
    );
  });

  it('keeps the message with its metadata', () => {
    const doc = fixture('messages.group_inbound_text');
    const [event] = parseDocument(provider, doc).events;
    const value = doc.entry[0]?.changes[0]?.value as { messages: unknown[] };
    expect(event?.raw).toMatchObject({ field: 'messages', message: value.messages[0] });
  });

  it('copies only the documented metadata fields, which every event of the change shares', () => {
    const doc = fixture('group_status_update.suspend');
    doc.entry[0]!.changes[0]!.value.metadata = { display_phone_number: META_DISPLAY_PHONE_NUMBER, phone_number_id: SANDBOX_PHONE_A, padding: 'x'.repeat(10_000) };
    const [event] = parseDocument(provider, doc).events;
    expect((event?.raw as { metadata: unknown }).metadata).toEqual({ display_phone_number: META_DISPLAY_PHONE_NUMBER, phone_number_id: SANDBOX_PHONE_A });
  });
});

describe('Meta provider: event identity', () => {
  it('gives a redelivery the same ids, whatever the receive time', () => {
    const body = bodyOf(webhookFixtures.meta['multi.entries_and_changes']);
    const first = provider.parse(body, RECEIVED_AT).events.map((event) => event.id);
    const again = provider.parse(body, new Date('2026-06-08T00:00:00Z')).events.map((event) => event.id);
    expect(again).toEqual(first);
    expect(new Set(first).size).toBe(3);
  });

  it('ignores the spelling: numeric vs string timestamp, alias field and type, participant order', () => {
    const canonical = fixture('group_participants_update.join_request_approved');
    const respelled = fixture('group_participants_update.join_request_approved');
    const change = respelled.entry[0]!.changes[0]!;
    change.field = 'group_participant_update';
    const item = firstItem(respelled);
    item.type = 'group_add_participants';
    item.timestamp = String(item.timestamp);
    (item.added_participants as unknown[]).reverse();
    expect(parseDocument(provider, respelled).events[0]?.id).toBe(parseDocument(provider, canonical).events[0]?.id);
  });

  it('gives different events different ids', () => {
    const ids = (name: FixtureName<'meta'>) => parseDocument(provider, webhookFixtures.meta[name]).events.map((event) => event.id);
    const delivered = ids('messages.group_status_delivered.aggregated_participants');
    const read = ids('messages.group_status_read.aggregated_messages');
    expect(new Set(delivered).size).toBe(3); // one message, three participants
    expect(new Set(read).size).toBe(3); // three messages, one participant
    expect(ids('messages.group_status_delivered')).not.toEqual(ids('messages.group_status_sent'));
    expect(ids('group_lifecycle_update.create')).not.toEqual(ids('group_lifecycle_update.create_failed'));
    expect(ids('group_participants_update.join_request_created')).not.toEqual(ids('group_participants_update.join_request_revoked'));

    const later = fixture('group_status_update.suspend');
    firstItem(later).timestamp = '1755560001';
    expect(parseDocument(provider, later).events[0]?.id).not.toBe(ids('group_status_update.suspend')[0]);
  });

  it('shares an id across fixtures only where they describe the same upstream status', () => {
    const owners = new Map<string, string[]>();
    for (const name of fixtureNames) {
      parseDocument(provider, webhookFixtures.meta[name]).events.forEach((event, index) => {
        owners.set(event.id, [...(owners.get(event.id) ?? []), `${name}#${index}`]);
      });
    }
    const shared = [...owners.values()].filter((names) => names.length > 1);
    // Same wamid, same status, same participant: one delivery receipt, reported by two sample deliveries.
    expect(shared).toEqual([
      ['messages.group_status_delivered.aggregated_participants#2', 'messages.group_status_delivered.doc_variant_participant_recipient_id#0'],
    ]);
  });
});

describe('Meta provider: envelope and hostile input', () => {
  it.each([
    ['not JSON', '{"object":'],
    ['an array', '[]'],
    ['another object', '{"object":"page","entry":[]}'],
    ['entry not an array', '{"object":"whatsapp_business_account","entry":{}}'],
    ['no entry', '{"object":"whatsapp_business_account"}'],
  ])('rejects %s with WebhookPayloadError (400)', (_label, body) => {
    expect(() => provider.parse(Buffer.from(body), RECEIVED_AT)).toThrow(WebhookPayloadError);
  });

  it('ignores malformed entries, changes and items instead of failing the delivery', () => {
    const doc = {
      object: 'whatsapp_business_account',
      entry: [
        1,
        null,
        { id: 'w', changes: 'nope' },
        { id: 'w', changes: [null, { field: 'group_status_update' }, { field: 'group_status_update', value: { groups: {} } }] },
        { id: 'w', changes: [{ field: 'group_status_update', value: { groups: [7, { type: 'group_suspend' }] } }] },
        { id: 'w', changes: [{ field: 'messages', value: { messages: [null, { group_id: 'g' }], statuses: [{ group_id: 'g', id: 'x', status: 'exploded' }] } }] },
      ],
    };
    const result = parseDocument(provider, doc);
    expect(result.events).toEqual([]);
    expect(result.ignored).toEqual([
      { kind: 'entry', reason: 'entry[] item without a changes[] array' },
      { kind: 'entry', reason: 'entry[] item without a changes[] array' },
      { kind: 'entry', reason: 'entry[] item without a changes[] array' },
      { kind: 'change', reason: 'change without a value object' },
      { kind: 'group_status_update', reason: 'change without a value object' },
      { kind: 'group_status_update', reason: 'value without a groups[] array' },
      { kind: 'group_status_update', reason: 'groups[] item is not an object' },
      { kind: 'group_status_update.group_suspend', reason: 'groups[] item has no group_id; every event belongs to a group' },
      { kind: 'messages.message', reason: 'messages[] item is not an object' },
      { kind: 'messages.message', reason: 'group message without an id' },
      { kind: 'messages.status', reason: 'unknown status "exploded"' },
    ]);
  });

  it('reads only own properties: hostile keys such as "constructor" and "__proto__" are plain data', () => {
    const body = Buffer.from(
      JSON.stringify({
        object: 'whatsapp_business_account',
        entry: [{ id: 'w', changes: [{ field: 'messages', value: { messages: [{ group_id: 'g1', id: 'wamid.1', type: 'constructor', from: '1' }] } }] }],
      }).replace('"from":"1"', '"from":"1","__proto__":{"polluted":true}'),
    );
    const [event] = provider.parse(body, RECEIVED_AT).events;
    expect(event?.type).toBe('MESSAGE_RECEIVED');
    expect(event?.details).toMatchObject({ messageType: 'constructor', text: null });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rejects a body nested 100,000 levels deep before building it', () => {
    const deep = `{"object":"whatsapp_business_account","entry":[${'['.repeat(100_000)}${']'.repeat(100_000)}]}`;
    expect(() => provider.parse(Buffer.from(deep), RECEIVED_AT)).toThrow(new WebhookPayloadError('The Meta webhook body nests deeper than 64 levels'));
  });

  it('accepts nesting up to the limit inside an item, and brackets inside strings do not count', () => {
    const doc = fixture('group_status_update.suspend');
    let nested: unknown = { text: '[[[[{{{{ "quoted \\" ]]]]' };
    for (let level = 0; level < 50; level += 1) nested = { nested };
    firstItem(doc).extra = nested;
    const result = parseDocument(provider, doc);
    expect(result.events.map((event) => event.type)).toEqual(['GROUP_SUSPENDED']);
    expect(() => JSON.stringify(result.events)).not.toThrow();
  });

  it('normalises 60,000 messages with 60,000 contacts, each message with its sender\'s contact', () => {
    const count = 60_000;
    const messages = Array.from({ length: count }, (_, i) => ({ from: `1${i}`, group_id: `g${i % 7}`, id: `wamid.${i}`, timestamp: '1744344496', type: 'text', text: { body: `m${i}` } }));
    const contacts = Array.from({ length: count }, (_, i) => ({ profile: { name: `n${i}` }, wa_id: `1${i}` }));
    const body = bodyOf({ object: 'whatsapp_business_account', entry: [{ id: 'w', changes: [{ field: 'messages', value: { contacts, messages } }] }] });
    const result = provider.parse(body, RECEIVED_AT);
    expect(result.events).toHaveLength(count);
    expect(result.events[count - 1]?.details).toMatchObject({ from: { waId: `1${count - 1}`, name: `n${count - 1}` }, text: `m${count - 1}` });
    // That it takes linear time is a soak check: test/soak/webhooks/provider-parse-time.test.ts.
  });
});

describe('Meta handshake', () => {
  const query = (params: Record<string, string>) => new URLSearchParams(params);

  it('answers the challenge, raw, as text/plain when the mode and token match', () => {
    const result = provider.handshake?.(query({ 'hub.mode': 'subscribe', 'hub.verify_token': 'verify-me', 'hub.challenge': '1158201444' }));
    expect(result).toEqual({ status: 200, contentType: 'text/plain; charset=utf-8', body: '1158201444' });
  });

  it.each([
    ['a wrong token', { 'hub.mode': 'subscribe', 'hub.verify_token': 'verify-you', 'hub.challenge': '1' }],
    ['a token of another length', { 'hub.mode': 'subscribe', 'hub.verify_token': 'v', 'hub.challenge': '1' }],
    ['no token', { 'hub.mode': 'subscribe', 'hub.challenge': '1' }],
    ['another mode', { 'hub.mode': 'unsubscribe', 'hub.verify_token': 'verify-me', 'hub.challenge': '1' }],
    ['no challenge', { 'hub.mode': 'subscribe', 'hub.verify_token': 'verify-me' }],
  ])('answers 403 to %s', (_label, params) => {
    expect(provider.handshake?.(query(params))).toEqual({ status: 403, contentType: 'text/plain; charset=utf-8', body: 'Forbidden' });
  });

  it('answers 403 to every handshake when no verify token is configured', () => {
    const closed = createMetaProvider({ appSecrets: ['s'], verifyToken: null });
    expect(closed.handshake?.(query({ 'hub.mode': 'subscribe', 'hub.verify_token': '', 'hub.challenge': '1' }))?.status).toBe(403);
  });
});

describe('createMetaProvider', () => {
  it('tags events SANDBOX when asked to', () => {
    const sandbox = createMetaProvider({ appSecrets: ['s'], verifyToken: null, source: 'SANDBOX' });
    expect(sandbox.source).toBe('SANDBOX');
    expect(parseDocument(sandbox, webhookFixtures.meta['group_status_update.suspend']).events[0]?.source).toBe('SANDBOX');
  });

  it('refuses to start without an app secret, and says how to fix it', () => {
    expect(() => createMetaProvider({ appSecrets: [], verifyToken: null })).toThrow(
      'createMetaProvider: expected appSecrets to hold at least one secret, got []; set META_APP_SECRET, or leave the provider out (createWebhookProviders only creates enabled providers).',
    );
    expect(() => createMetaProvider({ appSecrets: ['ok', ''], verifyToken: null })).toThrow(
      'createMetaProvider: expected appSecrets[1] to be a non-empty string; remove empty entries from META_APP_SECRET.',
    );
  });
});
