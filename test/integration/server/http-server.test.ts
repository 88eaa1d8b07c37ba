import { createHash } from 'node:crypto';
import type { HttpServer } from '../../../src/server/http-server';
import type { RawBodyRequest } from '../../../src/server/raw-body-route';
import { createBareHttpServer, startBareHttpServer } from '../../helpers/bare-http-server';

const FOUR_MIB = 4 * 1024 * 1024;


describe('raw-body routes (webhook seam)', () => {
  let server: HttpServer;
  let url: string;
  const received: RawBodyRequest[] = [];
  const tooLarge: string[] = [];

  beforeAll(async () => {
    ({ server, url } = await startBareHttpServer((s) => {
      s.registerRawBodyRoute(
        'POST',
        '/webhooks/test',
        async (request) => {
          received.push(request);
          return { status: 200, contentType: 'application/json', body: JSON.stringify({ sha256: createHash('sha256').update(request.rawBody).digest('hex') }) };
        },
        { bodyLimitBytes: FOUR_MIB, onBodyTooLarge: ({ path }) => void tooLarge.push(path) },
      );
      s.registerRawBodyRoute('GET', '/webhooks/test', async (request) => ({ status: 200, contentType: 'text/plain', body: request.query.get('hub.challenge') ?? '' }), { bodyLimitBytes: FOUR_MIB });
      s.registerRawBodyRoute(
        'POST',
        '/webhooks/broken',
        async () => {
          throw new Error('handler bug');
        },
        { bodyLimitBytes: 1024 },
      );
    }));
  });
  afterAll(() => server.close());

  it('hands the handler the exact bytes, whatever the content type, with headers, query and request id', async () => {
    const bytes = Buffer.from('{"object":"whatsapp_business_account",  "entry":[]}\n', 'utf8');
    const response = await fetch(`${url}/webhooks/test?x=1`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': 'sha256=abc', 'x-request-id': 'delivery-1' }, body: bytes });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ sha256: createHash('sha256').update(bytes).digest('hex') });
    const request = received.at(-1);
    expect(request?.rawBody.equals(bytes)).toBe(true);
    expect(request).toMatchObject({ method: 'POST', path: '/webhooks/test', requestId: 'delivery-1', headers: { 'x-hub-signature-256': 'sha256=abc' } });
    expect(request?.query.get('x')).toBe('1');

    const form = await fetch(`${url}/webhooks/test`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=1&b=%20' });
    expect(form.status).toBe(200);
    expect(received.at(-1)?.rawBody.toString('utf8')).toBe('a=1&b=%20');
  });

  it('accepts a body of exactly the limit and answers 413 above it, telling the route', async () => {
    const atLimit = await fetch(`${url}/webhooks/test`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: Buffer.alloc(FOUR_MIB, 0x20) });
    expect(atLimit.status).toBe(200);
    expect(received.at(-1)?.rawBody.length).toBe(FOUR_MIB);
    const over = await fetch(`${url}/webhooks/test`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: Buffer.alloc(FOUR_MIB + 1, 0x20) });
    expect(over.status).toBe(413);
    expect(await over.json()).toEqual({ error: 'payload_too_large', message: `Body over ${FOUR_MIB} bytes` });
    expect(tooLarge).toEqual(['/webhooks/test']);
  });

  it('serves GET handshakes with the query string', async () => {
    const response = await fetch(`${url}/webhooks/test?hub.mode=subscribe&hub.challenge=1158201444`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('1158201444');
  });

  it('answers 500 without details when a handler throws', async () => {
    const response = await fetch(`${url}/webhooks/broken`, { method: 'POST', body: 'x' });
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: 'internal', message: 'Internal server error' });
  });

  it('leaves JSON parsing of /graphql untouched', async () => {
    const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('refuses registrations after listen()', () => {
    expect(() => server.registerRawBodyRoute('POST', '/late', async () => ({ status: 200, contentType: 'text/plain', body: '' }), { bodyLimitBytes: 1 })).toThrow(
      'registerRawBodyRoute() must be called before listen(); the server is listening',
    );
  });
});

describe('closing', () => {
  it('runs drain steps, closes the port, and is idempotent', async () => {
    const drained: string[] = [];
    const { server, url } = await startBareHttpServer((s) => s.addDrainStep('ws', async () => void drained.push('ws')));
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    await Promise.all([server.close(), server.close()]);
    await server.close();
    expect(drained).toEqual(['ws']);
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
    await expect(server.listen()).rejects.toThrow('listen() can be called once, on a new server; the server is closed');
  });

  it('closes a server that never listened', async () => {
    const server = await createBareHttpServer({ bodyLimitBytes: 1024 });
    await expect(server.close()).resolves.toBeUndefined();
  });
});
