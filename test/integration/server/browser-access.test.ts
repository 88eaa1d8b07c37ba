import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import WebSocket from 'ws';
import { createBareHttpServer } from '../../helpers/bare-http-server';
import { ensureIdeBundle } from '../../helpers/ide-bundle';
import type { TestGateway } from '../../helpers/test-gateway';
import { startTestGateway } from '../../helpers/test-gateway';

jest.setTimeout(60_000);

const APP = 'https://app.example.com';
const EVIL = 'https://evil.example';
const TYPENAME = JSON.stringify({ query: '{ __typename }' });

function preflight(url: string, origin: string, requestHeaders = 'content-type'): Promise<Response> {
  return fetch(url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': requestHeaders } });
}

function post(url: string, headers: Record<string, string>): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: TYPENAME });
}

/** Opens a graphql-transport-ws socket as a browser on `origin` would (or a server, without) and reports how it ended up. */
function wsHandshake(graphqlUrl: string, origin: string | undefined): Promise<{ outcome: 'ack' } | { outcome: 'closed'; code: number; reason: string }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(graphqlUrl.replace(/^http/, 'ws'), 'graphql-transport-ws', origin === undefined ? {} : { origin });
    socket.once('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: {} })));
    socket.once('message', (data) => {
      if ((JSON.parse(String(data)) as { type: string }).type !== 'connection_ack') return reject(new Error(`expected connection_ack, got ${String(data)}`));
      socket.close(1000);
      resolve({ outcome: 'ack' });
    });
    socket.once('close', (code, reason) => resolve({ outcome: 'closed', code, reason: String(reason) }));
    socket.once('error', reject);
  });
}

describe('CORS for browser pages on other origins (CORS_ORIGINS)', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway({ env: { CORS_ORIGINS: APP } });
  });
  afterAll(() => t.dispose());

  it('answers an allowed origin\'s preflight with the headers Apollo Client, CSRF prevention and tracing send', async () => {
    const response = await preflight(t.graphqlUrl, APP, 'content-type,authorization,apollo-require-preflight,x-apollo-operation-name,traceparent,x-request-id');
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(APP);
    expect(response.headers.get('access-control-allow-methods')).toBe('GET, POST');
    expect(response.headers.get('access-control-allow-headers')?.split(', ')).toEqual(
      expect.arrayContaining(['content-type', 'authorization', 'apollo-require-preflight', 'x-apollo-operation-name', 'traceparent', 'x-request-id']),
    );
    expect(response.headers.get('access-control-max-age')).toBe('600');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    expect(response.headers.get('vary')).toMatch(/Origin/);
  });

  it('lets an allowed origin read answers and the request id, and gives any other origin no CORS header at all', async () => {
    const allowed = await post(t.graphqlUrl, { origin: APP });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(APP);
    expect(allowed.headers.get('access-control-expose-headers')).toBe('x-request-id, retry-after');

    const refusedPreflight = await preflight(t.graphqlUrl, EVIL);
    expect(refusedPreflight.status).toBe(404);
    const refused = await post(t.graphqlUrl, { origin: EVIL });
    for (const response of [refusedPreflight, refused]) {
      expect([...response.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual([]);
    }
  });

  it('keeps Apollo\'s CSRF prevention: an allowed origin\'s simple requests are still refused unless they carry a preflight header', async () => {
    const plain = await fetch(t.graphqlUrl, { method: 'POST', headers: { origin: APP, 'content-type': 'text/plain' }, body: TYPENAME });
    expect(plain.status).toBe(400);
    expect(JSON.stringify(await plain.json())).toMatch(/Cross-Site Request Forgery/);
    const get = `${t.graphqlUrl}?query=${encodeURIComponent('{ __typename }')}`;
    expect((await fetch(get, { headers: { origin: APP } })).status).toBe(400);
    const preflighted = await fetch(get, { headers: { origin: APP, 'apollo-require-preflight': 'true' } });
    expect(preflighted.status).toBe(200);
    expect(preflighted.headers.get('access-control-allow-origin')).toBe(APP);
  });

  it('closes a WebSocket opened by a page on another origin with 4403, and admits allowed pages, the gateway\'s own pages and non-browser clients', async () => {
    expect(await wsHandshake(t.graphqlUrl, EVIL)).toEqual({ outcome: 'closed', code: 4403, reason: 'Forbidden: origin not allowed' });
    expect(await wsHandshake(t.graphqlUrl, APP)).toEqual({ outcome: 'ack' });
    expect(await wsHandshake(t.graphqlUrl, t.url)).toEqual({ outcome: 'ack' });
    expect(await wsHandshake(t.graphqlUrl, undefined)).toEqual({ outcome: 'ack' });
    expect(t.logs).toContainEqual(expect.objectContaining({ msg: 'WebSocket refused: its browser origin is not allowed (CORS_ORIGINS)', origin: EVIL }));
  });
});

