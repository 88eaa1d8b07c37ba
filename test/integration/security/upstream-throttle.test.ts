import type { TestGateway } from '../../helpers/test-gateway';
import { bearer, groupsOf, startSecureGateway } from '../../helpers/secure-gateway';
import { SANDBOX_PHONE_A as PHONE_A, SANDBOX_PHONE_B as PHONE_B } from '../../helpers/constants';

jest.setTimeout(20_000);

const GROUP = 'query($id: ID!) { group(id: $id) { subject } }';

describe('a Retry-After longer than the retry budget', () => {
  let t: TestGateway;
  beforeAll(async () => {
    // Single GETs (no batch), three retries allowed, the default 10 s cap on a backoff wait.
    t = await startSecureGateway({ GRAPH_API_BATCH: 'off', GRAPH_API_MAX_RETRIES: '3' });
  });
  afterAll(() => t.dispose());

  it('is answered RATE_LIMITED with Meta\'s retryAfterSeconds at once, after one upstream attempt', async () => {
    const [learnt, groupId] = groupsOf(t, PHONE_A);
    // Learn ownership first (tenant keys need it), so the throttled call below is the only one counted; another
    // group than the one asked next, which the group cache would answer without Meta.
    expect((await t.query(GROUP, { id: learnt! }, { headers: bearer('tenantA') })).body.errors).toBeUndefined();
    t.sandbox.failNext({ operation: 'getGroup', code: 80007, retryAfterSeconds: 120 });
    const before = t.sandbox.stats.requests.length;
    const throttled = await t.query(GROUP, { id: groupId! }, { headers: bearer('tenantA') });
    expect(throttled.body.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'RATE_LIMITED', retryAfterSeconds: 120, upstream: expect.objectContaining({ code: 80007 }) }) })]);
    expect(t.sandbox.stats.requests.length - before).toBe(1);
  });

  it('blocks that phone number for every key until then, without calling Meta; other numbers go on', async () => {
    const [, , otherGroupOfA] = groupsOf(t, PHONE_A);
    const [groupOfB] = groupsOf(t, PHONE_B);
    // The first test's listing of A taught the gateway who owns A's groups: nothing below needs Meta for that.
    const before = t.sandbox.stats.requests.length;
    const sameNumber = await t.query(GROUP, { id: otherGroupOfA! }, { headers: bearer('tenantAB') });
    expect(sameNumber.body.errors).toEqual([expect.objectContaining({ message: `The Groups API throttled phone number ${PHONE_A}; retry after 120 seconds`, extensions: expect.objectContaining({ code: 'RATE_LIMITED' }) })]);
    expect(sameNumber.body.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThanOrEqual(119);
    const listing = await t.query('query($phone: ID) { groups(phoneNumberId: $phone, first: 5) { nodes { id } } }', { phone: PHONE_A }, { headers: bearer('admin') });
    expect(listing.body.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'RATE_LIMITED' }) })]);
    expect(t.sandbox.stats.requests.length).toBe(before);

    const other = await t.query(GROUP, { id: groupOfB! }, { headers: bearer('tenantAB') });
    expect(other.body).toEqual({ data: { group: { subject: expect.any(String) } } });
  });
});
