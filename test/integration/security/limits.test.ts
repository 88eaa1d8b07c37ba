import { createTestRedis, testRedisUrl, uniquePrefix } from '../../helpers/redis';
import type { TestGateway } from '../../helpers/test-gateway';
import { bearer, groupsOf, startSecureGateway } from '../../helpers/secure-gateway';
import { openWsClient } from '../../helpers/ws-client';
import { SANDBOX_PHONE_A } from '../../helpers/constants';

jest.setTimeout(20_000);

const TYPENAME = '{ __typename }';

describe('per-key rate limit', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startSecureGateway({ RATE_LIMIT_REQUESTS_PER_MINUTE: '60', RATE_LIMIT_BURST: '3', GRAPH_API_MAX_RETRIES: '0' });
  });
  afterAll(() => t.dispose());

  it('answers the request over the burst with 429 RATE_LIMITED, retryAfterSeconds and Retry-After; other keys are not affected', async () => {
    for (let i = 0; i < 3; i++) expect((await t.query(TYPENAME, {}, { headers: bearer('reader') })).status).toBe(200);
    const limited = await t.query(TYPENAME, {}, { headers: bearer('reader') });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(limited.body.errors).toEqual([expect.objectContaining({ message: 'Too many requests for this API key; retry after 1 second', extensions: expect.objectContaining({ code: 'RATE_LIMITED', retryAfterSeconds: 1 }) })]);
    expect((await t.query(TYPENAME, {}, { headers: bearer('tenantAB') })).status).toBe(200);
  });

  it('counts every operation of a WebSocket connection against the same key', async () => {
    const client = openWsClient({ url: t.graphqlUrl, connectionParams: bearer('noSubscribe'), eager: true });
    await client.connected();
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await client.run(TYPENAME).message(0));
    expect(results.slice(0, 3)).toEqual(Array(3).fill({ kind: 'next', result: { data: { __typename: 'Query' } } }));
    expect(results[3]).toEqual({ kind: 'error', errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: 'RATE_LIMITED', retryAfterSeconds: 1 }) })] });
    await client.dispose();
  });

  it('blocks a key Meta throttled for Meta\'s Retry-After, before its next call reaches Meta', async () => {
    const [groupId] = groupsOf(t, SANDBOX_PHONE_A);
    t.sandbox.failNext({ operation: 'resetInviteLink', code: 130429, retryAfterSeconds: 40 });
    const reset = 'mutation($input: ResetInviteLinkInput!) { resetInviteLink(input: $input) { inviteLink } }';
    const throttled = await t.query(reset, { input: { groupId } }, { headers: bearer('admin') });
    expect(throttled.body.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'RATE_LIMITED', retryAfterSeconds: 40, upstream: expect.objectContaining({ code: 130429 }) }) })]);

    const requests = t.sandbox.stats.requests.length;
    const next = await t.query('query($id: ID!) { group(id: $id) { subject } }', { id: groupId }, { headers: bearer('admin') });
    expect(next.status).toBe(429);
    expect(Number(next.headers.get('retry-after'))).toBeGreaterThanOrEqual(39);
    expect(next.body.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(t.sandbox.stats.requests.length).toBe(requests);
    expect((await t.query('query($id: ID!) { group(id: $id) { subject } }', { id: groupId }, { headers: bearer('tenantA') })).status).toBe(200);
  });
});

