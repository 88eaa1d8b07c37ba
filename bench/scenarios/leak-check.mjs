import { Agent, request } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { createMetaWebhooks } from '../lib/meta-webhook.mjs';
import { MB } from '../lib/stats.mjs';
import { openClients } from '../lib/ws-clients.mjs';
import { FANOUT_SUBSCRIPTION } from './fan-out.mjs';

const CYCLE_SOCKETS = 20;
const EVENTS_PER_DELIVERY = 100;
const DELIVERY_CONCURRENCY = 8;
/** Growth of the GC'd heap (+ external) that counts as noise: a leak of 100 bytes per cycle would show as 1 MB. */
const HEAP_NOISE_BYTES = 2 * MB;

function post(agent, url, body, headers) {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers: { ...headers, 'content-length': Buffer.byteLength(body) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.once('end', () => resolve({ status: res.statusCode, text }));
    });
    req.once('error', reject);
    req.end(body);
  });
}

/**
 * `cycles` subscribe/complete pairs spread over a few sockets, each socket confirming with a graphql-transport-ws
 * ping/pong every `confirmEvery` cycles that the server has handled what it was sent (messages are handled in order).
 */
async function subscriptionCycles({ wsUrl, groupId, cycles }) {
  const pongs = new Map();
  const clients = await openClients({
    url: wsUrl,
    count: CYCLE_SOCKETS,
    graphql: true,
    onFrame: (frame, socket) => {
      if (frame.length < 32 && frame.toString('latin1').includes('"pong"')) pongs.get(socket)?.();
    },
  });
  const subscribe = JSON.stringify({ type: 'subscribe', payload: { query: FANOUT_SUBSCRIPTION, variables: { groupId } } });
  const perSocket = Math.ceil(cycles / CYCLE_SOCKETS);
  let done = 0;
  await Promise.all(
    clients.sockets.map(async (socket, index) => {
      for (let i = 0; i < perSocket && done < cycles; i++) {
        const id = `c${index}-${i}`;
        socket.send(`{"id":"${id}",${subscribe.slice(1)}`);
        // Let some subscriptions go live (and see events) before they end, others end while still starting.
        if (i % 2 === 0) await new Promise((resolve) => setImmediate(resolve));
        socket.send(`{"id":"${id}","type":"complete"}`);
        done++;
        if (i % 50 === 49) {
          const pong = new Promise((resolve) => pongs.set(socket, resolve));
          socket.send('{"type":"ping"}');
          await pong;
        }
      }
    }),
  );
  await clients.close();
  return done;
}

/** `events` unique message events to `groupId`, EVENTS_PER_DELIVERY per signed delivery. */
async function webhookEvents({ url, webhooks, events, firstSequence }) {
  const agent = new Agent({ keepAlive: true, maxSockets: DELIVERY_CONCURRENCY });
  let next = 0;
  let stored = 0;
  try {
    await Promise.all(
      Array.from({ length: DELIVERY_CONCURRENCY }, async () => {
        while (next < events) {
          const first = next;
          const count = Math.min(EVENTS_PER_DELIVERY, events - first);
          next += count;
          const { body, headers } = webhooks.delivery(firstSequence + first, count);
          const answer = await post(agent, `${url}/webhooks/meta`, body, headers);
          if (answer.status !== 200) throw new Error(`a leak-check delivery was answered ${answer.status}: ${answer.text}`);
          stored += JSON.parse(answer.text).stored;
        }
      }),
    );
  } finally {
    agent.destroy();
  }
  return stored;
}

/**
 * Scenario 5: server memory (after forced GC) and active handles after a warm-up round, then again after 10,000
 * subscribe/unsubscribe cycles and 100,000 webhook events (1,000 signed deliveries of 100 events), run together, with
 * one subscriber receiving every event. Growth beyond noise would be a leak.
 */
export async function leakCheck({ gateway, phoneNumberId, groupId, runId, cycles = 10_000, events = 100_000 }) {
  const wsUrl = gateway.graphqlUrl.replace(/^http/, 'ws');
  const webhooks = createMetaWebhooks({ phoneNumberId, groupId, runId: `${runId}-leak` });
  let sequence = 0;
  let received = 0;
  const watcher = await openClients({ url: wsUrl, count: 1, graphql: true, onFrame: () => void received++ });
  watcher.subscribe('watch', FANOUT_SUBSCRIPTION, { groupId });
  for (let i = 0; ; i++) {
    const stats = await gateway.call('wsStats');
    if (stats.subscriptions === 1 && stats.starting === 0) break;
    if (i > 500) throw new Error(`leak check: the watching subscription did not start (${JSON.stringify(stats)})`);
    await sleep(20);
  }

  const settle = async () => {
    for (let i = 0; i < 250; i++) {
      const stats = await gateway.call('wsStats');
      if (stats.sockets <= 1 && stats.subscriptions <= 1 && stats.starting === 0) return stats;
      await sleep(20);
    }
    return gateway.call('wsStats');
  };
  const round = async (roundCycles, roundEvents) => {
    const started = performance.now();
    const [doneCycles, stored] = await Promise.all([
      subscriptionCycles({ wsUrl, groupId, cycles: roundCycles }),
      webhookEvents({ url: gateway.url, webhooks, events: roundEvents, firstSequence: sequence + 1 }),
    ]);
    sequence += roundEvents;
    const expectedReceived = sequence;
    for (let i = 0; i < 1500 && received < expectedReceived; i++) await sleep(20);
    const ws = await settle();
    return { cycles: doneCycles, stored, seconds: (performance.now() - started) / 1000, ws, memory: await gateway.call('measure') };
  };

  const warmup = await round(Math.round(cycles / 10), Math.round(events / 10));
  const measured = await round(cycles, events);
  await watcher.close();
  let final = await gateway.call('wsStats');
  for (let i = 0; i < 250 && (final.sockets > 0 || final.subscriptions > 0); i++) {
    await sleep(20);
    final = await gateway.call('wsStats');
  }
  if (measured.stored !== events) throw new Error(`leak check: ${measured.stored} of ${events} events were stored`);

  const heapGrowth = measured.memory.heapUsed + measured.memory.external - warmup.memory.heapUsed - warmup.memory.external;
  const handleGrowth = measured.memory.handles - warmup.memory.handles;
  const detail = { warmup, measured, watcherReceived: received, eventsSent: sequence, handlesBefore: warmup.memory.handlesByType, handlesAfter: measured.memory.handlesByType };
  return [
    { scenario: '5 leak', metric: `heap+external growth MB (${cycles.toLocaleString('en-US')} sub cycles, ${events.toLocaleString('en-US')} events)`, value: heapGrowth / MB, baseline: null, target: { kind: '<=', value: HEAP_NOISE_BYTES / MB }, detail },
    { scenario: '5 leak', metric: 'RSS growth MB', value: (measured.memory.rss - warmup.memory.rss) / MB, baseline: null, target: null },
    { scenario: '5 leak', metric: 'active handles growth', value: handleGrowth, baseline: null, target: { kind: '<=', value: 0 } },
    { scenario: '5 leak', metric: 'events the watching subscriber missed', value: sequence - received, baseline: null, target: { kind: '<=', value: 0 } },
    { scenario: '5 leak', metric: 'subscriptions left open after close', value: final.subscriptions + final.starting, baseline: null, target: { kind: '<=', value: 0 } },
  ];
}
