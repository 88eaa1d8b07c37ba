import type { DomainEvent } from '../../src/events/event-model';
import { createMetaProvider } from '../../src/webhooks/providers/meta/meta.provider';
import type { WebhookProvider } from '../../src/webhooks/providers/provider';
import { createWhapiProvider } from '../../src/webhooks/providers/whapi/whapi.provider';
import { createYCloudProvider } from '../../src/webhooks/providers/ycloud/ycloud.provider';
import { webhookFixtures } from '../fixtures/webhooks/webhook-fixtures';

export type FixtureProvider = keyof typeof webhookFixtures;

/** One event a provider normalised from a webhook fixture. */
export interface FixtureEvent {
  provider: FixtureProvider;
  /** The fixture's name (file name without .json). */
  fixture: string;
  event: DomainEvent;
}

/** The receive time every fixture is parsed with, so the events (and anything built from them) are deterministic. */
export const FIXTURE_RECEIVED_AT = new Date('2026-06-01T12:00:00.000Z');

/**
 * Every event the three providers produce from every webhook fixture, in fixture order (no I/O: the fixtures are
 * imported modules). The same table the provider unit tests use, normalised as the webhook route would.
 */
export function fixtureEvents(): FixtureEvent[] {
  const providers: Record<FixtureProvider, WebhookProvider> = {
    meta: createMetaProvider({ appSecrets: ['fixture-secret'], verifyToken: 'fixture-token' }),
    whapi: createWhapiProvider({ tokens: ['fixture-token'] }),
    ycloud: createYCloudProvider({ secrets: ['fixture-secret'], toleranceSeconds: 300 }),
  };
  const events: FixtureEvent[] = [];
  for (const provider of Object.keys(webhookFixtures) as FixtureProvider[]) {
    for (const [fixture, document] of Object.entries(webhookFixtures[provider])) {
      const parsed = providers[provider].parse(Buffer.from(JSON.stringify(document)), FIXTURE_RECEIVED_AT);
      for (const event of parsed.events) events.push({ provider, fixture, event });
    }
  }
  return events;
}
