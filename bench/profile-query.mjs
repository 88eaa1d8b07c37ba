// Development aid: `node bench/profile-query.mjs [group|groups|webhook] [seconds] [--profile] [--dist=<build dir>]` runs one request under load against a
// --cpu-prof'd gateway (after a warm-up) and prints where its time went. Not part of `npm run bench`.
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
const gateway = await startChild({
  module: join(here, 'lib', 'start-gateway.mjs'),
  label: 'gateway',
  env: { NODE_ENV: 'production', SANDBOX: 'on', LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: '0', GRAPH_API_URL: '', WHATSAPP_ACCESS_TOKEN: '', GATEWAY_AUTH: 'off', METRICS_PORT: process.env.METRICS_PORT ?? '0', REDIS_URL: redis?.url ?? '', REDIS_KEY_PREFIX: `wgg-bench-prof:${process.pid}:`, ...(distArg === undefined ? {} : { BENCH_DIST: distArg }) },
  execArgv: [],
});
const [phoneNumberId] = gateway.phoneNumberIds;
await gateway.call('seedGroups', { phoneNumberId, count: 30, participants: 8 });
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
const cpuBefore = await gateway.call('cpuUsage');
const result = await loadTest({ ...target, warmupSeconds: 0, durationSeconds: Number(secondsArg) });
const cpuAfter = await gateway.call('cpuUsage');
const cpuMicros = cpuAfter.user + cpuAfter.system - cpuBefore.user - cpuBefore.system;
const file = profile ? await gateway.call('stopProfile') : null;
await gateway.stop();
if (redis !== null) await deleteKeys(redis.url, `wgg-bench-prof:${process.pid}:`);
console.log(JSON.stringify({ ...result, serverCpuMicrosPerRequest: Math.round(cpuMicros / result.total) }));
if (file !== null) console.log(execFileSync(process.execPath, [join(here, 'lib', 'profile-summary.mjs'), file, '40'], { encoding: 'utf8' }));

