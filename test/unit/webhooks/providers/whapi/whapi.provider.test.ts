import { createWhapiProvider } from '../../../../../src/webhooks/providers/whapi/whapi.provider';
import { WebhookPayloadError, WebhookSignatureError } from '../../../../../src/webhooks/webhook-errors';
import { webhookFixtures } from '../../../../fixtures/webhooks/webhook-fixtures';
import type { FixtureName } from '../../../../fixtures/webhooks/webhook-fixtures';
import { WHAPI_EXPECTED } from './whapi.expected';
import { bodyOf, clone, parseDocument, project, RECEIVED_AT, RECEIVED_ISO } from '../webhook-test-support';

const provider = createWhapiProvider({ tokens: ['whapi-token'] });
const fixtureNames = Object.keys(webhookFixtures.whapi) as FixtureName<'whapi'>[];
const NOW = new Date('2026-06-01T12:00:00Z');

function putDocument(items: unknown[], channel = 'MANTIS-M72HC'): unknown {
  return { groups_participants: items, event: { type: 'groups', event: 'put' }, channel_id: channel };
}

describe('Whapi provider: normalisation of every fixture', () => {
  it('has an expectation for every Whapi fixture', () => {
    expect(Object.keys(WHAPI_EXPECTED).sort()).toEqual([...fixtureNames].sort());
  });

  it.each(fixtureNames)('%s', (name) => {
    const result = parseDocument(provider, webhookFixtures.whapi[name]);
    const expected = WHAPI_EXPECTED[name];
    expect(result.events.map(project)).toEqual(expected.events);
    expect(result.ignored).toEqual(expected.ignored ?? []);
    for (const event of result.events) {
      expect(event.source).toBe('WHAPI');
      expect(event.receivedAt).toBe(RECEIVED_ISO);
    }
    expect(new Set(result.events.map((event) => event.id)).size).toBe(result.events.length);
  });

  it('keeps the payload item with the event and channel as raw', () => {
    const doc = webhookFixtures.whapi['groups.put.add'];
    const [event] = parseDocument(provider, doc).events;
    expect(event?.raw).toEqual({ event: { type: 'groups', event: 'put' }, channel_id: 'MANTIS-M72HC', groups_participants: doc.groups_participants[0] });
  });

  it('gives each join request a fragment naming only its requester, as sent', () => {
    const events = parseDocument(provider, webhookFixtures.whapi['groups.put.request']).events;
    expect(events.map((event) => event.raw)).toEqual(
      ['61371989850', '203985553021@lid'].map((id) => ({
        event: { type: 'groups', event: 'put' },
        channel_id: 'MANTIS-M72HC',
        groups_participants: { group_id: '120363471232412449@g.us', participants: [id], action: 'request' },
      })),
    );
  });

  it('splits a join request item of 50,000 requesters into as many events, in linear size', () => {
    const ids = Array.from({ length: 50_000 }, (_, i) => String(61_000_000_000 + i));
    const events = parseDocument(provider, putDocument([{ group_id: 'g@g.us', participants: ids, action: 'request' }])).events;
    expect(events).toHaveLength(50_000);
    expect(new Set(events.map((event) => event.id)).size).toBe(50_000);
    expect(JSON.stringify(events.map((event) => event.raw)).length).toBeLessThan(50_000 * 200);
    // That it takes linear time is a soak check: test/soak/webhooks/provider-parse-time.test.ts.
  });
});

describe('Whapi provider: event identity', () => {
  const item = { group_id: '120363271212442249@g.us', participants: ['61280155346'], action: 'add' };

  it('dedupes a redelivery of a groups.put item, whatever its key order', () => {
    const reordered = { action: 'add', participants: ['61280155346'], group_id: '120363271212442249@g.us' };
    const first = parseDocument(provider, putDocument([item])).events[0]?.id;
    expect(parseDocument(provider, putDocument([reordered]), new Date('2026-06-02T00:00:00Z')).events[0]?.id).toBe(first);
  });

  it('by design also merges a genuinely repeated identical action (groups.put has no id and no time)', () => {
    const events = parseDocument(provider, putDocument([item, item])).events;
    expect(events).toHaveLength(2);
    expect(events[0]?.id).toBe(events[1]?.id); // the event log keeps one of them
  });

  it('gives different actions, groups and channels different ids', () => {
    const ids = [
      putDocument([item]),
      putDocument([{ ...item, action: 'remove' }]),
      putDocument([{ ...item, group_id: '120363000000000001@g.us' }]),
      putDocument([item], 'OTHER-CHANNEL'),
    ].map((doc) => parseDocument(provider, doc).events[0]?.id);
    expect(new Set(ids).size).toBe(4);
  });

  it('identifies messages by channel and message id', () => {
    const doc = clone(webhookFixtures.whapi['messages.post.group_text']);
    const original = parseDocument(provider, doc).events[0]?.id;
    doc.messages[0]!.text.body = 'edited body, same message id';
    expect(parseDocument(provider, doc).events[0]?.id).toBe(original);
    doc.channel_id = 'OTHER-CHANNEL';
    expect(parseDocument(provider, doc).events[0]?.id).not.toBe(original);
  });
});

