// `npm run bench`: builds (npm script), then runs every scenario against the production build and prints one table.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startChild } from './lib/child-process.mjs';
import { describeEnvironment } from './lib/environment.mjs';
import { deleteClusterKeys, deleteKeys, findRedis, redisVersion } from './lib/redis-target.mjs';
import { judge, tableLines } from './lib/table.mjs';
import { queryThroughput } from './scenarios/query-throughput.mjs';
import { upstreamEfficiency } from './scenarios/upstream-efficiency.mjs';
import { webhookIngest } from './scenarios/webhook-ingest.mjs';
import { fanOut } from './scenarios/fan-out.mjs';
import { fanOutCapacity, fanOutLatency, sseFanOut } from './scenarios/fan-out-latency.mjs';
import { leakCheck } from './scenarios/leak-check.mjs';
import { compression } from './scenarios/compression.mjs';
import { deadUpstream } from './scenarios/dead-upstream.mjs';
import { observabilityCost } from './scenarios/observability-cost.mjs';
import { freshness } from './scenarios/freshness.mjs';
import { eventMemory } from './scenarios/event-memory.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const { values: args } = parseArgs({
  options: {
    only: { type: 'string' }, // e.g. "1,3" or "fan-out-latency": run these scenarios only (or BENCH_ONLY=...)
    quick: { type: 'boolean', default: false }, // shorter runs, for development; not for BENCHMARKS.md
    profile: { type: 'boolean', default: false }, // --cpu-prof the gateway processes into bench/results/profiles
    subscribers: { type: 'string', default: '1000,5000' }, // fan-out sizes
  },
});
/** Scenarios by number and by name, so `--only 7,8` and `BENCH_ONLY=fan-out-latency,fan-out-capacity` agree. */
const SCENARIO_NAMES = { 1: 'query-throughput', 2: 'upstream-efficiency', 3: 'webhook-ingest', 4: 'fan-out', 5: 'leak-check', 6: 'compression', 7: 'fan-out-latency', 8: 'fan-out-capacity', 9: 'sse-fan-out', 10: 'dead-upstream', 11: 'observability-cost', 12: 'freshness', 13: 'event-memory' };
const selection = args.only ?? process.env.BENCH_ONLY;
const only = selection === undefined || selection.trim() === '' ? null : new Set(selection.split(',').map((s) => s.trim()));
const wanted = (scenario) => only === null || only.has(String(scenario)) || only.has(SCENARIO_NAMES[scenario]);
const timing = args.quick ? { warmupSeconds: 1, durationSeconds: 2 } : { warmupSeconds: 1, durationSeconds: 5 };

const startedAt = new Date();
const runId = `${process.pid}-${startedAt.getTime().toString(36)}`;
const redis = await findRedis(process.env);
const keyPrefix = `wgg-bench:${runId}:`;
const profileDir = join(here, 'results', 'profiles');
if (args.profile) mkdirSync(profileDir, { recursive: true });

const children = [];
const gatewayModule = join(here, 'lib', 'start-gateway.mjs');
/** BENCH_REDIS_CLUSTER_NODES (e.g. from `npm run redis:cluster`): scenarios 3 and 4 run once more on that cluster. */
const clusterSeeds = process.env.BENCH_REDIS_CLUSTER_NODES?.trim() || null;
async function startGateway({ batch = true, label, env = {}, expectUpstream = false, cluster = false }) {
  const gateway = await startChild({
    module: gatewayModule,
    label,
    env: {
      NODE_ENV: 'production',
      SANDBOX: 'on', // production builds run the embedded sandbox only when asked to
      SANDBOX_PORT: '0',
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
      HOST: '127.0.0.1',
      PORT: '0',
      GRAPH_API_URL: '',
      WHATSAPP_ACCESS_TOKEN: '',
      GATEWAY_AUTH: 'off', // sandbox mode's default; explicit so the bench measures the same path if that changes
      GRAPH_API_BATCH: batch ? 'on' : 'off',
      REDIS_URL: cluster ? '' : (redis?.url ?? ''),
      REDIS_CLUSTER_NODES: cluster ? clusterSeeds : '',
      REDIS_KEY_PREFIX: keyPrefix,
      BENCH_EXPECT_UPSTREAM: expectUpstream ? 'on' : 'off',
      // Metrics on, as in production, on a free port: several gateways of one run must not collide on 9464.
      METRICS_PORT: '0',
      ...env,
    },
    execArgv: args.profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
  });
  children.push(gateway);
  return gateway;
}
/** Methods of a gateway child that its upstream answers when the upstream is a sandbox process of its own. */
const SANDBOX_METHODS = new Set(['upstreamRequests', 'upstreamPaths', 'resetUpstreamStats', 'seedGroups', 'setWebhookUrl']);
/**
 * A sandbox in its own process and a gateway in upstream mode over it (its webhooks go to the gateway): the
 * gateway's CPU time is its own. Answers the gateway child, whose `call` sends the sandbox's methods to the sandbox.
 */
