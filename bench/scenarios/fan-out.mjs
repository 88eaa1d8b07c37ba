import { Agent, request } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { createMetaWebhooks, SEQUENCE_MARK } from '../lib/meta-webhook.mjs';
import { percentile } from '../lib/stats.mjs';
import { openClients } from '../lib/ws-clients.mjs';

export const FANOUT_SUBSCRIPTION = `subscription BenchFanOut($groupId: ID!) {
  groupEvents(groupId: $groupId) { id type cursor occurredAt receivedAt ... on MessageReceivedEvent { messageId text from { waId name } } }
}`;
const MARK = Buffer.from(SEQUENCE_MARK, 'latin1');

/** The sequence number after SEQUENCE_MARK in a frame, read from the bytes (no string, no JSON); -1 when absent. */
function sequenceIn(frame) {
  const at = frame.indexOf(MARK);
  if (at === -1) return -1;
  let value = 0;
  for (let i = at + MARK.length; i < frame.length; i++) {
    const digit = frame[i] - 48;
    if (digit < 0 || digit > 9) break;
    value = value * 10 + digit;
  }
  return value;
}

async function waitFor(what, check, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value === true) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (${JSON.stringify(value)})`);
    await sleep(20);
  }
}

/**
 * Counts deliveries per sequence number and their latency from the moment the event was sent. Sequences below
 * `measureFrom` (probes, warm-up) are counted but not timed.
 */
function createReceiver(capacity) {
  const sentAt = new Map();
  const counts = new Map();
  const latencies = new Float64Array(capacity);
  let timed = 0;
  let lastAt = 0;
  let measureFrom = Infinity;
  return {
    onFrame(frame) {
      const sequence = sequenceIn(frame);
      if (sequence === -1) return;
      const now = performance.now();
      counts.set(sequence, (counts.get(sequence) ?? 0) + 1);
      if (sequence >= measureFrom && timed < capacity) {
        latencies[timed++] = now - sentAt.get(sequence);
        lastAt = now;
      }
    },
    sent(sequence) {
      sentAt.set(sequence, performance.now());
    },
    countOf: (sequence) => counts.get(sequence) ?? 0,
    startMeasuring(from) {
      measureFrom = from;
    },
    timed: () => timed,
    lastAt: () => lastAt,
    latencies: () => latencies.subarray(0, timed),
  };
}

/**
 * Sends `count` events at `ratePerSecond`, from `firstSequence`; answers once every send was acknowledged, with how
 * long the acknowledgements took (the webhook route shares the server's event loop with the fan-out).
 */
async function pace({ count, ratePerSecond, firstSequence, send }) {
  const start = performance.now();
  let sent = 0;
  const pending = [];
  const ackMs = [];
  while (sent < count) {
    const due = Math.min(count, Math.floor(((performance.now() - start) / 1000) * ratePerSecond) + 1);
    while (sent < due) {
      const sentAt = performance.now();
      pending.push(
        send(firstSequence + sent++).then((status) => {
          ackMs.push(performance.now() - sentAt);
          return status;
        }),
      );
    }
    await sleep(1);
  }
  const statuses = await Promise.all(pending);
  // Not thrown: a refused event (e.g. 503 while the server is saturated) is a result, reported as such.
  const refused = statuses.filter((status) => status !== 200).length;
  const lastAccepted = statuses.findLastIndex((status) => status === 200);
  return {
    start,
    seconds: (performance.now() - start) / 1000,
    refused,
    lastAccepted: lastAccepted === -1 ? null : firstSequence + lastAccepted,
    ackP50Ms: percentile(ackMs, 50),
    ackP99Ms: percentile(ackMs, 99),
  };
}

function post(agent, url, body, headers) {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers: { ...headers, 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.once('end', () => resolve(res.statusCode));
    });
    req.once('error', reject);
    req.end(body);
  });
}

/**
 * One fan-out measurement: N sockets, each with one subscription (or, for the baseline, just open), events sent at
 * `ratePerSecond` for `seconds`, every delivery timed from the send. Server memory per subscriber is the GC'd
 * heap+external and RSS growth of the server process from before the sockets opened to when all were subscribed.
 */
export async function measureFanOut({ target, subscribers, ratePerSecond, seconds, drainTimeoutMs }) {
  const events = Math.round(ratePerSecond * seconds);
  const receiver = createReceiver(subscribers * events);
  const memoryBefore = await target.server.call('measure');
  const clients = await (target.openClients ?? openClients)({ url: target.wsUrl, count: subscribers, graphql: target.graphql, onFrame: receiver.onFrame });
  let sequence = 0;
  try {
    await target.subscribeAll(clients);
    // One probe reaching every socket proves every subscription live; a short warm-up follows, untimed.
    const probe = ++sequence;
    receiver.sent(probe);
    const probeStatus = await target.send(probe);
    if (probeStatus !== 200) throw new Error(`the probe event was answered ${probeStatus}`);
    await waitFor('the probe to reach every subscriber', async () => receiver.countOf(probe) === subscribers || { received: receiver.countOf(probe), ...(await target.diagnose()) }, 30_000);
    const warmup = 10;
    const warm = await pace({ count: warmup, ratePerSecond, firstSequence: sequence + 1, send: (s) => (receiver.sent(s), target.send(s)) });
    sequence += warmup;
    if (warm.lastAccepted === null) throw new Error(`all ${warmup} warm-up events were refused`);
    await waitFor('the warm-up to drain', () => receiver.countOf(warm.lastAccepted) === subscribers || receiver.countOf(warm.lastAccepted), drainTimeoutMs);
    const memoryAfter = await target.server.call('measure');

    const first = sequence + 1;
    receiver.startMeasuring(first);
    const sending = await pace({ count: events, ratePerSecond, firstSequence: first, send: (s) => (receiver.sent(s), target.send(s)) });
    // A refused event (503) may still have been stored, and then it is delivered: wait for every event, or for the
    // accepted ones and a quiet second.
    const expected = subscribers * events;
    const accepted = subscribers * (events - sending.refused);
    let drained = true;
    try {
      await waitFor(
        'every delivery',
        () => receiver.timed() >= expected || (receiver.timed() >= accepted && performance.now() - receiver.lastAt() > 1000) || receiver.timed(),
        drainTimeoutMs,
      );
    } catch {
      drained = false;
    }
    const latencies = receiver.latencies();
    const deliverySeconds = (receiver.lastAt() - sending.start) / 1000;
    return {
      subscribers,
      events,
      sendSeconds: sending.seconds,
      webhookAckP50Ms: sending.ackP50Ms,
      webhookAckP99Ms: sending.ackP99Ms,
      refusedEvents: sending.refused,
      refusedWarmupEvents: warm.refused,
      delivered: receiver.timed(),
      expected,
      drained,
      deliveriesPerSecond: receiver.timed() / deliverySeconds,
      p50Ms: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
      p999Ms: percentile(latencies, 99.9),
      maxMs: percentile(latencies, 100),
      rssBytesPerSubscriber: (memoryAfter.rss - memoryBefore.rss) / subscribers,
      heapBytesPerSubscriber: (memoryAfter.heapUsed + memoryAfter.external - memoryBefore.heapUsed - memoryBefore.external) / subscribers,
      memoryBefore,
      memoryAfter,
    };
  } finally {
    await clients.close();
    await target.afterClose();
  }
}

/**
 * The two fan-out targets over one keep-alive agent: the gateway (graphql-ws subscribers of one group's events, fed
 * by signed webhooks) and the raw `ws` baseline (a frame of the same bytes broadcast to every socket on each POST).
 * `useWebhooks(label)` starts a fresh run of message ids (sequences restart with every measurement).
 */
export function fanOutTargets({ gateway, baseline, phoneNumberId, groupId }) {
  const agent = new Agent({ keepAlive: true, maxSockets: 16 });
  let webhooks = null;
  let sampleFrame = null;
  const gatewayTarget = {
    server: gateway,
    graphql: true,
    wsUrl: gateway.graphqlUrl.replace(/^http/, 'ws'),
    async subscribeAll(clients) {
      clients.subscribe('1', FANOUT_SUBSCRIPTION, { groupId });
      const n = clients.sockets.length;
      await waitFor(`${n} live subscriptions`, async () => {
        const stats = await gateway.call('wsStats');
        return (stats.subscriptions === n && stats.starting === 0) || stats;
      }, 60_000);
      // Keep one real frame: the baseline broadcasts the same bytes.
      const [socket] = clients.sockets;
      socket.once('message', (frame) => {
        sampleFrame ??= frame.toString('utf8');
      });
    },
    send: (sequence) => {
      const { body, headers } = webhooks.delivery(sequence);
      return post(agent, `${gateway.url}/webhooks/meta`, body, headers);
    },
    diagnose: async () => ({ ws: await gateway.call('wsStats'), ingress: await gateway.call('ingressStats'), redis: await gateway.call('redisStatus') }),
    afterClose: () => waitFor('the gateway to close every socket', async () => {
      const stats = await gateway.call('wsStats');
      return (stats.sockets === 0 && stats.subscriptions === 0) || stats;
    }, 30_000),
  };
  const baselineTarget = {
    server: baseline,
    graphql: false,
    wsUrl: baseline.url.replace(/^http/, 'ws'),
    async subscribeAll(clients) {
      const n = clients.sockets.length;
      await waitFor(`${n} baseline sockets`, async () => (await baseline.call('sockets')) === n, 30_000);
    },
    send: (sequence) => {
      const frame = sampleFrame.replace(/bench#\d+/, `${SEQUENCE_MARK}${sequence}`);
      return post(agent, `${baseline.url}/broadcast`, frame, { 'content-type': 'application/json' });
    },
    diagnose: async () => ({ sockets: await baseline.call('sockets') }),
    afterClose: () => waitFor('the baseline to close every socket', async () => (await baseline.call('sockets')) === 0, 30_000),
  };

  return {
    gatewayTarget,
    baselineTarget,
    useWebhooks(label) {
      webhooks = createMetaWebhooks({ phoneNumberId, groupId, runId: label });
    },
    frameBytes: () => Buffer.byteLength(sampleFrame ?? ''),
    close: () => agent.destroy(),
  };
}

/**
 * Scenario 4: graphql-ws subscribers of one group's events, fed by signed webhooks at 100 events/s; baseline: a raw
 * `ws` server broadcasting a frame of the same bytes to the same number of sockets on each POST.
 */
export async function fanOut({ gateway, baseline, phoneNumberId, groupId, runId, subscriberCounts, ratePerSecond, secondsFor, drainTimeoutMs }) {
  const { gatewayTarget, baselineTarget, useWebhooks, frameBytes, close } = fanOutTargets({ gateway, baseline, phoneNumberId, groupId });
  const rows = [];
  try {
    for (const subscribers of subscriberCounts) {
      useWebhooks(`${runId}-fanout-${subscribers}`);
      const seconds = secondsFor(subscribers);
      const measured = await measureFanOut({ target: gatewayTarget, subscribers, ratePerSecond, seconds, drainTimeoutMs });
      const bare = await measureFanOut({ target: baselineTarget, subscribers, ratePerSecond, seconds, drainTimeoutMs });
      const label = `${subscribers.toLocaleString('en-US')} subs`;
      const detail = { measured: strip(measured), baseline: strip(bare), frameBytes: frameBytes() };
      rows.push(
        { scenario: '4 fan-out', metric: `${label} deliveries/s`, value: measured.deliveriesPerSecond, baseline: bare.deliveriesPerSecond, target: { kind: '>=', value: 20_000 }, detail },
        { scenario: '4 fan-out', metric: `${label} latency p50 ms`, value: measured.p50Ms, baseline: bare.p50Ms, target: null },
        { scenario: '4 fan-out', metric: `${label} latency p99 ms`, value: measured.p99Ms, baseline: bare.p99Ms, target: subscribers === 1000 ? { kind: '<=', value: 100 } : null },
        { scenario: '4 fan-out', metric: `${label} server KB/subscriber`, value: measured.rssBytesPerSubscriber / 1024, baseline: bare.rssBytesPerSubscriber / 1024, target: { kind: '<=', value: 60 } },
      );
      rows.push({ scenario: '4 fan-out', metric: `${label} event POST ack p99 ms`, value: measured.webhookAckP99Ms, baseline: bare.webhookAckP99Ms, target: null });
      if (measured.refusedEvents > 0 || bare.refusedEvents > 0) {
        rows.push({ scenario: '4 fan-out', metric: `${label} events refused (of ${measured.events})`, value: measured.refusedEvents, baseline: bare.refusedEvents, target: null });
      }
      if (!measured.drained) rows.push({ scenario: '4 fan-out', metric: `${label} undelivered at drain timeout`, value: measured.expected - measured.delivered, baseline: null, target: null });
    }
  } finally {
    close();
  }
  return rows;
}

function strip(result) {
  const { memoryBefore, memoryAfter, ...rest } = result;
  return { ...rest, rssBefore: memoryBefore.rss, rssAfter: memoryAfter.rss, heapBefore: memoryBefore.heapUsed, heapAfter: memoryAfter.heapUsed };
}
