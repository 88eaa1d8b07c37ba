import * as fieldSelection from '../../../src/schema/group/group-field-selection';
import type { TestGateway } from '../../helpers/test-gateway';
import { startTestGateway } from '../../helpers/test-gateway';
import { ensureIdeBundle } from '../../helpers/ide-bundle';
import { participantJoinedDelivery, postMeta } from '../../helpers/meta-deliveries';
import { bearer, groupsOf, startSecureGateway } from '../../helpers/secure-gateway';
import { openWsClient } from '../../helpers/ws-client';
import { SANDBOX_PHONE_A } from '../../helpers/constants';

const TYPENAME = '{ __typename }';
const INTROSPECTION = '{ __schema { queryType { name } } }';

describe('CSRF prevention and security headers', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startSecureGateway();
  });
  afterAll(() => t.dispose());

  const get = (headers: Record<string, string>) => fetch(`${t.graphqlUrl}?query=${encodeURIComponent(TYPENAME)}`, { headers: { ...bearer('admin'), ...headers } });

  it('refuses a GET without a preflight header (a browser can send it cross-site) and answers one with it', async () => {
    const blocked = await get({});
    expect(blocked.status).toBe(400);
    expect(JSON.stringify(await blocked.json())).toMatch(/Cross-Site Request Forgery/);
    expect((await get({ 'apollo-require-preflight': 'true' })).status).toBe(200);
    expect((await get({ 'x-apollo-operation-name': 'Typename' })).status).toBe(200);
  });

  it('refuses simple-content-type POSTs (text/plain, multipart) without a preflight header', async () => {
    const plain = await fetch(t.graphqlUrl, { method: 'POST', headers: { 'content-type': 'text/plain', ...bearer('admin') }, body: JSON.stringify({ query: TYPENAME }) });
    expect(plain.status).toBe(400);
    const form = new FormData();
    form.set('operations', JSON.stringify({ query: TYPENAME }));
    form.set('map', '{}');
    const multipart = await fetch(t.graphqlUrl, { method: 'POST', headers: bearer('admin'), body: form });
    expect(multipart.status).toBe(400);
    expect(JSON.stringify(await multipart.json())).toMatch(/CSRF|preflight|apollo-require-preflight/i);
  });

  it('sends the security headers on every route, refusals included', async () => {
    const responses = [
      await fetch(t.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...bearer('admin') }, body: JSON.stringify({ query: TYPENAME }) }),
      await fetch(t.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: TYPENAME }) }),
      await fetch(`${t.url}/healthz`),
      await postMeta(t.url, participantJoinedDelivery().body),
    ];
    expect(responses.map((response) => response.status)).toEqual([200, 401, 200, 200]);
    for (const response of responses) {
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
      expect(response.headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
    }
    expect(responses[0]!.headers.get('cache-control')).toBe('no-store');
  });
});

describe('introspection, landing page and error masking in production', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway({ env: { NODE_ENV: 'production', SANDBOX: 'on' } });
  });
  afterAll(() => t.dispose());

  it('refuses introspection over HTTP and WebSocket by default', async () => {
    const response = await t.query(INTROSPECTION);
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(response.body.errors?.[0]?.message).toMatch(/introspection/i);
    const client = openWsClient({ url: t.graphqlUrl, connectionParams: {}, eager: true });
    const refused = await client.run(INTROSPECTION).message(0);
    expect(refused.kind).toBe('error');
    expect(refused.kind === 'error' && refused.errors.map((error) => error.extensions?.code)).toEqual(['GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_VALIDATION_FAILED']);
    await client.dispose();
  });

  it('serves no landing page', async () => {
    const page = await fetch(t.graphqlUrl, { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-type') ?? '').not.toMatch(/text\/html/);
  });

  it('masks an unexpected error: no message, no stack, only INTERNAL_SERVER_ERROR and the request id', async () => {
    const spy = jest.spyOn(fieldSelection, 'selectedGroupFields').mockImplementation(() => {
      throw new TypeError('secret detail at /srv/app/internal.ts:42');
    });
    try {
      const response = await t.query('query($id: ID!) { group(id: $id) { subject } }', { id: groupsOf(t, SANDBOX_PHONE_A)[0] });
      expect(response.body.errors).toEqual([{ message: 'Internal server error', locations: expect.anything(), path: ['group'], extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: expect.any(String) } }]);
      expect(JSON.stringify(response.body)).not.toMatch(/secret|internal\.ts|TypeError|stacktrace/);
      expect(t.logs).toContainEqual(expect.objectContaining({ msg: 'unexpected error in GraphQL operation', err: expect.objectContaining({ message: 'secret detail at /srv/app/internal.ts:42' }) }));
    } finally {
      spy.mockRestore();
    }
  });
});

describe('introspection and landing page switched by configuration', () => {
  beforeAll(ensureIdeBundle);

  it('serves both in development, and honours GRAPHQL_INTROSPECTION / GRAPHQL_LANDING_PAGE', async () => {
    const dev = await startTestGateway({ env: { NODE_ENV: 'development' } });
    expect((await dev.query(INTROSPECTION)).body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
    const page = await fetch(dev.graphqlUrl, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.headers.get('content-security-policy')).toMatch(/^default-src 'none'; script-src 'self';/); // the bundled IDE's own policy
    await dev.dispose();

    const switched = await startTestGateway({ env: { NODE_ENV: 'production', SANDBOX: 'on', GRAPHQL_INTROSPECTION: 'on', GRAPHQL_LANDING_PAGE: 'on' } });
    expect((await switched.query(INTROSPECTION)).body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    expect((await fetch(switched.graphqlUrl, { headers: { accept: 'text/html' } })).headers.get('content-type')).toMatch(/text\/html/);
    await switched.dispose();
  });

  it('keeps unexpected messages in development only, and stacks only with GRAPHQL_EXPOSE_STACKTRACES=on', async () => {
    const dev = await startTestGateway({ env: { NODE_ENV: 'development', GRAPHQL_EXPOSE_STACKTRACES: 'on' } });
    const spy = jest.spyOn(fieldSelection, 'selectedGroupFields').mockImplementation(() => {
      throw new TypeError('visible in development');
    });
    try {
      const response = await dev.query('query($id: ID!) { group(id: $id) { subject } }', { id: groupsOf(dev, SANDBOX_PHONE_A)[0] });
      expect(response.body.errors?.[0]).toMatchObject({ message: 'visible in development', extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: expect.arrayContaining([expect.stringContaining('TypeError: visible in development')]) } });
    } finally {
      spy.mockRestore();
      await dev.dispose();
    }
  });
});
