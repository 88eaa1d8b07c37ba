import { URLSearchParams } from 'node:url';
import { percentile, round } from '../lib/stats.mjs';
import { FANOUT_SUBSCRIPTION, fanOutTargets, measureFanOut } from './fan-out.mjs';

/** Latency is judged at loads both servers sustain: 10,000 deliveries/s either way. */
const SUSTAINABLE = [
  { subscribers: 1000, ratePerSecond: 10 },
  { subscribers: 5000, ratePerSecond: 2 },
];
/**
 * Event rates tried in turn at 1,000 subscribers until p99 reaches the capacity bound: 2 and 5 events/s for a
 * loaded machine, then steps of 10 events/s (10,000 deliveries/s) up to 80, coarser beyond: the ratio of two
 * capacities is only as fine as the steps.
 */
const CAPACITY_RATES = [2, 5, 10, 20, 30, 40, 50, 60, 70, 80, 100, 120, 140, 170, 200];
/** Tries at a rate before it counts as not holding: one stall of a shared machine must not end the search. */
const CAPACITY_TRIES = 2;
const CAPACITY_SUBSCRIBERS = 1000;
const CAPACITY_P99_MS = 250;

/**
 * Scenario 7: delivery latency (webhook POST sent → frame received) at a sustainable rate, gateway and raw `ws`
 * at the same rate, p50/p99/p999; unlike scenario 4, no figure here is queueing under overload.
 */
export async function fanOutLatency({ gateway, baseline, phoneNumberId, groupId, runId, secondsFor, drainTimeoutMs, profileDir = null }) {
  const targets = fanOutTargets({ gateway, baseline, phoneNumberId, groupId });
  const rows = [];
  try {
    for (const { subscribers, ratePerSecond } of SUSTAINABLE) {
      targets.useWebhooks(`${runId}-latency-${subscribers}`);
      const seconds = secondsFor(subscribers);
      const measured = await measureFanOut({ target: targets.gatewayTarget, subscribers, ratePerSecond, seconds, drainTimeoutMs, profileDir });
      const bare = await measureFanOut({ target: targets.baselineTarget, subscribers, ratePerSecond, seconds, drainTimeoutMs, profileDir });
      for (const { profile } of [measured, bare]) if (profile !== undefined) console.error(`bench: 7 ${subscribers} subscribers: CPU profile of the timed window ${profile}`);
      const label = `${subscribers.toLocaleString('en-US')} subs × ${ratePerSecond} ev/s`;
      const detail = { measured: summary(measured), baseline: summary(bare), frameBytes: targets.frameBytes() };
      const scenario = '7 fan-out latency';
      rows.push(
        { scenario, metric: `${label} p50 ms`, value: measured.p50Ms, baseline: bare.p50Ms, target: null, detail, lines: windowLines(`7 ${label}`, measured, bare) },
        { scenario, metric: `${label} p99 ms`, value: measured.p99Ms, baseline: bare.p99Ms, target: { kind: '<=', value: 100 } },
        { scenario, metric: `${label} p999 ms`, value: measured.p999Ms, baseline: bare.p999Ms, target: null },
        { scenario, metric: `${label} server CPU µs/delivery`, value: measured.serverCpuMicrosPerDelivery, baseline: bare.serverCpuMicrosPerDelivery, target: null },
        { scenario, metric: `${label} server loop lag p99 ms`, value: measured.server.loopLagP99Ms, baseline: bare.server.loopLagP99Ms, target: null },
        { scenario, metric: `${label} server GC pause max ms`, value: measured.server.gcMaxMs, baseline: bare.server.gcMaxMs, target: null },
      );
      if (!measured.drained) rows.push({ scenario, metric: `${label} undelivered at drain timeout`, value: measured.expected - measured.delivered, baseline: null, target: null });
    }
  } finally {
    targets.close();
  }
  return rows;
}

/** What a reader needs to trust (or discount) a latency figure: load, both processes' loops, GC, the clocks. */
function windowLines(title, measured, bare) {
  const side = (name, r) =>
    `  ${name.padEnd(8)} ${r.delivered.toLocaleString('en-US')} frames timed (${r.events} events after ${r.warmupEvents} warm-up), ` +
    `load ${r.loadAverage.before} → ${r.loadAverage.after}; server: CPU ${r.server.cpuShare} core (${r.server.cpuSystemMs} of ${r.server.cpuMs} ms in the kernel), loop lag p99 ${r.server.loopLagP99Ms} / max ${r.server.loopLagMaxMs} ms, ` +
    `GC ${r.server.gcCount}× ${r.server.gcTotalMs} ms (max ${r.server.gcMaxMs}, major ${r.server.gcMajorCount}× ${r.server.gcMajorMs} ms); ` +
    `subscribers (${r.subscriberProcesses.length} processes): CPU ${r.subscriberProcesses.map((p) => p.cpuShare).join(' + ')} core, loop lag p99 ${r.subscriberProcesses.map((p) => p.loopLagP99Ms).join(' / ')} ms; clock offset ${r.clock.offsetMs} ms (±${round(r.clock.roundTripMs / 2, 3)}); ` +
    `webhook ack p99 ${round(r.webhookAckP99Ms)} ms`;
  return [`${title}:`, side('gateway', measured), side('raw ws', bare)];
}

