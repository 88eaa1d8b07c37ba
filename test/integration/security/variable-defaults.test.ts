import type { TestGateway } from '../../helpers/test-gateway';
import { bearer, startSecureGateway } from '../../helpers/secure-gateway';
import { openWsClient } from '../../helpers/ws-client';

jest.setTimeout(20_000);

/** Run with no variables, this made 1,021 upstream calls: the default page of 1,000 was counted as the default size. */
const BY_DEFAULT = 'query($n: Int = 1000) { groups(first: $n) { edges { node { id participants { waId } inviteLink } } } }';
const refused = expect.objectContaining({ extensions: expect.objectContaining({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'cost', maximum: 5_000, actual: 12_001 }) });

describe('the cost limit with variables left to their defaults', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startSecureGateway();
  });
  afterAll(() => t.dispose());

  it('refuses the defaulted page of 1,000 over HTTP as it refuses the same page given as a value, with no upstream call', async () => {
    const requests = t.sandbox.stats.requests.length;
    const byDefault = await t.query(BY_DEFAULT, {}, { headers: bearer('admin') });
    const byValue = await t.query(BY_DEFAULT, { n: 1000 }, { headers: bearer('admin') });
    expect([byDefault.status, byValue.status]).toEqual([400, 400]);
    expect(byDefault.body.errors).toEqual([refused]);
    expect(byValue.body.errors).toEqual([refused]);
    expect(t.sandbox.stats.requests.length).toBe(requests);
  });

  it('refuses it over WebSocket, and counts a nested connection\'s default and a defaulted ids list too', async () => {
    const requests = t.sandbox.stats.requests.length;
    const client = openWsClient({ url: t.graphqlUrl, connectionParams: bearer('admin'), eager: true });
    expect(await client.run(BY_DEFAULT).message(0)).toEqual({ kind: 'error', errors: [refused] });
    const nested = 'query($n: Int = 300) { groups(first: 20) { nodes { joinRequests(first: $n) { nodes { waId } } } } }';
    expect(await client.run(nested).message(0)).toEqual({ kind: 'error', errors: [expect.objectContaining({ extensions: expect.objectContaining({ limit: 'cost', actual: 1 + 20 + 20 * (1 + 300) }) })] });
    const ids = JSON.stringify(Array.from({ length: 101 }, (_, i) => `1203630${i}`));
    expect(await client.run(`query($ids: [ID!]! = ${ids}) { groupsByIds(ids: $ids) { id } }`).message(0)).toEqual({
      kind: 'error',
      errors: [expect.objectContaining({ message: '`groupsByIds(ids)` has 101 items; at most 100 are accepted', extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) })],
    });
    await client.dispose();
    expect(t.sandbox.stats.requests.length).toBe(requests);
  });
});
