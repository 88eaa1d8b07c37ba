// Development aid: `node bench/profile-query.mjs [group|groups|webhook] [seconds] [--profile] [--cold] [--dist=<build dir>]`
// runs one request under load against a gateway (after a warm-up), prints its CPU per request and, with --profile,
// where its time went. Queries go to a gateway in upstream mode over a sandbox process of its own, so the CPU is the
// gateway's alone (as in scenario 1); --cold turns every read cache off (GROUP_CACHE_TTL_SECONDS=0). Not part of
// `npm run bench`.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startChild } from './lib/child-process.mjs';
import { queryOk } from './lib/graphql.mjs';
import { loadTest } from './lib/load.mjs';
import { createMetaWebhooks } from './lib/meta-webhook.mjs';
import { deleteKeys, findRedis } from './lib/redis-target.mjs';
import { GROUP_QUERY, GROUPS_QUERY } from './scenarios/query-throughput.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const [which = 'group', secondsArg = '5'] = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const distArg = process.argv.find((arg) => arg.startsWith('--dist='))?.slice('--dist='.length);
const redis = await findRedis(process.env);
const dir = mkdtempSync(join(tmpdir(), 'bench-prof-'));
const dist = distArg === undefined ? {} : { BENCH_DIST: distArg };
const common = { NODE_ENV: 'production', LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: '0', GATEWAY_AUTH: 'off', METRICS_PORT: process.env.METRICS_PORT ?? '0', REDIS_URL: redis?.url ?? '', REDIS_KEY_PREFIX: `wgg-bench-prof:${process.pid}:`, ...dist };
// The webhook profile keeps the embedded sandbox (its deliveries are signed with the sandbox's secret).
const sandbox = which === 'webhook' ? null : await startChild({ module: join(here, 'lib', 'start-sandbox.mjs'), label: 'sandbox', env: { LOG_LEVEL: 'warn', ...dist } });
const upstreamEnv = sandbox === null
  ? { SANDBOX: 'on', GRAPH_API_URL: '', WHATSAPP_ACCESS_TOKEN: '' }
  : { SANDBOX: 'off', BENCH_EXPECT_UPSTREAM: 'on', GRAPH_API_URL: sandbox.sandboxUrl, WHATSAPP_ACCESS_TOKEN: sandbox.accessToken, WHATSAPP_PHONE_NUMBER_ID: sandbox.phoneNumberIds[0], META_APP_SECRET: sandbox.appSecret };
const gateway = await startChild({
  module: join(here, 'lib', 'start-gateway.mjs'),
  label: 'gateway',
  env: { ...common, ...upstreamEnv, ...(process.argv.includes('--cold') ? { GROUP_CACHE_TTL_SECONDS: '0' } : {}) },
  execArgv: [],
});
const upstream = sandbox ?? gateway;
const [phoneNumberId] = upstream.phoneNumberIds;
await upstream.call('seedGroups', { phoneNumberId, count: 30, participants: 8 });
const list = await queryOk(gateway.graphqlUrl, GROUPS_QUERY);
let target;
if (which === 'webhook') {
  const webhooks = createMetaWebhooks({ phoneNumberId, groupId: list.data.groups.edges[0].node.id, runId: `prof${process.pid}` });
  let sequence = 0;
  const setupRequest = (request) => {
    const { body, headers } = webhooks.delivery(++sequence);
    return { ...request, body, headers: { ...request.headers, ...headers } };
  };
  target = { url: `${gateway.url}/webhooks/meta`, setupRequest };
} else {
  const query = which === 'group' ? GROUP_QUERY : GROUPS_QUERY;
  const variables = which === 'group' ? { id: list.data.groups.edges.at(-1).node.id } : {};
  target = { url: gateway.graphqlUrl, body: JSON.stringify({ query, variables }), headers: { 'content-type': 'application/json' } };
}
await loadTest({ ...target, warmupSeconds: 0, durationSeconds: 2 });
const profile = process.argv.includes('--profile');
if (profile) await gateway.call('startProfile', { dir });
if (sandbox !== null) await sandbox.call('resetUpstreamStats');
const cpuBefore = await gateway.call('cpuUsage');
const result = await loadTest({ ...target, warmupSeconds: 0, durationSeconds: Number(secondsArg) });
const cpuAfter = await gateway.call('cpuUsage');
const upstreamCalls = sandbox === null ? null : await sandbox.call('upstreamRequests');
const cpuMicros = cpuAfter.user + cpuAfter.system - cpuBefore.user - cpuBefore.system;
const file = profile ? await gateway.call('stopProfile') : null;
await gateway.stop();
await sandbox?.stop();
if (redis !== null) await deleteKeys(redis.url, `wgg-bench-prof:${process.pid}:`);
console.log(JSON.stringify({ ...result, serverCpuMicrosPerRequest: Math.round(cpuMicros / result.total), upstreamCallsPerRequest: upstreamCalls === null ? null : Math.round((upstreamCalls / result.total) * 1000) / 1000 }));
if (file !== null) console.log(execFileSync(process.execPath, [join(here, 'lib', 'profile-summary.mjs'), file, '40'], { encoding: 'utf8' }));