/**
 * Scenario 8: capacity, the highest event rate to 1,000 subscribers at which p99 stays under 250 ms with every
 * event delivered and none refused, found by stepping the rate up (each target on its own; the baseline needs the
 * gateway's frame, so the gateway goes first at each rate).
 */
export async function fanOutCapacity({ gateway, baseline, phoneNumberId, groupId, runId, seconds, drainTimeoutMs }) {
  const targets = fanOutTargets({ gateway, baseline, phoneNumberId, groupId });
  const capacity = { gateway: 0, baseline: 0 };
  const stopped = { gateway: false, baseline: false };
  const steps = [];
  try {
    for (const ratePerSecond of CAPACITY_RATES) {
      const step = { ratePerSecond };
      for (const [name, target] of [
        ['gateway', targets.gatewayTarget],
        ['baseline', targets.baselineTarget],
      ]) {
        // Each target stops at its first rate that does not hold in CAPACITY_TRIES tries; the baseline keeps the gateway's first frame.
        if (stopped[name]) continue;
        const tries = [];
        let holds = false;
        for (let attempt = 1; attempt <= CAPACITY_TRIES && !holds; attempt++) {
          targets.useWebhooks(`${runId}-capacity-${name}-${ratePerSecond}-${attempt}`);
          const measured = await measureFanOut({ target, subscribers: CAPACITY_SUBSCRIBERS, ratePerSecond, seconds, drainTimeoutMs });
          holds = measured.drained && measured.refusedEvents === 0 && measured.p99Ms !== null && measured.p99Ms < CAPACITY_P99_MS;
          tries.push({
            p99Ms: measured.p99Ms,
            deliveriesPerSecond: measured.deliveriesPerSecond,
            drained: measured.drained,
            refused: measured.refusedEvents,
            holds,
            load: measured.loadAverage.before,
            serverLoopLagP99Ms: measured.server.loopLagP99Ms,
            serverGcMaxMs: measured.server.gcMaxMs,
            serverCpuMicrosPerDelivery: measured.serverCpuMicrosPerDelivery,
            subscriberCpuShare: measured.subscriberProcesses.map((p) => p.cpuShare),
          });
        }
        step[name] = tries;
        if (holds) capacity[name] = ratePerSecond;
        else stopped[name] = true;
      }
      steps.push(step);
      if (stopped.gateway && stopped.baseline) break;
    }
  } finally {
    targets.close();
  }
  return [
    {
      scenario: '8 fan-out capacity',
      metric: `events/s at p99 < ${CAPACITY_P99_MS} ms, ${CAPACITY_SUBSCRIBERS.toLocaleString('en-US')} subs`,
      value: capacity.gateway,
      baseline: capacity.baseline,
      target: { kind: 'ratio>=', value: 0.7 },
      detail: { steps, rates: CAPACITY_RATES },
      lines: stepLines(steps),
    },
    {
      // Less at the mercy of other processes than the p99 search: CPU time is counted only while the server runs.
      scenario: '8 fan-out capacity',
      metric: `events/s one server core sustains (from CPU µs/delivery, median of all tries), ${CAPACITY_SUBSCRIBERS.toLocaleString('en-US')} subs`,
      value: cpuBoundRate(steps, 'gateway'),
      baseline: cpuBoundRate(steps, 'baseline'),
      target: null,
    },
  ];
}

/** 1 s of one core over the CPU a delivery took (median over every try of the search), per subscriber: events/s. */
function cpuBoundRate(steps, name) {
  const micros = steps.flatMap((step) => step[name] ?? []).map((t) => t.serverCpuMicrosPerDelivery).filter((value) => value !== null && value > 0);
  const median = percentile(micros, 50);
  return median === null ? null : 1e6 / median / CAPACITY_SUBSCRIBERS;
}

