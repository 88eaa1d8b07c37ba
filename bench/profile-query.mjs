// Development aid: `node bench/profile-query.mjs [group|groups] [seconds]` runs one query under load against a
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
import { findRedis } from './lib/redis-target.mjs';
import { GROUP_QUERY, GROUPS_QUERY } from './scenarios/query-throughput.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const [which = 'group', secondsArg = '5'] = process.argv.slice(2);
const redis = await findRedis(process.env);
const dir = mkdtempSync(join(tmpdir(), 'bench-prof-'));
const gateway = await startChild({
  module: join(here, 'lib', 'start-gateway.mjs'),
  label: 'gateway',
  env: { NODE_ENV: 'production', LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: '0', GRAPH_API_URL: '', WHATSAPP_ACCESS_TOKEN: '', REDIS_URL: redis?.url ?? '', REDIS_KEY_PREFIX: `wgg-bench-prof:${process.pid}:` },
  execArgv: [],
});
const [phoneNumberId] = gateway.phoneNumberIds;
await gateway.call('seedGroups', { phoneNumberId, count: 30, participants: 8 });
const list = await queryOk(gateway.graphqlUrl, GROUPS_QUERY);
const query = which === 'group' ? GROUP_QUERY : GROUPS_QUERY;
const variables = which === 'group' ? { id: list.data.groups.edges.at(-1).node.id } : {};
const body = JSON.stringify({ query, variables });
await loadTest({ url: gateway.graphqlUrl, body, headers: { 'content-type': 'application/json' }, warmupSeconds: 0, durationSeconds: 2 });
await gateway.call('startProfile', { dir });
const result = await loadTest({ url: gateway.graphqlUrl, body, headers: { 'content-type': 'application/json' }, warmupSeconds: 0, durationSeconds: Number(secondsArg) });
const file = await gateway.call('stopProfile');
await gateway.stop();
console.log(JSON.stringify(result));
console.log(execFileSync(process.execPath, [join(here, 'lib', 'profile-summary.mjs'), file, '40'], { encoding: 'utf8' }));

