import { performance } from 'node:perf_hooks';
import { createMetaProvider } from '../../../src/webhooks/providers/meta/meta.provider';
import { createWhapiProvider } from '../../../src/webhooks/providers/whapi/whapi.provider';

/**
 * Time budgets for pathological but valid deliveries: a quadratic step would take minutes, the linear one about a
 * second. What the events hold is pinned by the unit tests of each provider (test/unit/webhooks/providers/).
 */
const BUDGET_MS = 10_000;
const RECEIVED_AT = new Date('2026-06-01T12:00:00.000Z');
const bodyOf = (document: unknown): Buffer => Buffer.from(JSON.stringify(document));

/** Runs `parse` and answers how many events it made and how long it took. */
function timed(parse: () => { events: readonly unknown[] }): { events: number; elapsedMs: number } {
  const started = performance.now();
  const { events } = parse();
  return { events: events.length, elapsedMs: performance.now() - started };
}

describe('webhook providers parse in linear time', () => {
  it('Whapi: a join request item of 50,000 requesters (the item is hashed once, not once per requester)', () => {
    const provider = createWhapiProvider({ tokens: ['whapi-token'] });
    const participants = Array.from({ length: 50_000 }, (_, i) => String(61_000_000_000 + i));
    const body = bodyOf({ groups_participants: [{ group_id: 'g@g.us', participants, action: 'request' }], event: { type: 'groups', event: 'put' }, channel_id: 'MANTIS-M72HC' });
    const { events, elapsedMs } = timed(() => provider.parse(body, RECEIVED_AT));
    expect(events).toBe(50_000);
    expect(elapsedMs).toBeLessThan(BUDGET_MS);
  });

  it('Meta: 60,000 messages with 60,000 contacts (an indexed contact lookup, not 1.8·10^9 comparisons)', () => {
    const provider = createMetaProvider({ appSecrets: ['meta-secret'], verifyToken: 'verify-me' });
    const count = 60_000;
    const messages = Array.from({ length: count }, (_, i) => ({ from: `1${i}`, group_id: `g${i % 7}`, id: `wamid.${i}`, timestamp: '1744344496', type: 'text', text: { body: `m${i}` } }));
    const contacts = Array.from({ length: count }, (_, i) => ({ profile: { name: `n${i}` }, wa_id: `1${i}` }));
    const body = bodyOf({ object: 'whatsapp_business_account', entry: [{ id: 'w', changes: [{ field: 'messages', value: { contacts, messages } }] }] });
    const { events, elapsedMs } = timed(() => provider.parse(body, RECEIVED_AT));
    expect(events).toBe(count);
    expect(elapsedMs).toBeLessThan(BUDGET_MS);
  });
});
