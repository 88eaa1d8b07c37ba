import { Agent, request } from 'node:http';
import os from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { sharedNow } from '../lib/fan-out-receiver.mjs';
import { createMetaWebhooks, SEQUENCE_MARK } from '../lib/meta-webhook.mjs';
import { percentile, round } from '../lib/stats.mjs';
import { startSubscriberProcesses } from '../lib/subscriber-processes.mjs';

export const FANOUT_SUBSCRIPTION = `subscription BenchFanOut($groupId: ID!) {
  groupEvents(groupId: $groupId) { id type cursor occurredAt receivedAt ... on MessageReceivedEvent { messageId text from { waId name } } }
}`;
/** Processes the subscribers are spread over (BENCH_SUBSCRIBER_PROCESSES; see subscriber-processes.mjs). */
const SUBSCRIBER_PROCESSES = Number(process.env.BENCH_SUBSCRIBER_PROCESSES ?? 2);

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

/** At least 5 events and about a second of the rate before anything is timed: connections, JIT and caches warm. */
const warmupEventsAt = (ratePerSecond) => Math.max(5, Math.ceil(ratePerSecond));

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
 * One fan-out measurement: N subscribers in child processes of their own (subscriber-processes.mjs), each with one
 * subscription (or, for the baseline, just open), events sent from this process at `ratePerSecond` for `seconds`
 * after a warm-up, every delivery timed from its send on the clock both processes share. Server memory per
 * subscriber is the GC'd heap+external and RSS growth of the server from before the sockets opened to when all were
 * subscribed and had one event; the server's and the subscribers' event-loop lag, GC pauses and CPU cover the timed window only.
 */
export async function measureFanOut({ target, subscribers, ratePerSecond, seconds, drainTimeoutMs, profileDir = null }) {
  const events = Math.round(ratePerSecond * seconds);
  const loadBefore = os.loadavg()[0];
  const memoryBefore = await target.server.call('measure');
  const clients = await startSubscriberProcesses({ processes: SUBSCRIBER_PROCESSES });
  const sentAt = [];
  const send = (sequence) => {
    sentAt[sequence] = sharedNow();
    return target.send(sequence);
  };
  let sequence = 0;
  try {
    const clock = await clients.clockOffset();
    await clients.open({ kind: target.kind, url: target.url, count: subscribers, graphql: target.graphql, capacity: subscribers * events });
    await target.subscribeAll(clients, subscribers);
    // One probe reaching every socket proves every subscription live; a warm-up follows, untimed.
    const probe = ++sequence;
    const probeStatus = await send(probe);
    if (probeStatus !== 200) throw new Error(`the probe event was answered ${probeStatus}`);
    await waitFor('the probe to reach every subscriber', async () => {
      const received = await clients.countOf(probe);
      return received === subscribers || { received, ...(await target.diagnose()) };
    }, 30_000);
    await target.afterProbe?.(clients);
    // Memory per subscriber: every subscription live and one event delivered, before the warm-up's traffic (up to
    // 100 events at scenario 4's rate) grows the heap and buffer pools, which RSS never gives back.
    const memoryAfter = await target.server.call('measure');
    const warmup = warmupEventsAt(ratePerSecond);
    const warm = await pace({ count: warmup, ratePerSecond, firstSequence: sequence + 1, send });
    sequence += warmup;
    if (warm.lastAccepted === null) throw new Error(`all ${warmup} warm-up events were refused`);
    await waitFor('the warm-up to drain', async () => {
      const received = await clients.countOf(warm.lastAccepted);
      return received === subscribers || received;
    }, drainTimeoutMs);

    const first = sequence + 1;
    await clients.startMeasuring(first);
    await target.server.call('loopStart');
    // --profile: a CPU profile of the server's timed window alone (no start-up, no subscribing, no warm-up).
    const profiling = profileDir !== null;
    if (profiling) await target.server.call('startProfile', { dir: profileDir });
    const sending = await pace({ count: events, ratePerSecond, firstSequence: first, send });
    // A refused event (503) may still have been stored, and then it is delivered: wait for every event, or for the
    // accepted ones and a quiet second.
    const expected = subscribers * events;
    const accepted = subscribers * (events - sending.refused);
    let drained = true;
    try {
      await waitFor(
        'every delivery',
        async () => {
          const { timed, lastAt } = await clients.progress();
          return timed >= expected || (timed >= accepted && sharedNow() - lastAt > 1000) || timed;
        },
        drainTimeoutMs,
      );
    } catch {
      drained = false;
    }
    const profile = profiling ? await target.server.call('stopProfile') : null;
    const server = await target.server.call('loopStop');
    const received = await clients.finish(sentAt);
    const sendStart = sentAt[first];
    const deliverySeconds = (received.lastAt - sendStart) / 1000;
    return {
      subscribers,
      events,
      warmupEvents: warmup,
      sendSeconds: sending.seconds,
      webhookAckP50Ms: sending.ackP50Ms,
      webhookAckP99Ms: sending.ackP99Ms,
      refusedEvents: sending.refused,
      refusedWarmupEvents: warm.refused,
      delivered: received.timed,
      expected,
      drained,
      deliveriesPerSecond: received.timed / deliverySeconds,
      p50Ms: received.p50Ms,
      p99Ms: received.p99Ms,
      p999Ms: received.p999Ms,
      maxMs: received.maxMs,
      missingSendTimes: received.missingSendTimes,
      ...(profile === null ? {} : { profile }),
      serverCpuMicrosPerDelivery: received.timed === 0 ? null : (server.cpuMs * 1000) / received.timed,
      server,
      subscriberProcesses: received.processes,
      clock,
      loadAverage: { before: round(loadBefore), after: round(os.loadavg()[0]) },
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
    kind: 'ws',
    graphql: true,
    url: gateway.graphqlUrl.replace(/^http/, 'ws'),
    async subscribeAll(clients, n) {
      await clients.subscribe({ id: '1', query: FANOUT_SUBSCRIPTION, variables: { groupId } });
      await waitFor(`${n} live subscriptions`, async () => {
        const stats = await gateway.call('wsStats');
        return (stats.subscriptions === n && stats.starting === 0) || stats;
      }, 60_000);
    },
    // Keep one real frame: the baseline broadcasts the same bytes.
    async afterProbe(clients) {
      sampleFrame ??= await clients.sample();
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
    kind: 'ws',
    graphql: false,
    url: baseline.url.replace(/^http/, 'ws'),
    async subscribeAll(_clients, n) {
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
