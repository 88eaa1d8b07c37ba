import pino from 'pino';
import type { AddressInfo, Server, Socket } from 'node:net';
import { createServer } from 'node:net';
import { loadConfig } from '../../../src/config/config';
import type { Gateway } from '../../../src/gateway';
import { createGateway } from '../../../src/gateway';

jest.setTimeout(30_000);

/** A real TCP server that accepts every connection, reads the requests and never answers. */
interface DeadUpstream {
  url: string;
  /** HTTP requests that arrived (request lines seen), i.e. upstream attempts. */
  attempts(): number;
  dispose(): Promise<void>;
}

async function startDeadUpstream(): Promise<DeadUpstream> {
  const sockets = new Set<Socket>();
  let attempts = 0;
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('data', (chunk) => (attempts += (String(chunk).match(/^(GET|POST|DELETE) \//gm) ?? []).length));
    socket.on('error', () => undefined); // the client aborts its timed-out requests
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    attempts: () => attempts,
    async dispose() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const DEADLINE_MS = 1_500;
const GROUP = '{ group(id: "120363000000000001") { subject } }';

/** One POST, failed by the test if it is not answered within `boundMs` (a bounded wait, not a timing assertion). */
async function answeredWithin(graphqlUrl: string, boundMs: number): Promise<{ errors?: { extensions?: Record<string, unknown> }[] }> {
  const request = fetch(graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: GROUP }) }).then((response) => response.json() as Promise<{ errors?: { extensions?: Record<string, unknown> }[] }>);
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`not answered within ${boundMs} ms`)), boundMs)));
  try {
    return await Promise.race([request, bound]);
  } finally {
    clearTimeout(timer);
  }
}

describe('a dead upstream (accepts connections, never answers)', () => {
  let upstream: DeadUpstream;
  let gateway: Gateway;
  let graphqlUrl: string;
  beforeAll(async () => {
    upstream = await startDeadUpstream();
    const config = loadConfig({
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      GRAPH_API_URL: upstream.url,
      WHATSAPP_ACCESS_TOKEN: 'dead-token',
      WHATSAPP_PHONE_NUMBER_ID: '106540352242922',
      GATEWAY_AUTH: 'off',
      GRAPH_API_TIMEOUT_MS: '1000',
      GRAPH_API_MAX_RETRIES: '3',
      GRAPH_API_REQUEST_DEADLINE_MS: String(DEADLINE_MS),
      GRAPH_API_BREAKER_FAILURES: '1',
      GRAPH_API_BREAKER_OPEN_MS: '60000',
    });
    gateway = createGateway({ config, logger: pino({ level: 'silent' }) });
    graphqlUrl = (await gateway.start()).graphqlUrl;
  });
  afterAll(async () => {
    await gateway.stop();
    await upstream.dispose();
  });

  it('20 concurrent equal reads make one upstream attempt and all answer UPSTREAM_UNAVAILABLE within the deadline', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, () => answeredWithin(graphqlUrl, DEADLINE_MS + 1_000)));
    for (const answer of answers) expect(answer.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'UPSTREAM_UNAVAILABLE' }) })]);
    expect(upstream.attempts()).toBe(1);
  });

  it('while the breaker is open, 20 more fail fast with retryAfterSeconds and no upstream attempt', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, () => answeredWithin(graphqlUrl, 1_000)));
    for (const answer of answers) {
      expect(answer.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'UPSTREAM_UNAVAILABLE', retryAfterSeconds: expect.any(Number) }) })]);
      expect(answer.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(50);
    }
    expect(upstream.attempts()).toBe(1);
  });
});