/** The capacity search as a table: p99 of each try at each rate, and why a try did not hold. */
function stepLines(steps) {
  const cell = (tries) =>
    tries === undefined
      ? '(stopped)'
      : tries.map((t) => `${t.p99Ms === null ? '—' : Math.round(t.p99Ms)}${t.holds ? ' ok' : t.drained ? (t.refused > 0 ? ` refused ${t.refused}` : ' slow') : ' undrained'} (load ${t.load})`).join(', ');
  return [
    `8 capacity steps (${CAPACITY_SUBSCRIBERS.toLocaleString('en-US')} subs; p99 ms of each try; ok = p99 < ${CAPACITY_P99_MS} ms, every event delivered, none refused; ${CAPACITY_TRIES} tries before a rate fails):`,
    '  | ev/s | deliveries/s | gateway | raw ws |',
    ...steps.map((step) => `  | ${step.ratePerSecond} | ${(step.ratePerSecond * CAPACITY_SUBSCRIBERS).toLocaleString('en-US')} | ${cell(step.gateway)} | ${cell(step.baseline)} |`),
  ];
}

function summary(result) {
  const { memoryBefore: _before, memoryAfter: _after, ...rest } = result;
  return rest;
}

const SSE_SUBSCRIBERS = 1000;
const SSE_RATE_PER_SECOND = 10;
/** Demands 100,000 deliveries/s, more than either transport manages: deliveries/s is then what each can do. */
const SSE_OVERLOAD_RATE_PER_SECOND = 100;
const SSE_OVERLOAD_SECONDS = 2;

/**
 * Scenario 9: the same events to 1,000 GraphQL-over-SSE subscribers (distinct connections, one GET each), deliveries
 * per second and latency, against 1,000 WebSocket subscribers at the same rate (no target: recorded side by side).
 */
export async function sseFanOut({ gateway, baseline, phoneNumberId, groupId, runId, seconds, drainTimeoutMs }) {
  const targets = fanOutTargets({ gateway, baseline, phoneNumberId, groupId });
  const search = new URLSearchParams({ query: FANOUT_SUBSCRIPTION, variables: JSON.stringify({ groupId }) });
  const sseTarget = {
    ...targets.gatewayTarget,
    kind: 'sse',
    url: `${gateway.url}/graphql/stream?${search.toString()}`,
    async subscribeAll(_clients, n) {
      await waitUntil(`${n} SSE streams`, async () => (await gateway.call('sseStats')).streams === n, 60_000);
    },
    afterClose: () => waitUntil('the gateway to end every SSE stream', async () => (await gateway.call('sseStats')).streams === 0, 30_000),
  };
  try {
    targets.useWebhooks(`${runId}-sse-ws`);
    const ws = await measureFanOut({ target: targets.gatewayTarget, subscribers: SSE_SUBSCRIBERS, ratePerSecond: SSE_RATE_PER_SECOND, seconds, drainTimeoutMs });
    targets.useWebhooks(`${runId}-sse`);
    const sse = await measureFanOut({ target: sseTarget, subscribers: SSE_SUBSCRIBERS, ratePerSecond: SSE_RATE_PER_SECOND, seconds, drainTimeoutMs });
    // At 10 events/s both deliver what is demanded; throughput shows only under overload, as in scenario 4.
    const overload = { subscribers: SSE_SUBSCRIBERS, ratePerSecond: SSE_OVERLOAD_RATE_PER_SECOND, seconds: SSE_OVERLOAD_SECONDS, drainTimeoutMs };
    targets.useWebhooks(`${runId}-sse-ws-overload`);
    const wsOverload = await measureFanOut({ target: targets.gatewayTarget, ...overload });
    targets.useWebhooks(`${runId}-sse-overload`);
    const sseOverload = await measureFanOut({ target: sseTarget, ...overload });
    const label = `${SSE_SUBSCRIBERS.toLocaleString('en-US')} subs × ${SSE_RATE_PER_SECOND} ev/s`;
    const overloadLabel = `${SSE_SUBSCRIBERS.toLocaleString('en-US')} subs × ${SSE_OVERLOAD_RATE_PER_SECOND} ev/s (overload)`;
    // "baseline" here is the gateway's own WebSocket transport.
    return [
      { scenario: '9 SSE fan-out (vs WS)', metric: `${label} deliveries/s`, value: sse.deliveriesPerSecond, baseline: ws.deliveriesPerSecond, target: null, detail: { sse: summary(sse), ws: summary(ws) } },
      { scenario: '9 SSE fan-out (vs WS)', metric: `${label} p99 ms`, value: sse.p99Ms, baseline: ws.p99Ms, target: null },
      {
        scenario: '9 SSE fan-out (vs WS)',
        metric: `${overloadLabel} deliveries/s`,
        value: sseOverload.deliveriesPerSecond,
        baseline: wsOverload.deliveriesPerSecond,
        target: null,
        detail: { sse: summary(sseOverload), ws: summary(wsOverload) },
      },
    ];
  } finally {
    targets.close();
  }
}

async function waitUntil(what, check, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
