import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMetaProvider } from '../../../src/webhooks/providers/meta/meta.provider';
import { createWhapiProvider } from '../../../src/webhooks/providers/whapi/whapi.provider';
import { createYCloudProvider } from '../../../src/webhooks/providers/ycloud/ycloud.provider';
import { webhookFixtures } from '../../fixtures/webhooks/webhook-fixtures';
import type { FixtureCase } from './webhook-provider.contract';
import { describeWebhookProvider } from './webhook-provider.contract';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'webhooks');
const PROVIDERS = ['meta', 'whapi', 'ycloud'] as const;

/** The fixture files as bytes: what gets signed is exactly what a provider would send. */
function fixtureCases(provider: string): FixtureCase[] {
  return readdirSync(join(FIXTURES, provider))
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({ name: file, body: readFileSync(join(FIXTURES, provider, file), 'utf8') }));
}

const cases = Object.fromEntries(PROVIDERS.map((provider) => [provider, fixtureCases(provider)])) as Record<(typeof PROVIDERS)[number], FixtureCase[]>;
const foreign = (provider: (typeof PROVIDERS)[number]) => PROVIDERS.filter((other) => other !== provider).flatMap((other) => cases[other].map((c) => c.body));

describeWebhookProvider('meta', (secrets) => createMetaProvider({ appSecrets: secrets, verifyToken: 'contract-token' }), cases.meta, {
  foreignBodies: foreign('meta'),
});
describeWebhookProvider('whapi', (secrets) => createWhapiProvider({ tokens: secrets }), cases.whapi, {
  signsBody: false,
  foreignBodies: foreign('whapi'),
});
describeWebhookProvider('ycloud', (secrets) => createYCloudProvider({ secrets, toleranceSeconds: 300 }), cases.ycloud, {
  foreignBodies: foreign('ycloud'),
});

describe('webhook fixture index', () => {
  it.each(PROVIDERS)('lists every %s fixture file, so the unit tables cover them all', (provider) => {
    const files = cases[provider].map((fixture) => fixture.name.replace(/\.json$/, '')).sort();
    expect(Object.keys(webhookFixtures[provider]).sort()).toEqual(files);
  });
});
