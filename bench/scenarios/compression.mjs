import { request } from 'node:http';
import { queryOk } from '../lib/graphql.mjs';
import { loadTest } from '../lib/load.mjs';
import { GROUPS_QUERY } from './query-throughput.mjs';

/**
 * Scenario 6: the same `groups(first: 25)` page with and without `Accept-Encoding` (gzip, br). The cost of
 * compression is server CPU per request; the gain is bytes on the wire. Baseline of each compressed row: the
 * uncompressed run of the same page in the same run.
 */
export async function compression({ gateway, timing, phoneNumberId }) {
  const page = await queryOk(gateway.graphqlUrl, GROUPS_QUERY);
  if (page.data.groups.edges.length < 25) await gateway.call('seedGroups', { phoneNumberId, count: 30, participants: 8 });
  const body = JSON.stringify({ query: GROUPS_QUERY, variables: {} });
  const cases = [
    { name: 'identity', acceptEncoding: null },
    { name: 'gzip', acceptEncoding: 'gzip' },
    { name: 'br', acceptEncoding: 'br' },
  ];
  const rows = [];
  let plain = null;
  for (const { name, acceptEncoding } of cases) {
    const wire = await wireAnswer(gateway.graphqlUrl, body, acceptEncoding);
    if ((wire.encoding ?? null) !== acceptEncoding) throw new Error(`${name}: asked for ${acceptEncoding}, the gateway answered with ${wire.encoding ?? 'no'} Content-Encoding`);
    const headers = { 'content-type': 'application/json', ...(acceptEncoding === null ? {} : { 'accept-encoding': acceptEncoding }) };
    const measured = await loadTest({ url: gateway.graphqlUrl, body, headers, ...timing, server: gateway });
    if (measured.non2xx > 0 || measured.errors > 0) throw new Error(`${name}: ${measured.non2xx} non-2xx answers and ${measured.errors} errors of ${measured.total}`);
    const result = { measured, bytes: wire.bytes };
    plain ??= result;
    const metric = `groups(first:25) ${name}`;
    rows.push({ scenario: '6 compression', metric: `${metric} bytes`, value: wire.bytes, baseline: plain.bytes, target: null, detail: { contentEncoding: wire.encoding ?? 'identity' } });
    rows.push({ scenario: '6 compression', metric: `${metric} req/s`, value: measured.requestsPerSecond, baseline: plain.measured.requestsPerSecond, target: null, detail: { measured } });
    rows.push({ scenario: '6 compression', metric: `${metric} server CPU µs/req`, value: measured.serverCpuMicrosPerRequest, baseline: plain.measured.serverCpuMicrosPerRequest, target: null });
    rows.push({ scenario: '6 compression', metric: `${metric} p99 ms`, value: measured.p99Ms, baseline: plain.measured.p99Ms, target: null });
  }
  return rows;
}

/** The answer as it crosses the wire (fetch would decode it): its size and Content-Encoding. */
function wireAnswer(url, body, acceptEncoding) {
  return new Promise((resolve, reject) => {
    const headers = { 'content-type': 'application/json', ...(acceptEncoding === null ? {} : { 'accept-encoding': acceptEncoding }) };
    const req = request(url, { method: 'POST', headers }, (res) => {
      let bytes = 0;
      res.on('data', (chunk) => (bytes += chunk.length));
      res.on('end', () => (res.statusCode === 200 ? resolve({ bytes, encoding: res.headers['content-encoding'] }) : reject(new Error(`HTTP ${res.statusCode}`))));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}
