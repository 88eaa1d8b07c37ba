import type { Socket } from 'node:net';
import { connect } from 'node:net';
import type { TestGateway } from '../../helpers/test-gateway';
import { startTestGateway } from '../../helpers/test-gateway';

/** A raw TCP client that writes `bytes` and then stalls; resolves with what the server wrote once the server closes it. */
function stallingClient(url: string, bytes: string): { socket: Socket; closed: Promise<string> } {
  const { hostname, port } = new URL(url);
  const socket = connect({ host: hostname, port: Number(port) });
  const received: Buffer[] = [];
  socket.on('data', (chunk: Buffer) => received.push(chunk));
  socket.on('error', () => undefined); // a reset by the server is a close too
  if (bytes !== '') socket.once('connect', () => socket.write(bytes));
  const closed = new Promise<string>((resolve) => socket.once('close', () => resolve(Buffer.concat(received).toString('latin1'))));
  return { socket, closed };
}

const PARTIAL_HEADERS = 'GET /healthz HTTP/1.1\r\nHost: gateway\r\nX-Slow: ';
const PARTIAL_BODY = 'POST /graphql HTTP/1.1\r\nHost: gateway\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"query":';

/**
 * Slow clients: a socket that never finishes its headers, or its body, is cut by the server within the configured
 * bounds (HTTP_HEADERS_TIMEOUT_MS, HTTP_REQUEST_TIMEOUT_MS) with a 408, however many there are; the gateway
 * keeps answering everyone else. The test waits for each socket's 'close', which only the server causes.
 */
describe('slow clients are cut by the server', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway({ env: { HTTP_HEADERS_TIMEOUT_MS: '400', HTTP_REQUEST_TIMEOUT_MS: '800', HTTP_CONNECTION_TIMEOUT_MS: '5000' } });
  });
  afterAll(() => t.dispose());

  it('closes 100 slow-header and 100 slow-body sockets with 408, and serves a normal request meanwhile', async () => {
    const slowHeaders = Array.from({ length: 100 }, () => stallingClient(t.url, PARTIAL_HEADERS));
    const slowBodies = Array.from({ length: 100 }, () => stallingClient(t.url, PARTIAL_BODY));
    const healthy = await fetch(`${t.url}/healthz`);
    expect(healthy.status).toBe(200);
    const headerAnswers = await Promise.all(slowHeaders.map((client) => client.closed));
    const bodyAnswers = await Promise.all(slowBodies.map((client) => client.closed));
    for (const answer of [...headerAnswers, ...bodyAnswers]) expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect([...slowHeaders, ...slowBodies].every((client) => client.socket.destroyed)).toBe(true);
  });

  it('closes a socket that connects and sends nothing', async () => {
    const silent = stallingClient(t.url, '');
    await expect(silent.closed).resolves.toEqual(expect.any(String));
    expect(silent.socket.destroyed).toBe(true);
  });
});
