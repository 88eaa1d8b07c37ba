import pino from 'pino';
import { loadConfig } from '../../../src/config/config';
import type { Gateway } from '../../../src/gateway';
import { createGateway } from '../../../src/gateway';
import type { DeadUpstream } from '../../helpers/dead-upstream';
import { startDeadUpstream } from '../../helpers/dead-upstream';

jest.setTimeout(30_000);

const DEADLINE_MS = 1_500;
const GROUP = '{ group(id: "120363000000000001") { subject } }';

/** One POST of GROUP. Each upstream attempt may wait 60 s (GRAPH_API_TIMEOUT_MS), beyond jest's timeout: only the
 * deadline or the open breaker can answer it in time, so an answer at all shows which one did. */
async function ask(graphqlUrl: string): Promise<{ errors?: { extensions?: Record<string, unknown> }[] }> {
  const response = await fetch(graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: GROUP }) });
  return (await response.json()) as { errors?: { extensions?: Record<string, unknown> }[] };
}

describe('a dead upstream (accepts connections, never answers)', () => {
  let upstream: DeadUpstream;
  let gateway: Gateway;
  let graphqlUrl: string;
  beforeAll(async () => {
    upstream = await startDeadUpstream();
    const config = loadConfig({
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      GRAPH_API_URL: upstream.url,
      WHATSAPP_ACCESS_TOKEN: 'dead-token',
      WHATSAPP_PHONE_NUMBER_ID: '106540352242922',
      GATEWAY_AUTH: 'off',
      GRAPH_API_TIMEOUT_MS: '60000',
      GRAPH_API_MAX_RETRIES: '3',
      GRAPH_API_REQUEST_DEADLINE_MS: String(DEADLINE_MS),
      GRAPH_API_BREAKER_FAILURES: '1',
      GRAPH_API_BREAKER_OPEN_MS: '60000',
    });
    gateway = createGateway({ config, logger: pino({ level: 'silent' }) });
    graphqlUrl = (await gateway.start()).graphqlUrl;
  });
  afterAll(async () => {
    await gateway.stop();
    await upstream.dispose();
  });

  it('20 concurrent equal reads make one upstream attempt and all answer UPSTREAM_UNAVAILABLE within the deadline', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, () => ask(graphqlUrl)));
    for (const answer of answers) expect(answer.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'UPSTREAM_UNAVAILABLE' }) })]);
    expect(upstream.attempts()).toBe(1);
  });

  it('while the breaker is open, 20 more fail fast with retryAfterSeconds and no upstream attempt', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, () => ask(graphqlUrl)));
    for (const answer of answers) {
      expect(answer.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'UPSTREAM_UNAVAILABLE', retryAfterSeconds: expect.any(Number) }) })]);
      expect(answer.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(50);
    }
    expect(upstream.attempts()).toBe(1);
  });
});

describe('the deadline is per GraphQL request, across all its upstream calls', () => {
  const REQUEST_DEADLINE_MS = 800;
  let upstream: DeadUpstream;
  let gateway: Gateway;
  let graphqlUrl: string;
  beforeAll(async () => {
    upstream = await startDeadUpstream();
    const config = loadConfig({
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      GRAPH_API_URL: upstream.url,
      WHATSAPP_ACCESS_TOKEN: 'dead-token',
      WHATSAPP_PHONE_NUMBER_ID: '106540352242922',
      GATEWAY_AUTH: 'off',
      // Single GETs one after another: four sequential upstream reads in one request.
      GRAPH_API_BATCH: 'off',
      GRAPH_API_CONCURRENCY: '1',
      // Each attempt alone could wait far longer than the request may: only the request's deadline ends it.
      GRAPH_API_TIMEOUT_MS: '60000',
      GRAPH_API_MAX_RETRIES: '3',
      GRAPH_API_REQUEST_DEADLINE_MS: String(REQUEST_DEADLINE_MS),
      GRAPH_API_BREAKER_FAILURES: '1000',
    });
    gateway = createGateway({ config, logger: pino({ level: 'silent' }) });
    graphqlUrl = (await gateway.start()).graphqlUrl;
  });
  afterAll(async () => {
    await gateway.stop();
    await upstream.dispose();
  });

  it('four sequential reads share one deadline: one attempt, aborted by it, and every id answers UPSTREAM_UNAVAILABLE', async () => {
    const ids = ['120363000000000011', '120363000000000012', '120363000000000013', '120363000000000014'];
    const response = await fetch(graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ groupsByIds(ids: ${JSON.stringify(ids)}) { subject } }` }),
    });
    const body = (await response.json()) as { data?: { groupsByIds: unknown[] }; errors?: { path?: unknown[]; extensions?: Record<string, unknown> }[] };
    expect(body.data?.groupsByIds).toEqual([null, null, null, null]);
    expect(body.errors).toHaveLength(4);
    for (const error of body.errors ?? []) {
      expect(error.extensions).toEqual(expect.objectContaining({ code: 'UPSTREAM_UNAVAILABLE' }));
      // The breaker never opened: these are the deadline's answers, not a fail-fast.
      expect(error.extensions?.retryAfterSeconds).toBeUndefined();
    }
    // A deadline per call would have sent one attempt per id (4); the request's deadline ended the first call's only
    // attempt and let none of the three later calls start.
    expect(upstream.attempts()).toBe(1);
  });
});