describe('CORS defaults and variants', () => {
  it('allows any local page in sandbox mode, and no other origin', async () => {
    const t = await startTestGateway();
    expect((await post(t.graphqlUrl, { origin: 'http://localhost:5173' })).headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect((await post(t.graphqlUrl, { origin: 'http://127.0.0.1:5180' })).headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:5180');
    expect((await post(t.graphqlUrl, { origin: APP })).headers.get('access-control-allow-origin')).toBeNull();
    expect(await wsHandshake(t.graphqlUrl, 'http://localhost:5173')).toEqual({ outcome: 'ack' });
    expect(await wsHandshake(t.graphqlUrl, APP)).toMatchObject({ outcome: 'closed', code: 4403 });
    await t.dispose();
  });

  it('allows every origin with *, and sends Access-Control-Allow-Credentials only with CORS_CREDENTIALS=on', async () => {
    const any = await startTestGateway({ env: { CORS_ORIGINS: '*' } });
    const response = await post(any.graphqlUrl, { origin: EVIL });
    expect(response.headers.get('access-control-allow-origin')).toBe(EVIL);
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    expect(await wsHandshake(any.graphqlUrl, EVIL)).toEqual({ outcome: 'ack' });
    await any.dispose();

    const credentials = await startTestGateway({ env: { CORS_ORIGINS: APP, CORS_CREDENTIALS: 'on' } });
    expect((await preflight(credentials.graphqlUrl, APP)).headers.get('access-control-allow-credentials')).toBe('true');
    expect((await post(credentials.graphqlUrl, { origin: APP })).headers.get('access-control-allow-credentials')).toBe('true');
    await credentials.dispose();
  });
});

describe('the bundled GraphiQL IDE (GRAPHQL_LANDING_PAGE)', () => {
  let t: TestGateway;
  beforeAll(async () => {
    ensureIdeBundle();
    t = await startTestGateway({ env: { NODE_ENV: 'development' } });
  });
  afterAll(() => t.dispose());

  it('serves the IDE to a browser navigation, with a CSP that allows only its own origin and WebSocket', async () => {
    const page = await fetch(t.graphqlUrl, { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('cache-control')).toBe('no-store');
    const host = new URL(t.url).host;
    expect(page.headers.get('content-security-policy')).toBe(
      `default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self' ws://${host} wss://${host}; worker-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
    );
    const html = await page.text();
    expect(html).not.toMatch(/https?:\/\//); // nothing from another host, not even a link
    const assets = [...html.matchAll(/(?:src|href)="(ide\/[^"]+)"/g)].map((match) => match[1]!);
    expect(assets.map((asset) => asset.replace(/-[A-Z0-9]+\./, '-HASH.'))).toEqual(['ide/ide-HASH.css', 'ide/ide-HASH.js']);
    for (const asset of assets) {
      const response = await fetch(`${t.url}/${asset}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(asset.endsWith('.js') ? 'text/javascript; charset=utf-8' : 'text/css; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(10_000);
    }
    expect((await fetch(`${t.url}/ide/manifest.json`)).status).toBe(404);
    expect((await fetch(`${t.url}/ide/..%2Fpackage.json`)).status).toBe(404);
  });

  it('redirects / to the endpoint, which stays GraphQL over HTTP for every client that does not ask for a page', async () => {
    const root = await fetch(`${t.url}/`, { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('graphql');
    const query = await fetch(`${t.graphqlUrl}?query=${encodeURIComponent('{ __typename }')}`, { headers: { accept: '*/*', 'apollo-require-preflight': 'true' } });
    expect(query.status).toBe(200);
    expect(await query.json()).toEqual({ data: { __typename: 'Query' } });
    expect((await post(t.graphqlUrl, { accept: 'text/html, application/json' })).headers.get('content-type')).toMatch(/json/);
  });

  it('serves neither page nor redirect with the landing page off', async () => {
    const off = await startTestGateway({ env: { NODE_ENV: 'development', GRAPHQL_LANDING_PAGE: 'off' } });
    expect((await fetch(`${off.url}/`, { redirect: 'manual' })).status).toBe(404);
    const page = await fetch(off.graphqlUrl, { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-type') ?? '').not.toMatch(/text\/html/);
    expect((await fetch(`${off.url}/ide/anything.js`)).status).toBe(404);
    await off.dispose();
  });

  it('explains how to build the IDE when its bundle is missing, and logs why', async () => {
    const emptyDir = mkdtempSync(join(tmpdir(), 'wgg-no-ide-'));
    const lines: Record<string, unknown>[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
    const server = await createBareHttpServer({ logger, landingPage: true, browser: { ide: { apiKeyRequired: false, bundleDir: emptyDir } } });
    try {
      const { url } = await server.listen();
      const page = await fetch(`${url}/graphql`, { headers: { accept: 'text/html' } });
      expect(page.status).toBe(503);
      expect(await page.text()).toContain('<code>npm run build</code>');
      expect(lines).toContainEqual(expect.objectContaining({ level: 40, reason: `no ${join(emptyDir, 'manifest.json')}` }));
    } finally {
      await server.close();
      rmSync(emptyDir, { recursive: true, force: true });
    }
  });
});
