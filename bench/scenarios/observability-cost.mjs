import { queryOk } from '../lib/graphql.mjs';
import { loadTest } from '../lib/load.mjs';
import { startSpanSink } from '../lib/span-sink.mjs';
import { GROUP_QUERY } from './query-throughput.mjs';
import { createMetaWebhooks } from '../lib/meta-webhook.mjs';

/**
 * Scenario 11: what metrics and tracing cost. Three gateways run side by side for the whole scenario (METRICS_PORT=off;
 * metrics on; metrics on and tracing on at 100% sampling, every span exported over OTLP to a sink in this process),
 * beside the bare baseline. Each workload (the cached group(id) query, then unique signed Meta deliveries) is driven
 * in short slices that take turns between the four targets (each gateway on a Redis key prefix of its own), `cycles` times, each cycle in another order (rotated):
 * a burst of another process's load lands on neighbouring slices of every target alike instead of on one variant's
 * whole measurement. Each cycle gives a paired cost (the variant's throughput over metrics off's, the baseline
 * being the same machine in the same seconds for both); the rows report the median of those paired costs, with
 * every cycle's in the row's detail, and the totals of all slices as values. Server CPU per request is reported beside
 * them, the same way. Target: metrics within 5%; tracing is recorded.
 */
export async function observabilityCost({ startGateway, stopChild, baseline, runId, keyPrefix, cycles = 10, sliceSeconds = 1 }) {
  const sink = await startSpanSink();
  const variants = [
    { key: 'off', label: 'metrics off', env: { METRICS_PORT: 'off' } },
    { key: 'metrics', label: 'metrics on', env: { METRICS_PORT: '0' } },
    { key: 'tracing', label: 'tracing on at 100% sampling (+ metrics)', env: { METRICS_PORT: '0', OTEL_EXPORTER_OTLP_ENDPOINT: sink.url, OTEL_TRACES_SAMPLER: 'always_on' } },
  ];
  const gateways = {};
  const rows = [];
  try {
    // Each on a key prefix of its own (under the run's, which the bench deletes): one gateway's deliveries are
    // published on its bus only, not handled by the others (or the bench's main gateway) in their slices.
    for (const variant of variants) gateways[variant.key] = await startGateway({ label: `gateway-${variant.key}`, env: { ...variant.env, REDIS_KEY_PREFIX: `${keyPrefix}observ-${variant.key}:` } });
    /** Per target, what each workload's slices hit: the gateways' own groups and unique deliveries. */
    const targets = { query: {}, webhook: {} };
    let sample = null;
    for (const variant of variants) {
      const gateway = gateways[variant.key];
      const [phoneNumberId] = gateway.phoneNumberIds;
      const [groupId, ingestGroupId] = await gateway.call('seedGroups', { phoneNumberId, count: 2, participants: 8 });
      const query = await queryTarget(gateway, groupId);
      sample ??= query.sample;
      targets.query[variant.key] = { ...query.target, server: gateway };
      targets.webhook[variant.key] = { ...webhookTarget(`${gateway.url}/webhooks/meta`, phoneNumberId, ingestGroupId, `${runId}-${variant.key}`), server: gateway };
    }
    await baseline.call('setAnswer', { body: sample.body, contentType: sample.contentType });
    targets.query.baseline = { url: `${baseline.url}/graphql`, body: targets.query.off.body, headers: targets.query.off.headers, server: baseline };
    targets.webhook.baseline = { ...webhookTarget(`${baseline.url}/webhook`, gateways.off.phoneNumberIds[0], 'baseline', `${runId}-baseline`), server: baseline };

    for (const [what, name] of [['query', 'group(id) cached req/s'], ['webhook', 'Meta deliveries/s']]) {
      const keys = [...variants.map((variant) => variant.key), 'baseline'];
      for (const key of keys) await loadTest({ ...targets[what][key], warmupSeconds: 0, durationSeconds: 1 }); // warm-up
      /** slices[key][cycle]: one slice's result. */
      const slices = Object.fromEntries(keys.map((key) => [key, []]));
      for (let cycle = 0; cycle < cycles; cycle++) {
        for (let turn = 0; turn < keys.length; turn++) {
          const key = keys[(turn + cycle) % keys.length];
          const result = await loadTest({ ...targets[what][key], warmupSeconds: 0, durationSeconds: sliceSeconds });
          if (result.non2xx > 0 || result.errors > 0) throw new Error(`observability cost (${what}, ${key}): ${result.non2xx} non-2xx answers and ${result.errors} errors of ${result.total}`);
          slices[key][cycle] = result;
        }
      }
      const perSecond = (key) => slices[key].reduce((sum, slice) => sum + slice.total, 0) / (cycles * sliceSeconds);
      const cpuPerRequest = (key) => slices[key].reduce((sum, slice) => sum + slice.serverCpuMicrosPerRequest * slice.total, 0) / slices[key].reduce((sum, slice) => sum + slice.total, 0);
      for (const variant of variants) {
        rows.push({ scenario: '11 observ', metric: `${variant.label}: ${name}`, value: round1(perSecond(variant.key)), baseline: round1(perSecond('baseline')), target: null, detail: { slices: slices[variant.key].map((slice) => slice.requestsPerSecond) } });
        rows.push({ scenario: '11 observ', metric: `${variant.label}: ${name.replace(/ req\/s| deliveries\/s/, '')} server CPU µs/req`, value: round1(cpuPerRequest(variant.key)), baseline: null, target: null });
      }
      /** Per cycle, the variant's measure over metrics off's in the same cycle. */
      const paired = (key, measure) => slices[key].map((slice, cycle) => round3(measure(slice) / measure(slices.off[cycle])));
      const short = name.replace(/ req\/s| deliveries\/s/, '').replace('Meta', 'Meta deliveries');
      const throughput = (slice) => slice.requestsPerSecond;
      const cpu = (slice) => slice.serverCpuMicrosPerRequest;
      const withMetrics = paired('metrics', throughput);
      const withTracing = paired('tracing', throughput);
      rows.push({ scenario: '11 observ', metric: `${short}: ratio with metrics / ratio without (median of ${cycles} paired cycles)`, value: medianOf(withMetrics), baseline: null, target: { kind: '>=', value: 0.95 }, detail: { cycles: withMetrics } });
      rows.push({ scenario: '11 observ', metric: `${short}: ratio with tracing on at 100% sampling / ratio without (median of ${cycles})`, value: medianOf(withTracing), baseline: null, target: null, detail: { cycles: withTracing } });
      rows.push({ scenario: '11 observ', metric: `${short}: server CPU with metrics / without (median)`, value: medianOf(paired('metrics', cpu)), baseline: null, target: null, detail: { cycles: paired('metrics', cpu) } });
      rows.push({ scenario: '11 observ', metric: `${short}: server CPU with tracing on at 100% sampling / without (median)`, value: medianOf(paired('tracing', cpu)), baseline: null, target: null, detail: { cycles: paired('tracing', cpu) } });
    }
  } finally {
    for (const gateway of Object.values(gateways)) await stopChild(gateway);
    await sink.close();
  }
  rows.push({ scenario: '11 observ', metric: 'OTLP exports received (tracing on at 100% sampling)', value: sink.stats().exports, baseline: null, target: { kind: '>=', value: 1 } });
  return rows;
}

/** The cached group(id) of scenario 1 against one gateway: cached from here on; its answer, for the baseline. */
async function queryTarget(gateway, groupId) {
  const variables = { id: groupId };
  await queryOk(gateway.graphqlUrl, GROUP_QUERY, variables);
  const sample = await queryOk(gateway.graphqlUrl, GROUP_QUERY, variables);
  return { sample, target: { url: gateway.graphqlUrl, body: JSON.stringify({ query: GROUP_QUERY, variables }), headers: { 'content-type': 'application/json' } } };
}

/** Unique signed Meta deliveries (scenario 3's), numbered on across slices so that none is a duplicate. */
function webhookTarget(url, phoneNumberId, groupId, runId) {
  const webhooks = createMetaWebhooks({ phoneNumberId, groupId, runId });
  let sequence = 0;
  const setupRequest = (request) => {
    const { body, headers } = webhooks.delivery(++sequence);
    return { ...request, body, headers: { ...request.headers, ...headers } };
  };
  return { url, setupRequest };
}

const round1 = (value) => Math.round(value * 10) / 10;
const round3 = (value) => Math.round(value * 1000) / 1000;

/** The middle value (the upper one of an even count). */
function medianOf(values) {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}
