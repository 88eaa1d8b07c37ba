import type { AppendResult, EventLog } from '../../../src/events/event-log';
import { EventLogUnavailableError } from '../../../src/events/event-log';
import type { DomainEvent } from '../../../src/events/event-model';
import { createSilentLogger } from '../../../src/lib/logger';
import type { ProviderName, WebhookProvider } from '../../../src/webhooks/providers/provider';
import { WebhookPayloadError, WebhookSignatureError } from '../../../src/webhooks/webhook-errors';
import { createWebhookIngress } from '../../../src/webhooks/webhook-ingress';
import { makeEvent } from '../../helpers/events';

const event = makeEvent({ id: 'evt_1', type: 'GROUP_SUSPENDED' });

function fakeProvider(behaviour: { verify?: () => void; parse?: () => DomainEvent[] } = {}): WebhookProvider {
  return {
    name: 'meta',
    source: 'META',
    handshake: (query) => ({ status: query.get('ok') ? 200 : 403, contentType: 'text/plain', body: 'challenge' }),
    verify: behaviour.verify ?? (() => undefined),
    parse: () => ({ events: behaviour.parse ? behaviour.parse() : [event], ignored: [{ kind: 'x', reason: 'unknown' }] }),
    signForTest: () => ({}),
  };
}

function fakeLog(append: (events: readonly DomainEvent[]) => Promise<AppendResult>): EventLog & { calls: DomainEvent[][] } {
  const calls: DomainEvent[][] = [];
  return {
    calls,
    append: async (events) => {
      calls.push([...events]);
      return append(events);
    },
    read: async () => ({ events: [], hasMore: false }),
    ping: async () => undefined,
    dispose: async () => undefined,
  };
}

const storedLog = () => fakeLog(async (events) => ({ stored: events.map((e) => ({ ...e, cursor: 'c1' })), duplicates: [] }));
const delivery = { provider: 'meta', rawBody: Buffer.from('{}'), headers: {}, receivedAt: new Date() };

function ingressWith(provider: WebhookProvider, log: EventLog, hooks = []) {
  return createWebhookIngress({ providers: new Map<ProviderName, WebhookProvider>([['meta', provider]]), log, logger: createSilentLogger(), hooks });
}

describe('webhook ingress', () => {
  it('answers 200 only after the events are appended, and counts ignored items', async () => {
    const log = storedLog();
    const ingress = ingressWith(fakeProvider(), log);
    const response = await ingress.deliver(delivery);
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ received: 1, stored: 1, duplicates: 0 });
    expect(log.calls).toEqual([[event]]);
    expect(ingress.stats).toMatchObject({ eventsStored: 1, ignored: 1 });
  });

  it('answers 404 for a provider that is not enabled, without touching the log', async () => {
    const log = storedLog();
    const response = await ingressWith(fakeProvider(), log).deliver({ ...delivery, provider: 'ycloud' });
    expect(response.status).toBe(404);
    expect(log.calls).toHaveLength(0);
  });

  it('answers 401 for a bad signature and never parses or stores', async () => {
    const log = storedLog();
    const parse = jest.fn(() => [event]);
    const provider = fakeProvider({ verify: () => { throw new WebhookSignatureError('bad'); }, parse });
    const response = await ingressWith(provider, log).deliver(delivery);
    expect(response.status).toBe(401);
    expect(parse).not.toHaveBeenCalled();
    expect(log.calls).toHaveLength(0);
  });

  it('answers 400 for a body that is not the envelope', async () => {
    const log = storedLog();
    const provider = fakeProvider({ parse: () => { throw new WebhookPayloadError('not json'); } });
    const response = await ingressWith(provider, log).deliver(delivery);
    expect(response.status).toBe(400);
    expect(log.calls).toHaveLength(0);
  });

  it('answers 503 when the log cannot be written, so the provider retries', async () => {
    const log = fakeLog(async () => { throw new EventLogUnavailableError(new Error('ECONNREFUSED')); });
    const ingress = ingressWith(fakeProvider(), log);
    const response = await ingress.deliver(delivery);
    expect(response.status).toBe(503);
    expect(ingress.stats.rejected['503']).toBe(1);
  });

  it('answers 503 and stores nothing when a before-store hook fails', async () => {
    const log = storedLog();
    const ingress = createWebhookIngress({
      providers: new Map([['meta', fakeProvider()]]),
      log,
      logger: createSilentLogger(),
      hooks: [{ beforeStore: async () => { throw new Error('cache down'); } }],
    });
    expect((await ingress.deliver(delivery)).status).toBe(503);
    expect(log.calls).toHaveLength(0);
  });

  it('runs after-store hooks for duplicates too, and a failing one does not turn 200 into an error', async () => {
    const log = fakeLog(async (events) => ({ stored: [], duplicates: [...events] }));
    const seen: DomainEvent[][] = [];
    const ingress = createWebhookIngress({
      providers: new Map([['meta', fakeProvider()]]),
      log,
      logger: createSilentLogger(),
      hooks: [
        { afterStore: async (events) => { seen.push([...events]); } },
        { afterStore: async () => { throw new Error('boom'); } },
      ],
    });
    const response = await ingress.deliver(delivery);
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ stored: 0, duplicates: 1 });
    expect(seen).toEqual([[event]]);
  });

  it('delegates the handshake to the provider', () => {
    const ingress = ingressWith(fakeProvider(), storedLog());
    expect(ingress.handshake('meta', new URLSearchParams('ok=1')).status).toBe(200);
    expect(ingress.handshake('meta', new URLSearchParams('')).status).toBe(403);
    expect(ingress.handshake('whapi', new URLSearchParams('')).status).toBe(404);
  });
});
