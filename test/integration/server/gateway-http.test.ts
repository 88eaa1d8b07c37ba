import type { CachedGroup, GroupCache } from '../../../src/cache/group-cache';
import { GroupSummaryDocument } from '../../generated/graphql';
import type { TestGateway } from '../../helpers/test-gateway';
import { startTestGateway } from '../../helpers/test-gateway';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('gateway HTTP surface', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway({ env: { GRAPHQL_BODY_LIMIT_BYTES: '4096' } });
  });
  afterAll(() => t.dispose());

  it('answers /healthz with 200 while serving', async () => {
    const response = await fetch(`${t.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('answers /readyz with 200 and every check when the upstream is reachable', async () => {
    const response = await fetch(`${t.url}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ready', checks: { upstream: 'ok', 'event-log': 'ok' } });
  });

  it('honours a plain x-request-id, echoes it and puts it on GraphQL errors; generates one otherwise', async () => {
    const honoured = await t.query('{ group(id: "") { id } }', {}, { headers: { 'x-request-id': 'client-req-42' } });
    expect(honoured.headers.get('x-request-id')).toBe('client-req-42');
    expect(honoured.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', argumentName: 'id', requestId: 'client-req-42' });
    const generated = await fetch(`${t.url}/healthz`, { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(generated.headers.get('x-request-id')).toMatch(UUID);
    expect(t.logs.some((line) => line.requestId === 'client-req-42' && line.msg === 'request completed' && line.statusCode === 200)).toBe(true);
  });

  it('speaks GraphQL over HTTP: graphql-response+json when accepted, application/json otherwise', async () => {
    const body = JSON.stringify({ query: '{ __typename }' });
    const modern = await fetch(t.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' }, body });
    expect(modern.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
    expect(await modern.json()).toEqual({ data: { __typename: 'Query' } });
    const legacy = await fetch(t.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body });
    expect(legacy.headers.get('content-type')).toMatch(/^application\/json/);
    const invalid = await fetch(t.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' }, body: JSON.stringify({ query: '{ nope }' }) });
    expect(invalid.status).toBe(400);
  });

  it('serves GET /graphql to clients that prove they are not a simple cross-site request (CSRF prevention)', async () => {
    const url = `${t.graphqlUrl}?query=${encodeURIComponent('{ __typename }')}`;
    const blocked = await fetch(url);
    expect(blocked.status).toBe(400);
    expect(await blocked.text()).toContain('CSRF');
    const allowed = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    expect(allowed.status).toBe(200);
    expect(await allowed.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('refuses simple-request content types, broken JSON and bodies over the limit', async () => {
    const plain = await fetch(t.graphqlUrl, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"query":"{ __typename }"}' });
    expect(plain.status).toBe(400);
    expect(await plain.text()).toContain('Cross-Site Request Forgery');
    const broken = await fetch(t.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":' });
    expect(broken.status).toBe(400);
    const huge = await fetch(t.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `{ __typename }${' '.repeat(5000)}` }) });
    expect(huge.status).toBe(413);
  });

  it('stops idempotently and closes the port', async () => {
    const other = await startTestGateway();
    await Promise.all([other.gateway.stop(), other.gateway.stop()]);
    await other.gateway.stop();
    await expect(fetch(`${other.url}/healthz`)).rejects.toThrow();
    await expect(fetch(`${other.sandbox.url}/v23.0/`)).rejects.toThrow();
  });
});

describe('readiness when the upstream is gone', () => {
  it('answers /readyz 503 with the reason of the failed check', async () => {
    const t = await startTestGateway();
    await t.sandbox.dispose();
    const response = await fetch(`${t.url}/readyz`);
    expect(response.status).toBe(503);
    const body = (await response.json()) as { status: string; checks: Record<string, string> };
    expect(body.status).toBe('unavailable');
    expect(body.checks.upstream).not.toBe('ok');
    expect(body.checks.upstream?.length).toBeGreaterThan(0);
    await t.dispose();
  });
});

/** A cache that answers garbage, standing in for any bug below the resolvers. */
const brokenCache: GroupCache = {
  lookup: async (ids) => ({ entries: ids.map(() => ({ group: null, fields: null }) as unknown as CachedGroup), ticket: { sequence: null } }),
  getMany: async (ids) => ids.map(() => null),
  setMany: async () => 0,
  invalidate: async () => undefined,
  dispose: async () => undefined,
};

describe('unexpected errors', () => {
  it('are masked as INTERNAL_SERVER_ERROR in production and logged in full with the request id', async () => {
    const t = await startTestGateway({ env: { NODE_ENV: 'production', SANDBOX: 'on' }, groupCache: brokenCache });
    const groupId = t.sandbox.control.state().groups[0]?.id ?? '';
    const response = await t.query(GroupSummaryDocument, { id: groupId }, { headers: { 'x-request-id': 'masked-1' } });
    expect(response.body.errors).toEqual([
      { message: 'Internal server error', locations: [{ line: 2, column: 3 }], path: ['group'], extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'masked-1' } },
    ]);
    const logged = t.logs.find((line) => line.msg === 'unexpected error in GraphQL operation');
    expect(logged).toMatchObject({ requestId: 'masked-1', path: ['group'], err: { type: 'TypeError', stack: expect.stringContaining('TypeError') } });
    await t.dispose();
  });

  it('keep their message in development, and their stack in the log only (about 2 KB per error)', async () => {
    const t = await startTestGateway({ env: { NODE_ENV: 'development' }, groupCache: brokenCache });
    const groupId = t.sandbox.control.state().groups[0]?.id ?? '';
    const response = await t.query(GroupSummaryDocument, { id: groupId }, { headers: { 'x-request-id': 'dev-1' } });
    const error = response.body.errors?.[0];
    expect(error?.message).not.toBe('Internal server error');
    expect(error?.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId: 'dev-1' });
    const logged = t.logs.find((line) => line.msg === 'unexpected error in GraphQL operation');
    expect(logged).toMatchObject({ requestId: 'dev-1', err: { stack: expect.stringContaining('TypeError') } });
    await t.dispose();
  });

  it('carry their stack trace in the response with GRAPHQL_EXPOSE_STACKTRACES=on', async () => {
    const t = await startTestGateway({ env: { NODE_ENV: 'development', GRAPHQL_EXPOSE_STACKTRACES: 'on' }, groupCache: brokenCache });
    const groupId = t.sandbox.control.state().groups[0]?.id ?? '';
    const response = await t.query(GroupSummaryDocument, { id: groupId });
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', stacktrace: expect.arrayContaining([expect.stringContaining('TypeError')]) });
    await t.dispose();
  });
});
