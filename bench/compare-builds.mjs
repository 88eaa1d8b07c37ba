// Development aid: `node bench/compare-builds.mjs --before=<build dir> [--after=<build dir>[,<build dir>...]] [--cold]
// [--cycles=N] [--seconds=S] [--warmup=S] [--pin] [group|groups ...]` measures the same query against builds of the gateway
// side by side, each in upstream mode over one sandbox process (this checkout's build), in short slices that take
// turns (each cycle in another order), and prints per query and per `after` build the median over cycles of the paired
// ratios after / before (server CPU per request and requests/s), with every slice's CPU per request. `--after`
// defaults to this checkout's dist/. On a shared machine a burst of other load lands on neighbouring slices of every
// build alike, so the paired ratio moves far less than either absolute figure. Builds must be inside the checkout
// (e.g. bench/results/builds/<name>, which git ignores). Not part of `npm run bench`.
import { execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startChild } from './lib/child-process.mjs';
import { queryOk } from './lib/graphql.mjs';
import { loadTest } from './lib/load.mjs';
import { deleteKeys, findRedis } from './lib/redis-target.mjs';
import { GROUP_QUERY, GROUPS_QUERY } from './scenarios/query-throughput.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const option = (name, fallback) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const before = option('before', null);
if (before === null) {
  console.error('usage: node bench/compare-builds.mjs --before=<build dir> [--after=<build dir>] [--cold] [--cycles=N] [--seconds=S] [group|groups ...]');
  process.exit(2);
}
const afters = option('after', join(here, '..', 'dist')).split(',');
const cycles = Number(option('cycles', '8'));
const sliceSeconds = Number(option('seconds', '2'));
const warmupSeconds = Number(option('warmup', '5'));
const queries = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const wanted = queries.length > 0 ? queries : ['group', 'groups'];
const cold = process.argv.includes('--cold') ? { GROUP_CACHE_TTL_SECONDS: '0' } : {};
// --pin (Linux, taskset): every gateway on the last CPU, the sandbox and the load generator on the others, so a
// gateway's CPU time is not stretched by sharing its core with them.
const pin = process.argv.includes('--pin');
const pinTo = (pid, cpus) => execFileSync('taskset', ['-a', '-p', '-c', cpus, String(pid)], { stdio: 'ignore' });

const redis = await findRedis(process.env);
const prefix = `wgg-bench-compare:${process.pid}:`;
const sandbox = await startChild({ module: join(here, 'lib', 'start-sandbox.mjs'), label: 'sandbox', env: { LOG_LEVEL: 'warn' } });
const builds = { before: resolve(before), ...Object.fromEntries(afters.map((dir) => [dir.replace(/\/+$/, '').split('/').at(-1), resolve(dir)])) };
const afterNames = Object.keys(builds).filter((name) => name !== 'before');
const gateways = {};
try {
  for (const [name, dist] of Object.entries(builds)) {
    gateways[name] = await startChild({
      module: join(here, 'lib', 'start-gateway.mjs'),
      label: `gateway-${name}`,
      env: {
        NODE_ENV: 'production', LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: '0', GATEWAY_AUTH: 'off', METRICS_PORT: '0',
        REDIS_URL: redis?.url ?? '', REDIS_KEY_PREFIX: `${prefix}${name}:`, BENCH_DIST: dist,
        SANDBOX: 'off', BENCH_EXPECT_UPSTREAM: 'on', GRAPH_API_URL: sandbox.sandboxUrl, WHATSAPP_ACCESS_TOKEN: sandbox.accessToken,
        WHATSAPP_PHONE_NUMBER_ID: sandbox.phoneNumberIds[0], META_APP_SECRET: sandbox.appSecret, ...cold,
      },
    });
  }
  if (pin) {
    const last = availableParallelism() - 1;
    if (last < 1) throw new Error('--pin needs at least 2 CPUs');
    for (const gateway of Object.values(gateways)) pinTo(gateway.pid, String(last));
    pinTo(sandbox.pid, `0-${last - 1}`);
    pinTo(process.pid, `0-${last - 1}`);
  }
  await sandbox.call('seedGroups', { phoneNumberId: sandbox.phoneNumberIds[0], count: 30, participants: 8 });
  const list = await queryOk(gateways.before.graphqlUrl, GROUPS_QUERY);
  const groupId = list.data.groups.edges.at(-1).node.id;
  const headers = { 'content-type': 'application/json' };
  const bodies = { group: JSON.stringify({ query: GROUP_QUERY, variables: { id: groupId } }), groups: JSON.stringify({ query: GROUPS_QUERY, variables: {} }) };
  const keys = Object.keys(gateways);
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const round = (value, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits;
  console.log(`${Object.entries(builds).map(([name, dir]) => `${name}: ${dir}`).join('\n')}\n${Object.keys(cold).length > 0 ? 'cold (GROUP_CACHE_TTL_SECONDS=0)' : 'caches as configured'}, ${cycles} cycles of ${sliceSeconds} s slices`);
  for (const which of wanted) {
    const body = bodies[which];
    if (body === undefined) throw new Error(`unknown query ${which} (group or groups)`);
    for (const key of keys) await loadTest({ url: gateways[key].graphqlUrl, body, headers, warmupSeconds: 0, durationSeconds: warmupSeconds }); // JIT warm-up
    const slices = Object.fromEntries(keys.map((key) => [key, []]));
    for (let cycle = 0; cycle < cycles; cycle++) {
      for (let turn = 0; turn < keys.length; turn++) {
        const key = keys[(turn + cycle) % keys.length];
        const result = await loadTest({ url: gateways[key].graphqlUrl, body, headers, warmupSeconds: 0, durationSeconds: sliceSeconds, server: gateways[key] });
        if (result.non2xx > 0 || result.errors > 0) throw new Error(`${which} on ${key}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
        slices[key][cycle] = result;
      }
    }
    const cpuOf = (key) => round(median(slices[key].map((slice) => slice.serverCpuMicrosPerRequest)), 1);
    for (const name of afterNames) {
      const cpu = slices[name].map((slice, cycle) => slice.serverCpuMicrosPerRequest / slices.before[cycle].serverCpuMicrosPerRequest);
      const rate = slices[name].map((slice, cycle) => slice.requestsPerSecond / slices.before[cycle].requestsPerSecond);
      console.log(JSON.stringify({
        query: which,
        after: name,
        cpuMicrosPerRequest: { before: cpuOf('before'), after: cpuOf(name) },
        slices: { before: slices.before.map((slice) => round(slice.serverCpuMicrosPerRequest, 0)), after: slices[name].map((slice) => round(slice.serverCpuMicrosPerRequest, 0)) },
        cpuAfterOverBefore: { median: round(median(cpu)), cycles: cpu.map((value) => round(value)) },
        requestsPerSecondAfterOverBefore: { median: round(median(rate)), cycles: rate.map((value) => round(value)) },
      }));
    }
  }
} finally {
  for (const gateway of Object.values(gateways)) await gateway.stop();
  await sandbox.stop();
  if (redis !== null) await deleteKeys(redis.url, prefix);
}
