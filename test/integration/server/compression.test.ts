import type { IncomingHttpHeaders } from 'node:http';
import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import WebSocket from 'ws';
import type { HttpServer } from '../../../src/server/http-server';
import { createBareHttpServer } from '../../helpers/bare-http-server';
import type { TestGateway } from '../../helpers/test-gateway';
import { startTestGateway } from '../../helpers/test-gateway';

const LIST = JSON.stringify({ query: '{ groups(first: 8) { edges { cursor node { id subject createdAt participants { waId userId username } } } } }' });
const TINY = JSON.stringify({ query: '{ __typename }' });

interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  /** The bytes on the wire. */
  raw: Buffer;
  /** The bytes after undoing Content-Encoding. */
  body: string;
}

/** node:http, not fetch: fetch decodes silently, and the test is about what went over the wire. */
function send(url: string, options: { method?: string; body?: string; acceptEncoding?: string }): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (options.acceptEncoding !== undefined) headers['accept-encoding'] = options.acceptEncoding;
    const req = request(url, { method: options.method ?? 'POST', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        const encoding = res.headers['content-encoding'];
        const decoded = encoding === 'br' ? brotliDecompressSync(raw) : encoding === 'gzip' ? gunzipSync(raw) : raw;
        resolve({ status: res.statusCode ?? 0, headers: res.headers, raw, body: decoded.toString('utf8') });
      });
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('response compression on the gateway', () => {
  let t: TestGateway;

  beforeAll(async () => {
    t = await startTestGateway();
  });
  afterAll(() => t.dispose());

  it('sends a list query over 1 KiB as brotli or gzip, whichever the client prefers, with the same JSON', async () => {
    const plain = await send(t.graphqlUrl, { body: LIST });
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.raw.length).toBeGreaterThan(1024);
    expect(JSON.parse(plain.body).data.groups.edges).toHaveLength(6);

    const brotli = await send(t.graphqlUrl, { body: LIST, acceptEncoding: 'gzip, deflate, br' });
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotli.headers.vary).toMatch(/accept-encoding/i);
    expect(brotli.body).toBe(plain.body);
    expect(brotli.raw.length).toBeLessThan(plain.raw.length / 2);

    const gzip = await send(t.graphqlUrl, { body: LIST, acceptEncoding: 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.body).toBe(plain.body);
    // The security headers and the request id survive the compression hook.
    expect(gzip.headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'cache-control': 'no-store', 'x-request-id': expect.any(String) });
  });

  it('sends answers under 1 KiB as they are', async () => {
    const tiny = await send(t.graphqlUrl, { body: TINY, acceptEncoding: 'br, gzip' });
    expect(tiny.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(tiny.body)).toEqual({ data: { __typename: 'Query' } });
  });

  it('leaves the WebSocket upgrade alone: graphql-ws works for a client that accepts compressed HTTP answers', async () => {
    const socket = new WebSocket(t.graphqlUrl.replace(/^http/, 'ws'), 'graphql-transport-ws', { headers: { 'accept-encoding': 'gzip, br' } });
    const upgrade = new Promise<IncomingHttpHeaders>((resolve, reject) => {
      socket.once('upgrade', (response) => resolve(response.headers));
      socket.once('error', reject);
    });
    const opened = new Promise((resolve) => socket.once('open', resolve));
    expect((await upgrade)['content-encoding']).toBeUndefined();
    await opened;
    socket.send(JSON.stringify({ type: 'connection_init' }));
    const message = await new Promise<string>((resolve) => socket.once('message', (data: Buffer) => resolve(data.toString('utf8'))));
    expect(JSON.parse(message)).toEqual({ type: 'connection_ack' });
    socket.close();
  });
});

describe('response compression on other routes', () => {
  let server: HttpServer;
  let url: string;
  const large = 'data: {"id":"1"}\n\n'.repeat(300);

  beforeAll(async () => {
    server = await createBareHttpServer();
    server.registerPlugin(async (scope) => {
      scope.get('/events', async (_request, reply) => reply.type('text/event-stream').send(large));
      scope.get('/document', async (_request, reply) => reply.type('application/json').send(JSON.stringify({ text: large })));
    });
    ({ url } = await server.listen());
  });
  afterAll(() => server.close());

  it('never compresses text/event-stream, however large', async () => {
    const events = await send(`${url}/events`, { method: 'GET', acceptEncoding: 'br, gzip' });
    expect(events.headers['content-type']).toMatch(/^text\/event-stream/);
    expect(events.headers['content-encoding']).toBeUndefined();
    expect(events.body).toBe(large);
  });

  it('compresses JSON of routes that plugins add', async () => {
    const document = await send(`${url}/document`, { method: 'GET', acceptEncoding: 'gzip' });
    expect(document.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(document.body)).toEqual({ text: large });
  });
});
