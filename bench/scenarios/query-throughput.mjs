import { queryOk } from '../lib/graphql.mjs';
import { loadTest } from '../lib/load.mjs';

const PARTICIPANTS = 'participants { waId userId username }';
export const GROUP_QUERY = `query BenchGroup($id: ID!) { group(id: $id) { id subject description createdAt joinApprovalMode suspended totalParticipantCount ${PARTICIPANTS} } }`;
export const GROUPS_QUERY = `query BenchGroups { groups(first: 25) { edges { cursor node { id subject createdAt ${PARTICIPANTS} } } pageInfo { hasNextPage endCursor } } }`;

/**
 * Scenario 1: GraphQL over HTTP at 50 connections against a bare Fastify handler answering the same bytes to the
 * same request, in the same run. The gateway runs in upstream mode over a sandbox in a process of its own, so its
 * CPU time is its own. Both cases are cache-warm: the group and the page of 25 were asked for once before the run
 * (before the response cache, the list asked the upstream for the page on every request). `inApollo`, a second
 * gateway over the same sandbox whose response cache answers from an Apollo plugin (`responseForOperation`)
 * instead of before Apollo, is measured on the cached group right after the first: the faster way is the one kept.
 * `cold`, a third one with every read cache off (GROUP_CACHE_TTL_SECONDS=0), records the cold paths.
 */
export async function queryThroughput({ gateway, inApollo, cold, baseline, timing, phoneNumberId }) {
  // 25+ groups of 8 participants on the default number, so the page is full; then warm the cache with them.
  await gateway.call('seedGroups', { phoneNumberId, count: 30, participants: 8 });
  const list = await queryOk(gateway.graphqlUrl, GROUPS_QUERY);
  const groupId = list.data.groups.edges.at(-1).node.id;
  if (list.data.groups.edges.length !== 25) throw new Error(`groups(first: 25) answered ${list.data.groups.edges.length} groups`);

  const cases = [
    { name: 'group(id) cached', query: GROUP_QUERY, variables: { id: groupId }, target: 0.5, cpuTarget: 2.5 },
    // Warm: the page was asked for above, so the list page, the participants and the answer are cached.
    { name: 'groups(first:25)', query: GROUPS_QUERY, variables: {}, target: 0.25, cpuTarget: null },
  ];
  const rows = [];
  const headers = { 'content-type': 'application/json' };
  // A fresh process: before any case is measured, every measured path runs long enough to be compiled (the first
  // case measured used to carry the JIT's warm-up: ~20% more CPU per request than the same case a minute later).
  for (const { query, variables } of cases) {
    for (const server of [gateway, inApollo, cold].filter((candidate) => candidate !== undefined)) {
      await loadTest({ url: server.graphqlUrl, body: JSON.stringify({ query, variables }), headers, warmupSeconds: 0, durationSeconds: 2 });
    }
  }
  for (const { name, query, variables, target, cpuTarget } of cases) {
    const sample = await queryOk(gateway.graphqlUrl, query, variables);
    const body = JSON.stringify({ query, variables });
    const measured = await loadTest({ url: gateway.graphqlUrl, body, headers, ...timing, server: gateway, beforeMeasure: () => gateway.call('resetUpstreamStats') });
    measured.upstreamRequests = await gateway.call('upstreamRequests');
    await baseline.call('setAnswer', { body: sample.body, contentType: sample.contentType });
    const bare = await loadTest({ url: `${baseline.url}/graphql`, body, headers, ...timing, server: baseline });
    assertClean(name, measured);
    assertClean(`${name} baseline`, bare);
    rows.push({
      scenario: '1 query',
      metric: `${name} req/s`,
      value: measured.requestsPerSecond,
      baseline: bare.requestsPerSecond,
      target: target === null ? null : { kind: 'ratio>=', value: target },
      detail: { measured, baseline: bare, responseBytes: Buffer.byteLength(sample.body), upstreamRequestsDuringRun: measured.upstreamRequests },
    });
    rows.push({ scenario: '1 query', metric: `${name} p99 ms`, value: measured.p99Ms, baseline: bare.p99Ms, target: null });
    rows.push({
      scenario: '1 query',
      metric: `${name} server CPU µs/req`,
      value: measured.serverCpuMicrosPerRequest,
      baseline: bare.serverCpuMicrosPerRequest,
      target: cpuTarget === null ? null : { kind: 'ratio<=', value: cpuTarget },
    });
    rows.push({ scenario: '1 query', metric: `${name} upstream calls during the run`, value: measured.upstreamRequests, baseline: null, target: { kind: '<=', value: 0 } });
    if (cold !== undefined) {
      // The cold path, recorded (it must not get slower): a gateway with every read cache off over the same sandbox.
      const coldName = `${name.replace(' cached', '')} cold (no caches)`;
      await cold.call('resetUpstreamStats');
      const uncached = await loadTest({ url: cold.graphqlUrl, body, headers, ...timing, server: cold });
      const upstreamCalls = await cold.call('upstreamRequests');
      assertClean(coldName, uncached);
      rows.push({ scenario: '1 query', metric: `${coldName} req/s`, value: uncached.requestsPerSecond, baseline: bare.requestsPerSecond, target: null, detail: { uncached, upstreamCalls } });
      rows.push({ scenario: '1 query', metric: `${coldName} server CPU µs/req`, value: uncached.serverCpuMicrosPerRequest, baseline: bare.serverCpuMicrosPerRequest, target: null });
    }
    if (inApollo !== undefined && name === 'group(id) cached') {
      // Same request, same cache contents (warmed here), answered from Apollo's responseForOperation instead.
      const fromPlugin = await queryOk(inApollo.graphqlUrl, query, variables);
      if (JSON.stringify(JSON.parse(fromPlugin.body)) !== JSON.stringify(JSON.parse(sample.body))) throw new Error(`${name}: the in-Apollo variant answered other data`);
      const plugin = await loadTest({ url: inApollo.graphqlUrl, body, headers, ...timing, server: inApollo });
      const executions = await inApollo.call('executions');
      assertClean(`${name} in Apollo`, plugin);
      const label = `${name}, hit in an Apollo plugin (vs before Apollo)`;
      rows.push({ scenario: '1 query', metric: `${label} req/s`, value: plugin.requestsPerSecond, baseline: measured.requestsPerSecond, target: null, detail: { plugin, executions } });
      rows.push({ scenario: '1 query', metric: `${label} server CPU µs/req`, value: plugin.serverCpuMicrosPerRequest, baseline: measured.serverCpuMicrosPerRequest, target: null });
    }
  }
  return rows;
}

function assertClean(name, result) {
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${name}: ${result.non2xx} non-2xx answers and ${result.errors} errors of ${result.total}`);
}