describe('operation limits', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startSecureGateway({ MAX_QUERY_DEPTH: '4', MAX_ALIASES: '3', MAX_QUERY_COST: '200', MAX_QUERY_TOKENS: '400', MAX_QUERY_BYTES: '2048', MAX_SUBSCRIPTIONS_PER_KEY: '2', GRAPHQL_BODY_LIMIT_BYTES: '65536' });
  });
  afterAll(() => t.dispose());

  const deep = '{ groups { nodes { joinRequests { nodes { group { id } } } } } }';
  const aliased = '{ a: __typename b: __typename c: __typename d: __typename }';
  const costly = '{ groups(first: 100) { nodes { participants { waId } } } }';
  const long = `{ __typename ${' '.repeat(2100)}}`;
  const manyTokens = `{ ${Array(401).fill('__typename').join(' ')} }`;

  it.each([
    ['too deep', deep, { limit: 'depth', maximum: 4, actual: 6 }],
    ['with too many aliases', aliased, { limit: 'aliases', maximum: 3, actual: 4 }],
    ['too costly', costly, { limit: 'cost', maximum: 200, actual: 1 + 100 + 1000 }],
    ['too long', long, { limit: 'documentBytes', maximum: 2048 }],
  ])('refuses a query %s with 400 GRAPHQL_VALIDATION_FAILED before running it, over HTTP and WebSocket', async (_what, query, extensions) => {
    const requests = t.sandbox.stats.requests.length;
    const response = await t.query(query, {}, { headers: bearer('admin') });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'GRAPHQL_VALIDATION_FAILED', ...extensions }) })]);
    const client = openWsClient({ url: t.graphqlUrl, connectionParams: bearer('admin'), eager: true });
    expect(await client.run(query).message(0)).toEqual({ kind: 'error', errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: 'GRAPHQL_VALIDATION_FAILED', ...extensions }) })] });
    await client.dispose();
    expect(t.sandbox.stats.requests.length).toBe(requests);
  });

  it('stops parsing a document over the token limit', async () => {
    const response = await t.query(manyTokens, {}, { headers: bearer('admin') });
    expect(response.status).toBe(400);
    // graphql-js spells it "more that" in some versions.
    expect(response.body.errors).toEqual([expect.objectContaining({ message: expect.stringMatching(/^Syntax Error: Document contains more tha[nt] 400 tokens\. Parsing aborted\.$/), extensions: expect.objectContaining({ code: 'GRAPHQL_PARSE_FAILED' }) })]);
  });

  it('caps list arguments and request bodies', async () => {
    const ids = Array.from({ length: 101 }, (_, i) => `1203630000000${i}`);
    const tooMany = await t.query('query($ids: [ID!]!) { groupsByIds(ids: $ids) { id } }', { ids }, { headers: bearer('admin') });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.errors).toEqual([expect.objectContaining({ message: '`groupsByIds(ids)` has 101 items; at most 100 are accepted', extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) })]);
    const huge = await fetch(t.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...bearer('admin') }, body: JSON.stringify({ query: TYPENAME, variables: { pad: 'x'.repeat(70_000) } }) });
    expect(huge.status).toBe(413);
  });

  it('holds at most MAX_SUBSCRIPTIONS_PER_KEY live subscriptions per key; ending one frees its slot', async () => {
    const [groupId] = groupsOf(t, SANDBOX_PHONE_A);
    t.sandbox.control.sendText({ groupId: groupId!, waId: '16505551234', text: 'replayed 1' });
    t.sandbox.control.sendText({ groupId: groupId!, waId: '16505551234', text: 'replayed 2' });
    await t.sandbox.webhooksIdle();
    // Replaying from the start makes an accepted subscription answer at once.
    const live = 'subscription($groupId: ID) { groupEvents(groupId: $groupId, after: null) { id } }';
    const replaying = `subscription($groupId: ID, $after: String) { groupEvents(groupId: $groupId, after: $after) { id } }`;
    const first = await t.query<{ groupEvents: { edges: { cursor: string }[] } }, Record<string, unknown>>('query($groupId: ID) { groupEvents(groupId: $groupId, first: 1) { edges { cursor } } }', { groupId }, { headers: bearer('admin') });
    const beforeFirst = first.body.data!.groupEvents.edges[0]!.cursor;

    const client = openWsClient({ url: t.graphqlUrl, connectionParams: bearer('admin'), eager: true });
    await client.connected();
    const one = client.run(live, { groupId });
    const two = client.run(live, { groupId });
    const three = client.run(replaying, { groupId, after: beforeFirst });
    expect(await three.message(0)).toEqual({ kind: 'next', result: { errors: [expect.objectContaining({ message: `This API key already holds 2 live subscriptions; end one before starting another`, extensions: { code: 'RATE_LIMITED', limit: 'subscriptions', maximum: 2 } })] } });
    const other = openWsClient({ url: t.graphqlUrl, connectionParams: bearer('tenantA'), eager: true });
    expect(await other.run(replaying, { groupId, after: beforeFirst }).message(0)).toMatchObject({ kind: 'next', result: { data: { groupEvents: { id: expect.any(String) } } } });

    one.stop();
    // The slot frees once the server returned the subscription; each try is a real subscribe.
    let accepted = false;
    for (let attempt = 0; attempt < 200 && !accepted; attempt++) {
      const retry = client.run(replaying, { groupId, after: beforeFirst });
      const answer = await retry.message(0);
      accepted = answer.kind === 'next' && answer.result.errors === undefined;
      retry.stop();
    }
    expect(accepted).toBe(true);
    two.stop();
    await Promise.all([client.dispose(), other.dispose()]);
  });
});