describe('Whapi provider: envelope and odd items', () => {
  it.each([
    ['not JSON', 'nope'],
    ['no event', '{"groups":[]}'],
    ['an event without a method', '{"groups":[],"event":{"type":"groups"}}'],
    ['no payload array', '{"event":{"type":"groups","event":"put"},"channel_id":"C"}'],
    ['a Meta delivery', '{"object":"whatsapp_business_account","entry":[]}'],
  ])('rejects %s with WebhookPayloadError', (_label, body) => {
    expect(() => provider.parse(Buffer.from(body), RECEIVED_AT)).toThrow(WebhookPayloadError);
  });

  it('ignores items it cannot normalise', () => {
    const result = parseDocument(provider, putDocument([null, { group_id: 'g@g.us', participants: [], action: 'add' }, { participants: ['1'], action: 'add' }]));
    expect(result.events).toEqual([]);
    expect(result.ignored).toEqual([
      { kind: 'groups.put', reason: 'groups_participants[] item without group_id or participants' },
      { kind: 'groups.put', reason: 'groups_participants[] item without group_id or participants' },
      { kind: 'groups.put', reason: 'groups_participants[] item without group_id or participants' },
    ]);
  });

  it('ignores a known event whose payload array has another name', () => {
    const result = parseDocument(provider, { groups: [], event: { type: 'groups', event: 'put' } });
    expect(result.ignored).toEqual([{ kind: 'groups.put', reason: 'no groups_participants[] array for groups.put' }]);
  });

  it('uses a null phone number id when the delivery has no channel_id', () => {
    const [event] = parseDocument(provider, { groups_participants: [{ group_id: 'g@g.us', participants: ['1'], action: 'promote' }], event: { type: 'groups', event: 'put' } }).events;
    expect(event?.phoneNumberId).toBeNull();
  });
});

describe('Whapi token verification', () => {
  const body = bodyOf(webhookFixtures.whapi['groups.put.add']);

  it.each(['Bearer whapi-token', 'bearer whapi-token', '  Bearer   whapi-token  '])('accepts %j', (authorization) => {
    expect(() => provider.verify(body, { authorization }, NOW)).not.toThrow();
  });

  it.each([
    ['a wrong token', 'Bearer whapi-tokex', 'The Authorization token does not match'],
    ['another scheme', 'Basic d2hhcGk6dG9rZW4=', 'Malformed Authorization header: expected "Bearer <token>"'],
    ['a bare token', 'whapi-token', 'Malformed Authorization header: expected "Bearer <token>"'],
    ['"Bearer" alone', 'Bearer', 'Malformed Authorization header: expected "Bearer <token>"'],
    ['a token with spaces', 'Bearer whapi token', 'Malformed Authorization header: expected "Bearer <token>"'],
    ['an empty header', '', 'Missing Authorization header'],
  ])('rejects %s', (_label, authorization, message) => {
    expect(() => provider.verify(body, { authorization }, NOW)).toThrow(new WebhookSignatureError(message));
  });

  it('accepts any configured token (rotation) and signs with the first', () => {
    const rotating = createWhapiProvider({ tokens: ['new-token', 'old-token'] });
    expect(rotating.signForTest(body)).toEqual({ authorization: 'Bearer new-token' });
    expect(() => rotating.verify(body, { Authorization: 'Bearer old-token' }, NOW)).not.toThrow();
  });

  it('refuses to start without a token', () => {
    expect(() => createWhapiProvider({ tokens: [] })).toThrow(/createWhapiProvider: expected tokens to hold at least one secret, got \[\]; set WHAPI_WEBHOOK_TOKEN/);
  });
});
