import { createYCloudProvider } from '../../../../../src/webhooks/providers/ycloud/ycloud.provider';
import { signYCloudPayload } from '../../../../../src/webhooks/providers/ycloud/ycloud.verify';
import { WebhookPayloadError, WebhookSignatureError } from '../../../../../src/webhooks/webhook-errors';
import { webhookFixtures } from '../../../../fixtures/webhooks/webhook-fixtures';
import type { FixtureName } from '../../../../fixtures/webhooks/webhook-fixtures';
import { YCLOUD_EXPECTED } from './ycloud.expected';
import { bodyOf, clone, parseDocument, project, RECEIVED_AT, RECEIVED_ISO } from '../webhook-test-support';

const SECRET = 'whsec_ycloud';
const provider = createYCloudProvider({ secrets: [SECRET], toleranceSeconds: 300 });
const fixtureNames = Object.keys(webhookFixtures.ycloud) as FixtureName<'ycloud'>[];

describe('YCloud provider: normalisation of every fixture', () => {
  it('has an expectation for every YCloud fixture', () => {
    expect(Object.keys(YCLOUD_EXPECTED).sort()).toEqual([...fixtureNames].sort());
  });

  it.each(fixtureNames)('%s', (name) => {
    const result = parseDocument(provider, webhookFixtures.ycloud[name]);
    const expected = YCLOUD_EXPECTED[name];
    expect(result.events.map(project)).toEqual(expected.events);
    expect(result.ignored).toEqual(expected.ignored ?? []);
    for (const event of result.events) {
      expect(event.source).toBe('YCLOUD');
      expect(event.receivedAt).toBe(RECEIVED_ISO);
      expect(event.raw).toEqual(webhookFixtures.ycloud[name]);
    }
  });
});

describe('YCloud provider: event identity and edge cases', () => {
  it('identifies an event by the envelope id: a redelivery dedupes, another id does not', () => {
    const doc = clone(webhookFixtures.ycloud['participants.add']);
    const original = parseDocument(provider, doc).events[0]?.id;
    expect(parseDocument(provider, doc, new Date('2026-06-02T00:00:00Z')).events[0]?.id).toBe(original);
    doc.id = 'evt_group_participants_999';
    expect(parseDocument(provider, doc).events[0]?.id).not.toBe(original);
  });

  it('falls back to createTime, then to the receive time, when webhookTime is missing or not a date', () => {
    const doc = clone(webhookFixtures.ycloud['status.suspended']) as { createTime: string; whatsappGroup: Record<string, unknown> };
    delete doc.whatsappGroup.webhookTime;
    expect(parseDocument(provider, doc).events[0]?.occurredAt).toBe('2026-05-13T00:00:05.000Z');
    doc.createTime = 'yesterday';
    expect(parseDocument(provider, doc).events[0]?.occurredAt).toBe(RECEIVED_ISO);
  });

  it('ignores a group event without a groupId, an unknown type, or no whatsappGroup', () => {
    const withoutGroup = clone(webhookFixtures.ycloud['status.suspended']) as { whatsappGroup: Record<string, unknown> };
    delete withoutGroup.whatsappGroup.groupId;
    const unknownType = clone(webhookFixtures.ycloud['status.suspended']) as { whatsappGroup: Record<string, unknown> };
    unknownType.whatsappGroup.type = 'group_archived';
    const noPayload = { id: 'evt_1', type: 'whatsapp.group.status_update', createTime: '2026-05-13T00:00:00Z', somethingElse: {} };
    expect(parseDocument(provider, withoutGroup).ignored).toEqual([{ kind: 'whatsapp.group.status_update', reason: 'whatsappGroup without groupId' }]);
    expect(parseDocument(provider, unknownType).ignored).toEqual([
      { kind: 'whatsapp.group.status_update.group_archived', reason: 'unknown status type "group_archived"' },
    ]);
    expect(parseDocument(provider, noPayload).ignored).toEqual([{ kind: 'whatsapp.group.status_update', reason: 'no whatsappGroup object' }]);
  });

  it.each([
    ['not JSON', '{"id":'],
    ['no id', '{"type":"whatsapp.group.status_update","createTime":"2026-05-13T00:00:00Z","whatsappGroup":{}}'],
    ['no createTime', '{"id":"evt_1","type":"whatsapp.group.status_update","whatsappGroup":{}}'],
    ['no payload object', '{"id":"evt_1","type":"whatsapp.group.status_update","createTime":"2026-05-13T00:00:00Z"}'],
    ['a Whapi delivery', '{"groups":[],"event":{"type":"groups","event":"post"}}'],
  ])('rejects %s with WebhookPayloadError', (_label, body) => {
    expect(() => provider.parse(Buffer.from(body), RECEIVED_AT)).toThrow(WebhookPayloadError);
  });
});