async function startGatewayOverSandbox({ label, env = {}, sandbox = null }) {
  let upstream = sandbox;
  if (upstream === null) {
    upstream = await startChild({ module: join(here, 'lib', 'start-sandbox.mjs'), label: `${label}-sandbox`, env: { LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn' } });
    children.push(upstream);
  }
  const gateway = await startGateway({
    label,
    expectUpstream: true,
    env: { SANDBOX: 'off', GRAPH_API_URL: upstream.sandboxUrl, WHATSAPP_ACCESS_TOKEN: upstream.accessToken, WHATSAPP_PHONE_NUMBER_ID: upstream.phoneNumberIds[0], META_APP_SECRET: upstream.appSecret, ...env },
  });
  if (sandbox === null) await upstream.call('setWebhookUrl', { url: `${gateway.url}/webhooks/meta` });
  return {
    ...gateway,
    phoneNumberIds: upstream.phoneNumberIds,
    sandbox: upstream,
    call: (method, params) => (SANDBOX_METHODS.has(method) ? upstream.call(method, params) : gateway.call(method, params)),
    stop: async () => {
      await stopChild(gateway);
      if (sandbox === null) await stopChild(upstream);
    },
  };
}
async function stopChild(child) {
  children.splice(children.indexOf(child), 1);
  await child.stop();
}

const rows = [];
const notes = [];
try {
  const baseline = await startChild({ module: join(here, 'lib', 'start-baseline.mjs'), label: 'baseline' });
  children.push(baseline);
  const gateway = await startGateway({ label: 'gateway' });
  const [phoneNumberId, secondPhoneNumberId] = gateway.phoneNumberIds;
  console.error(`bench: gateway ${gateway.url} (events: ${gateway.events}), baseline ${baseline.url}, redis ${redis === null ? 'none' : `${redis.url} (${redis.source})`}`);

  if (wanted(1)) {
    console.error('bench: 1 query throughput (gateway in upstream mode over a sandbox process of its own)');
    const measured = await startGatewayOverSandbox({ label: 'gateway-query' });
    // The same cache answering from an Apollo plugin (responseForOperation), over the same sandbox: the comparison
    // the issue asked for.
    const inApollo = await startGatewayOverSandbox({ label: 'gateway-query-in-apollo', sandbox: measured.sandbox, env: { BENCH_RESPONSE_CACHE_AT: 'in-apollo' } });
    // Every read cache off (response, list, group caches): the cold paths, recorded beside the warm ones.
    const cold = await startGatewayOverSandbox({ label: 'gateway-query-cold', sandbox: measured.sandbox, env: { GROUP_CACHE_TTL_SECONDS: '0' } });
    rows.push(...(await queryThroughput({ gateway: measured, inApollo, cold, baseline, timing, phoneNumberId: measured.phoneNumberIds[0] })));
    await cold.stop();
    await inApollo.stop();
    await measured.stop();
  }
  if (wanted(2)) {
    console.error('bench: 2 upstream efficiency');
    const unbatched = await startGateway({ batch: false, label: 'gateway-unbatched' });
    rows.push(...(await upstreamEfficiency({ gateways: [gateway, unbatched], phoneNumberId: secondPhoneNumberId, pagePhoneNumberId: phoneNumberId })));
    await stopChild(unbatched);
  }
  if (wanted(3)) {
    console.error('bench: 3 webhook ingest');
    const [groupId] = await gateway.call('seedGroups', { phoneNumberId, count: 1, participants: 8 });
    const single = await webhookIngest({ gateway, baseline, timing, phoneNumberId, groupId, runId });
    rows.push(...single);
    if (clusterSeeds !== null) {
      console.error('bench: 3 webhook ingest on the Redis Cluster');
      const onCluster = await startGateway({ label: 'gateway-cluster', cluster: true });
      const [clusterGroupId] = await onCluster.call('seedGroups', { phoneNumberId, count: 1, participants: 8 });
      const clustered = await webhookIngest({ gateway: onCluster, baseline, timing, phoneNumberId, groupId: clusterGroupId, runId: `${runId}-cluster` });
      rows.push(...againstSingleNode(clustered, single));
      await stopChild(onCluster);
    }
  }
  if (wanted(4)) {
    console.error('bench: 4 subscription fan-out');
    const [groupId] = await gateway.call('seedGroups', { phoneNumberId, count: 1, participants: 8 });
    rows.push(
      ...(await fanOut({
        gateway,
        baseline,
        phoneNumberId,
        groupId,
        runId,
        subscriberCounts: args.subscribers.split(',').map(Number),
        ratePerSecond: 100,
        // 100 events/s: 2 s at 1,000 subscribers, 0.5 s at 5,000 (250,000 deliveries), so a server that falls
        // behind still drains within the run's 5-minute budget.
        secondsFor: (subscribers) => (args.quick ? 0.5 : subscribers >= 5000 ? 0.5 : 2),
        drainTimeoutMs: 40_000,
      })),
    );
    if (clusterSeeds !== null) {
      console.error('bench: 4 subscription fan-out on the Redis Cluster');
      const single = rows.filter((row) => row.scenario.startsWith('4 '));
      const onCluster = await startGateway({ label: 'gateway-cluster', cluster: true });
      const [clusterGroupId] = await onCluster.call('seedGroups', { phoneNumberId, count: 1, participants: 8 });
      const clustered = await fanOut({
        gateway: onCluster,
        baseline,
        phoneNumberId,
        groupId: clusterGroupId,
        runId: `${runId}-cluster`,
        subscriberCounts: args.subscribers.split(',').map(Number),
        ratePerSecond: 100,
        secondsFor: (subscribers) => (args.quick ? 0.5 : subscribers >= 5000 ? 0.5 : 2),
        drainTimeoutMs: 40_000,
      });
      rows.push(...againstSingleNode(clustered, single));
      await stopChild(onCluster);
    }
  }
  if (wanted(6)) {
    console.error('bench: 6 response compression');
    rows.push(...(await compression({ gateway, timing, phoneNumberId })));
  }
  if (wanted(7) || wanted(8) || wanted(9)) {
    // A gateway of its own for both: earlier scenarios' backlog and sockets do not weigh on the latency figures.
    const fresh = await startGateway({ label: 'gateway-latency' });
    const [groupId] = await fresh.call('seedGroups', { phoneNumberId, count: 1, participants: 8 });
    const common = { gateway: fresh, baseline, phoneNumberId, groupId, runId, drainTimeoutMs: 40_000 };
    const profileDir7 = args.profile ? profileDir : null;
    if (wanted(7)) {
      console.error('bench: 7 fan-out latency at a sustainable rate');
      // 100,000 timed frames per configuration (200,000 at 5,000 × 2/s: 40 events, so one event's burst is not the p999).
      rows.push(...(await fanOutLatency({ ...common, profileDir: profileDir7, secondsFor: (subscribers) => (args.quick ? 3 : subscribers >= 5000 ? 20 : 10) })));
    }
    if (wanted(8)) {
      console.error('bench: 8 fan-out capacity (p99 < 250 ms)');
      rows.push(...(await fanOutCapacity({ ...common, seconds: args.quick ? 2 : 5 })));
    }
    if (wanted(9)) {
      console.error('bench: 9 SSE fan-out against WebSocket');
      rows.push(...(await sseFanOut({ ...common, seconds: args.quick ? 3 : 10 })));
    }
    await stopChild(fresh);
  }
  if (wanted(10)) {
    console.error('bench: 10 dead upstream (breaker, deadline, single-flight)');
    rows.push(...(await deadUpstream({ startGateway, stopChild, windows: args.quick ? 2 : 3 })));
  }
  if (wanted(11)) {
    console.error('bench: 11 observability cost (metrics off, metrics on, tracing on at 100% sampling; interleaved slices)');
    rows.push(...(await observabilityCost({ startGateway, stopChild, baseline, runId, keyPrefix, cycles: args.quick ? 4 : 10 })));
  }
  if (wanted(12)) {
    if (redis === null) {
      notes.push('scenario 12 skipped: it needs Redis (two instances)');
    } else {
      console.error('bench: 12 freshness across two instances');
      // Two instances of one deployment (same Redis and prefix), both in upstream mode over one sandbox process:
      // its webhooks reach A (through the scenario's relay), and B learns of them from the bus only.
      const a = await startGatewayOverSandbox({ label: 'gateway-fresh-a' });
      const b = await startGatewayOverSandbox({ label: 'gateway-fresh-b', sandbox: a.sandbox });
      rows.push(...(await freshness({ a, b, sandbox: a.sandbox, phoneNumberId: a.phoneNumberIds[0], changes: args.quick ? 10 : 50 })));
      await b.stop();
      await a.stop();
    }
  }
  if (wanted(13)) {
    console.error('bench: 13 Redis memory per event');
    if (redis === null) notes.push('13 event memory skipped: no Redis');
    else rows.push(...(await eventMemory({ gateway, redisUrl: redis.url, keyPrefix, phoneNumberId, runId, events: args.quick ? 1_000 : 10_000 })));
  }
  if (wanted(5)) {
    console.error('bench: 5 leak check');
    // A gateway of its own: nothing earlier scenarios left behind is mistaken for growth, or hides it.
    const fresh = await startGateway({ label: 'gateway-leak' });
    const [groupId] = await fresh.call('seedGroups', { phoneNumberId, count: 1, participants: 8 });
    rows.push(...(await leakCheck({ gateway: fresh, phoneNumberId, groupId, runId, ...(args.quick ? { cycles: 2000, events: 20_000 } : {}) })));
    await stopChild(fresh);
  }
} finally {
  await Promise.all(children.splice(0).map((child) => child.stop()));
  if (redis !== null) notes.push(`deleted ${await deleteKeys(redis.url, keyPrefix)} Redis keys under ${keyPrefix}`);
  if (clusterSeeds !== null) notes.push(`deleted ${await deleteClusterKeys(clusterSeeds, keyPrefix)} Redis Cluster keys under ${keyPrefix}`);
}

/** Cluster rows with the single-node run's value as their baseline: the ratio is cluster / one server. */
function againstSingleNode(clustered, single) {
  return clustered.map((row) => {
    const match = single.find((candidate) => candidate.metric === row.metric && candidate.scenario === row.scenario);
    return { ...row, scenario: `${row.scenario} (cluster)`, baseline: match?.value ?? null, target: null, detail: row.detail };
  });
}

const judged = rows.map(judge);
const lines = tableLines(judged);
console.log(lines.join('\n'));
// Rows may carry the conditions they were measured under (load, GC, loop lag, capacity steps): printed under the table.
const explanations = judged.flatMap((row) => row.lines ?? []);
if (explanations.length > 0) console.log(`\n${explanations.join('\n')}`);
const misses = judged.filter((row) => row.pass === false).length;
const finishedAt = new Date();
const report = {
  startedAt: startedAt.toISOString(),
  durationSeconds: Math.round((finishedAt - startedAt) / 100) / 10,
  command: `node bench/run.mjs${process.argv.slice(2).length > 0 ? ` ${process.argv.slice(2).join(' ')}` : ''}`,
  environment: describeEnvironment(),
  redis: redis === null ? null : { ...redis, version: await redisVersion(redis.url), keyPrefix },
  timing,
  rows: judged,
  misses,
  notes,
};
mkdirSync(join(here, 'results'), { recursive: true });
writeFileSync(join(here, 'results', 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
console.log(`\n${judged.length} rows, ${misses} missed, ${report.durationSeconds} s; ${notes.join('; ')}; bench/results/latest.json written`);
