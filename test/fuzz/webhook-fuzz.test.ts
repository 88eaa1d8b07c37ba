import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { signMetaPayload } from '../../src/webhooks/providers/meta/meta.verify';
import { whapiAuthorization } from '../../src/webhooks/providers/whapi/whapi.verify';
import { signYCloudPayload } from '../../src/webhooks/providers/ycloud/ycloud.verify';
import type { TestGateway } from '../helpers/test-gateway';
import { startTestGateway } from '../helpers/test-gateway';
import type { Mutant } from './helpers/json-mutations';
import { mutantsOf } from './helpers/json-mutations';
import { createRng, seedOf } from './helpers/prng';

jest.setTimeout(120_000);

const FIXTURES = join(__dirname, '../fixtures/webhooks');
const PROVIDERS = ['meta', 'whapi', 'ycloud'] as const;
type Provider = (typeof PROVIDERS)[number];
const SECRETS = { meta: 'fuzz-meta-secret', whapi: 'fuzz-whapi-token', ycloud: 'fuzz-ycloud-secret' };

/** Bodies that can never be a provider's JSON envelope: their only right answer is 400 once signed. */
const ALWAYS_BAD = /^(truncated|random bytes|UTF-16 encoded|empty body|nested 5000 deep|nested 200000 deep)/;

function signed(provider: Provider, body: Buffer): Record<string, string> {
  if (provider === 'meta') return { 'content-type': 'application/json', 'x-hub-signature-256': signMetaPayload(body, SECRETS.meta) };
  if (provider === 'whapi') return { 'content-type': 'application/json', authorization: whapiAuthorization(SECRETS.whapi) };
  return { 'content-type': 'application/json', 'ycloud-signature': signYCloudPayload(body, SECRETS.ycloud, new Date()) };
}

function forged(provider: Provider, body: Buffer): Record<string, string> {
  if (provider === 'meta') return { 'x-hub-signature-256': signMetaPayload(body, 'not-the-secret') };
  if (provider === 'whapi') return { authorization: whapiAuthorization('not-the-token') };
  return { 'ycloud-signature': signYCloudPayload(body, 'not-the-secret', new Date()) };
}

interface Outcome {
  fixture: string;
  kind: string;
  variant: 'signed' | 'unsigned' | 'forged';
  status: number;
  stored: number;
}

describe('webhook fuzzing: every fixture, mutated, signed and unsigned, against the real routes', () => {
  let t: TestGateway;
  const outcomes: Outcome[] = [];

  beforeAll(async () => {
    t = await startTestGateway({ env: { META_APP_SECRET: SECRETS.meta, WHAPI_WEBHOOK_TOKEN: SECRETS.whapi, YCLOUD_WEBHOOK_SECRET: SECRETS.ycloud, LOG_LEVEL: 'error' } });
    const stats = t.gateway.ingress!.stats;
    const post = async (fixture: string, provider: Provider, mutant: Mutant, variant: Outcome['variant'], headers: Record<string, string>): Promise<void> => {
      const before = stats.eventsStored;
      const response = await fetch(`${t.url}/webhooks/${provider}`, { method: 'POST', headers, body: mutant.body });
      await response.arrayBuffer();
      outcomes.push({ fixture, kind: mutant.kind, variant, status: response.status, stored: stats.eventsStored - before });
    };
    for (const provider of PROVIDERS) {
      for (const file of readdirSync(join(FIXTURES, provider)).filter((name) => name.endsWith('.json')).sort()) {
        const fixture = `${provider}/${file}`;
        const mutants = mutantsOf(readFileSync(join(FIXTURES, provider, file), 'utf8'), createRng(seedOf(fixture)));
        for (const [index, mutant] of mutants.entries()) {
          await post(fixture, provider, mutant, 'signed', signed(provider, mutant.body));
          await post(fixture, provider, mutant, 'unsigned', { 'content-type': 'application/json' });
          if (index % 3 === 0) await post(fixture, provider, mutant, 'forged', forged(provider, mutant.body));
        }
      }
    }
  });
  afterAll(() => t.dispose());

  it('posted thousands of bodies, for every fixture of every provider', () => {
    expect(outcomes.length).toBeGreaterThan(4_000);
    expect(new Set(outcomes.map((outcome) => outcome.fixture)).size).toBe(PROVIDERS.reduce((sum, provider) => sum + readdirSync(join(FIXTURES, provider)).filter((name) => name.endsWith('.json')).length, 0));
  });

  it('never answered 5xx and the server kept serving', async () => {
    expect(outcomes.filter((outcome) => outcome.status >= 500)).toEqual([]);
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
  });

  it('answered every unsigned or forged body 401 (413 only over the body limit), storing nothing', () => {
    const wrong = outcomes.filter((outcome) => outcome.variant !== 'signed' && !(outcome.status === 401 || outcome.status === 413));
    expect(wrong).toEqual([]);
    expect(outcomes.filter((outcome) => outcome.variant !== 'signed' && outcome.stored !== 0)).toEqual([]);
  });

  it('answered signed bodies 200 (still a valid delivery) or 400, and 400 for every body that cannot be JSON of the envelope', () => {
    expect(outcomes.filter((outcome) => outcome.variant === 'signed' && ![200, 400, 413].includes(outcome.status))).toEqual([]);
    expect(outcomes.filter((outcome) => outcome.variant === 'signed' && ALWAYS_BAD.test(outcome.kind) && outcome.status !== 400)).toEqual([]);
    const refused = outcomes.filter((outcome) => outcome.variant === 'signed' && outcome.status !== 200);
    expect(refused.length).toBeGreaterThan(500);
    expect(refused.filter((outcome) => outcome.stored !== 0)).toEqual([]);
    expect(outcomes.filter((outcome) => outcome.status === 413 && outcome.stored !== 0)).toEqual([]);
  });

  it('counted nothing as a storage failure', () => {
    expect(t.gateway.ingress!.stats.rejected['503']).toBe(0);
  });
});