describe('YCloud signature', () => {
  const body = bodyOf(webhookFixtures.ycloud['lifecycle.created']);
  const signedAt = new Date('2026-05-13T00:00:00Z');
  const header = signYCloudPayload(body, SECRET, signedAt);
  const hex = header.split(',s=')[1] ?? '';
  const at = (seconds: number) => new Date(signedAt.getTime() + seconds * 1000);
  const verify = (value: string, now = signedAt) => provider.verify(body, { 'YCloud-Signature': value }, now);

  it('signs t=<unix seconds>,s=<hex HMAC of "<t>.<body>">', () => {
    expect(header).toMatch(/^t=1778630400,s=[0-9a-f]{64}$/);
    expect(provider.signForTest(body, { timestamp: signedAt })).toEqual({ 'ycloud-signature': header });
  });

  it.each([
    ['at the signing time', 0],
    ['at the edge of the tolerance', 300],
    ['slightly ahead of the clock', -300],
  ])('accepts a delivery verified %s', (_label, offsetSeconds) => {
    expect(() => verify(header, at(offsetSeconds))).not.toThrow();
  });

  it('rejects a stale timestamp (a replay) with 401', () => {
    expect(() => verify(header, at(301))).toThrow(new WebhookSignatureError('YCloud-Signature timestamp is 301 s old, beyond the 300 s tolerance'));
    expect(new WebhookSignatureError('x').httpStatus).toBe(401);
  });

  it('rejects a timestamp too far in the future with 401', () => {
    expect(() => verify(header, at(-301))).toThrow(new WebhookSignatureError('YCloud-Signature timestamp is 301 s in the future, beyond the 300 s tolerance'));
  });

  it('rejects a valid signature moved to another timestamp (the time is signed too)', () => {
    expect(() => verify(`t=1778630401,s=${hex}`)).toThrow(new WebhookSignatureError('YCloud-Signature does not match the body'));
  });

  it.each([
    `s=${hex},t=1778630400`,
    ` t=1778630400 , s=${hex} `,
    `t=1778630400,s=${'0'.repeat(64)},s=${hex}`,
    `t=1778630400,v=2,s=${hex.toUpperCase()}`,
  ])('accepts the header spelled %j', (value) => {
    expect(() => verify(value)).not.toThrow();
  });

  it.each([
    ['no signature', 't=1778630400'],
    ['no timestamp', `s=${hex}`],
    ['a non-numeric timestamp', `t=soon,s=${hex}`],
    ['a short signature', 't=1778630400,s=abc123'],
    ['two timestamps', `t=1778630400,t=1778630400,s=${hex}`],
    ['a part without "="', `t=1778630400,${hex}`],
    ['the wrong scheme', `sha256=${hex}`],
    ['too many signatures', `t=1778630400${`,s=${'1'.repeat(64)}`.repeat(9)}`],
  ])('rejects %s as malformed', (_label, value) => {
    expect(() => verify(value)).toThrow(new WebhookSignatureError('Malformed YCloud-Signature header: expected t=<unix seconds>,s=<64 hex digits>'));
  });

  it('refuses to start without a secret or with a non-positive tolerance', () => {
    expect(() => createYCloudProvider({ secrets: [], toleranceSeconds: 300 })).toThrow(/expected secrets to hold at least one secret, got \[\]; set YCLOUD_WEBHOOK_SECRET/);
    expect(() => createYCloudProvider({ secrets: ['s'], toleranceSeconds: 0 })).toThrow(
      'createYCloudProvider: expected toleranceSeconds to be a positive number of seconds, got 0; pass config.webhooks.ycloud.toleranceSeconds (YCLOUD_TOLERANCE_SECONDS, default 300).',
    );
  });
});