describe('the per-key subscription cap with two instances on one Redis', () => {
  const prefix = uniquePrefix('slots');
  let first: TestGateway;
  let second: TestGateway;
  beforeAll(async () => {
    const env = { REDIS_URL: testRedisUrl(), REDIS_KEY_PREFIX: prefix, MAX_SUBSCRIPTIONS_PER_KEY: '2' };
    [first, second] = await Promise.all([startSecureGateway(env), startSecureGateway(env)]);
  });
  afterAll(async () => {
    await Promise.all([first.dispose(), second.dispose()]);
    await createTestRedis(prefix).dispose();
  });

  it('counts a key\'s subscriptions on every instance together; ending one on either frees a slot for both', async () => {
    const [groupId] = groupsOf(first, SANDBOX_PHONE_A);
    first.sandbox.control.sendText({ groupId: groupId!, waId: '16505551234', text: 'replayed 1' });
    first.sandbox.control.sendText({ groupId: groupId!, waId: '16505551234', text: 'replayed 2' });
    await first.sandbox.webhooksIdle();
    // Replaying from after the first of them makes an accepted subscription answer at once (both instances read one log).
    const page = await first.query<{ groupEvents: { edges: { cursor: string }[] } }, Record<string, unknown>>('query($groupId: ID) { groupEvents(groupId: $groupId, first: 1) { edges { cursor } } }', { groupId }, { headers: bearer('admin') });
    const after = page.body.data!.groupEvents.edges[0]!.cursor;
    const replaying = 'subscription($groupId: ID, $after: String) { groupEvents(groupId: $groupId, after: $after) { id } }';
    const accepted = { kind: 'next', result: { data: { groupEvents: { id: expect.any(String) } } } };

    const onFirst = openWsClient({ url: first.graphqlUrl, connectionParams: bearer('admin'), eager: true });
    const onSecond = openWsClient({ url: second.graphqlUrl, connectionParams: bearer('admin'), eager: true });
    await Promise.all([onFirst.connected(), onSecond.connected()]);
    const a = onFirst.run(replaying, { groupId, after });
    expect(await a.message(0)).toMatchObject(accepted);
    const b = onSecond.run(replaying, { groupId, after });
    expect(await b.message(0)).toMatchObject(accepted);
    expect(await onFirst.run(replaying, { groupId, after }).message(0)).toEqual({
      kind: 'next',
      result: { errors: [expect.objectContaining({ extensions: { code: 'RATE_LIMITED', limit: 'subscriptions', maximum: 2 } })] },
    });

    b.stop();
    // The other instance frees the slot when the server has returned that subscription; each try is a real subscribe.
    let answer: unknown = null;
    for (let attempt = 0; attempt < 200; attempt++) {
      const retry = onFirst.run(replaying, { groupId, after });
      answer = await retry.message(0);
      retry.stop();
      if ((answer as { result?: { errors?: unknown } }).result?.errors === undefined) break;
    }
    expect(answer).toMatchObject(accepted);
    a.stop();
    await Promise.all([onFirst.dispose(), onSecond.dispose()]);
  });
});
