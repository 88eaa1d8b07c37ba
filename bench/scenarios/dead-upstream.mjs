import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { postGraphql } from '../lib/graphql.mjs';

const READS = 20;
const QUERY = '{ group(id: "120363000000000001") { subject } }';

/** A TCP server that accepts every connection, reads the requests and never answers; counts the requests (attempts). */
async function startDeadUpstream() {
  const sockets = new Set();
  let attempts = 0;
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('data', (chunk) => (attempts += (String(chunk).match(/^(GET|POST|DELETE) \//gm) ?? []).length));
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    attempts: () => attempts,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** `READS` equal reads at once: each one's time to answer and code. */
async function wave(graphqlUrl) {
  return Promise.all(
    Array.from({ length: READS }, async () => {
      const started = performance.now();
      const answer = await postGraphql(graphqlUrl, QUERY);
      const code = JSON.parse(answer.body).errors?.[0]?.extensions?.code ?? 'none';
      return { ms: performance.now() - started, code };
    }),
  );
}

/**
 * Scenario 10: a dead upstream (accepts connections, never answers) behind the circuit breaker, the per-request
 * deadline and single-flight. Each breaker window: one wave of READS equal reads while the breaker lets a call (or
 * the half-open probe) through, then one wave while it is open. Counts upstream attempts per window and times every
 * answer against the deadline.
 */
export async function deadUpstream({ startGateway, stopChild, windows = 3 }) {
  const deadlineMs = 1_500;
  const openMs = 3_000;
  const dead = await startDeadUpstream();
  const gateway = await startGateway({
    label: 'gateway-dead-upstream',
    env: {
      NODE_ENV: 'test', // an upstream with GATEWAY_AUTH=off: not a production setup, and not the sandbox either
      LOG_LEVEL: 'error', // every one of the 120 reads is an upstream failure, logged at warn
      SANDBOX: 'off',
      GRAPH_API_URL: dead.url,
      WHATSAPP_ACCESS_TOKEN: 'bench-dead-upstream',
      WHATSAPP_PHONE_NUMBER_ID: '106540352242922',
      GATEWAY_AUTH: 'off',
      GRAPH_API_TIMEOUT_MS: '1000',
      GRAPH_API_MAX_RETRIES: '3',
      GRAPH_API_REQUEST_DEADLINE_MS: String(deadlineMs),
      GRAPH_API_BREAKER_FAILURES: '1',
      GRAPH_API_BREAKER_OPEN_MS: String(openMs),
    },
    expectUpstream: true,
  });
  const perWindow = [];
  const answers = [];
  try {
    for (let window = 0; window < windows; window++) {
      const before = dead.attempts();
      const windowStarted = performance.now();
      answers.push(...(await wave(gateway.graphqlUrl))); // breaker closed (first window) or half-open: one call goes out
      answers.push(...(await wave(gateway.graphqlUrl))); // breaker open: no call
      perWindow.push(dead.attempts() - before);
      // Into the next window: the open period ends, the next wave's first read is the probe.
      const left = openMs + 100 - (performance.now() - windowStarted);
      if (left > 0) await sleep(left);
    }
  } finally {
    await stopChild(gateway);
    await dead.close();
  }
  const slowest = Math.max(...answers.map((answer) => answer.ms));
  const unavailable = answers.filter((answer) => answer.code === 'UPSTREAM_UNAVAILABLE').length;
  const detail = `${READS} equal group(id) reads per wave, 2 waves per ${openMs} ms breaker window, ${windows} windows; deadline ${deadlineMs} ms, attempt timeout 1000 ms, 3 retries, breaker opens after 1 failure`;
  return [
    { scenario: '10 dead upstream', metric: 'upstream attempts in the busiest breaker window', value: Math.max(...perWindow), baseline: null, target: { kind: '<=', value: 1 }, unit: 'requests', detail: `${detail}; per window: ${perWindow.join(', ')}` },
    { scenario: '10 dead upstream', metric: 'slowest answer of all reads', value: Math.round(slowest), baseline: null, target: { kind: '<=', value: deadlineMs }, unit: 'ms', detail },
    { scenario: '10 dead upstream', metric: 'reads answered UPSTREAM_UNAVAILABLE', value: unavailable, baseline: null, target: { kind: '>=', value: answers.length }, unit: 'reads', detail: `of ${answers.length}` },
  ];
}
