import { KEYS, bearer, startSecureGateway } from '../../helpers/secure-gateway';
import type { TestGateway } from '../../helpers/test-gateway';
import type { WsClient } from '../../helpers/ws-client';
import { openWsClient } from '../../helpers/ws-client';

const MAX_CONNECTIONS = 3;
const INIT_BURST = 5;

/**
 * WebSocket admission with real graphql-ws clients: a key holds at most MAX_CONNECTIONS_PER_KEY open sockets (the
 * next is closed with 4429, and a closed one frees its place), and connection_init is rate-limited per key, and per
 * address for inits without a valid key (4429 once the burst is spent; the steady rate here is 1 a minute).
 */
describe('WebSocket connection cap and connection_init rate', () => {
  let t: TestGateway;
  const clients: WsClient[] = [];
  const open = (params: Record<string, unknown>): WsClient => {
    const client = openWsClient({ url: t.graphqlUrl, connectionParams: params, eager: true });
    clients.push(client);
    return client;
  };
  beforeAll(async () => {
    t = await startSecureGateway({ MAX_CONNECTIONS_PER_KEY: String(MAX_CONNECTIONS), WS_CONNECTION_INIT_PER_MINUTE: '1', WS_CONNECTION_INIT_BURST: String(INIT_BURST) });
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    await t.dispose();
  });

  it(`a key holds at most ${MAX_CONNECTIONS} open connections; the next is closed with 4429; closing one frees its place`, async () => {
    const held = Array.from({ length: MAX_CONNECTIONS }, () => open(bearer('tenantA')));
    await Promise.all(held.map((client) => client.connected()));
    const extra = open(bearer('tenantA'));
    const refusal = await extra.closed();
    expect(refusal.code).toBe(4429);
    expect(refusal.reason).toContain(`already holds ${MAX_CONNECTIONS} open WebSocket connections`);
    // Another key is not affected, and the held sockets still work.
    const other = open(bearer('tenantAB'));
    await other.connected();
    const answer = await held[0]!.run('{ __typename }').message(0);
    expect(answer).toEqual({ kind: 'next', result: { data: { __typename: 'Query' } } });
    await held[1]!.dispose();
    const replacement = open(bearer('tenantA'));
    await replacement.connected();
    expect(replacement.closes).toEqual([]);
  });

  it(`connection_init beyond the burst (${INIT_BURST}) of one key is closed with 4429, without counting against other keys`, async () => {
    for (let i = 0; i < INIT_BURST; i++) {
      const client = open(bearer('reader'));
      await client.connected();
      await client.dispose();
    }
    const refused = open(bearer('reader'));
    const close = await refused.closed();
    expect(close).toEqual({ code: 4429, reason: expect.stringMatching(/^Too many WebSocket connections opened by this API key; retry after \d+ s$/) });
    const other = open(bearer('noSubscribe'));
    await other.connected();
  });

  it('inits without a valid key are counted per address: 4401 until the burst is spent, then 4429', async () => {
    const wrong = { authorization: `Bearer ${KEYS.admin.key}-wrong` };
    for (let i = 0; i < INIT_BURST; i++) expect((await open(wrong).closed()).code).toBe(4401);
    expect(await open(wrong).closed()).toEqual({ code: 4429, reason: expect.stringContaining('by this address') });
  });
});
