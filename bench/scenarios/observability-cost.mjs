import { queryOk } from '../lib/graphql.mjs';
import { loadTest } from '../lib/load.mjs';
import { startSpanSink } from '../lib/span-sink.mjs';
import { GROUP_QUERY } from './query-throughput.mjs';
import { webhookIngest } from './webhook-ingest.mjs';

/**
 * Scenario 11: what metrics and tracing cost. The cached group(id) query and signed Meta deliveries run against three
 * fresh gateways in turn (METRICS_PORT=off; metrics on; metrics on and tracing on at 100% sampling, every span exported
 * over OTLP to a sink in this process), each against the bare baseline measured right after it. The cost is the ratio
 * of the ratios: metrics on (or tracing on) over metrics off. Target: metrics within 5%; tracing is recorded.
 *
 * On a shared machine one slow second (another process's burst) would otherwise decide the comparison, so the variants
 * take turns `rounds` times, each round in another order (rotated: no variant always runs first or last), and every
 * round gives a paired cost (its metrics-on ratio over its own metrics-off ratio): the rows report the median of
 * those paired costs, with every round's cost in the row's detail. Server CPU per request is reported beside it, the
 * same way: it moves much less with the machine's load than throughput does.
 */
export async function observabilityCost({ startGateway, stopChild, baseline, timing, runId, rounds = 5 }) {
  const sink = await startSpanSink();
  const variants = [
    { key: 'off', label: 'metrics off', env: { METRICS_PORT: 'off' } },
    { key: 'metrics', label: 'metrics on', env: { METRICS_PORT: '0' } },
    { key: 'tracing', label: 'tracing on at 100% sampling (+ metrics)', env: { METRICS_PORT: '0', OTEL_EXPORTER_OTLP_ENDPOINT: sink.url, OTEL_TRACES_SAMPLER: 'always_on' } },
  ];
  /** results[variant][workload][round]: { value, baseline, detail, cpu }. */
  const results = Object.fromEntries(variants.map((variant) => [variant.key, { query: [], webhook: [] }]));
  try {
    for (let round = 0; round < rounds; round++) {
      const order = variants.map((_, index) => variants[(index + round) % variants.length]);
      for (const variant of order) {
        const gateway = await startGateway({ label: `gateway-${variant.key}-${round + 1}`, env: variant.env });
        try {
          const [phoneNumberId] = gateway.phoneNumberIds;
          const [groupId, ingestGroupId] = await gateway.call('seedGroups', { phoneNumberId, count: 2, participants: 8 });
          const query = await measureQuery({ gateway, baseline, timing, groupId });
          const [ingest, , , cpu] = await webhookIngest({ gateway, baseline, timing, phoneNumberId, groupId: ingestGroupId, runId: `${runId}-${variant.key}-${round + 1}` });
          results[variant.key].query[round] = { ...query, cpu: query.detail.measured.serverCpuMicrosPerRequest };
          results[variant.key].webhook[round] = { ...ingest, cpu: cpu.value };
        } finally {
          await stopChild(gateway);
        }
      }
    }
  } finally {
    await sink.close();
  }
  const ratio = (result) => result.value / result.baseline;
  /** Per round, the variant's measure over metrics off's measure of the same round. */
  const paired = (key, what, measure) => results[key][what].map((result, round) => round3(measure(result) / measure(results.off[what][round])));
  const rows = [];
  for (const [what, name] of [['query', 'group(id) cached req/s'], ['webhook', 'Meta deliveries/s']]) {
    for (const variant of variants) {
      // The round whose ratio is the median one stands for the variant (value and baseline from one measurement).
      const runs = results[variant.key][what];
      const median = [...runs].sort((a, b) => ratio(a) - ratio(b))[Math.floor(runs.length / 2)];
      rows.push({ scenario: '11 observ', metric: `${variant.label}: ${name}`, value: median.value, baseline: median.baseline, target: null, detail: median.detail });
      rows.push({ scenario: '11 observ', metric: `${variant.label}: ${name.replace(/ req\/s| deliveries\/s/, '')} server CPU µs/req (median)`, value: medianOf(runs.map((run) => run.cpu)), baseline: null, target: null });
    }
  }
  for (const [what, name] of [['query', 'group(id) cached'], ['webhook', 'Meta deliveries']]) {
    const withMetrics = paired('metrics', what, ratio);
    const withTracing = paired('tracing', what, ratio);
    const cpuMetrics = paired('metrics', what, (result) => result.cpu);
    const cpuTracing = paired('tracing', what, (result) => result.cpu);
    rows.push({ scenario: '11 observ', metric: `${name}: ratio with metrics / ratio without (median of ${rounds} paired rounds)`, value: medianOf(withMetrics), baseline: null, target: { kind: '>=', value: 0.95 }, detail: { rounds: withMetrics } });
    rows.push({ scenario: '11 observ', metric: `${name}: ratio with tracing on at 100% sampling / ratio without (median of ${rounds})`, value: medianOf(withTracing), baseline: null, target: null, detail: { rounds: withTracing } });
    rows.push({ scenario: '11 observ', metric: `${name}: server CPU with metrics / without (median)`, value: medianOf(cpuMetrics), baseline: null, target: null, detail: { rounds: cpuMetrics } });
    rows.push({ scenario: '11 observ', metric: `${name}: server CPU with tracing on at 100% sampling / without (median)`, value: medianOf(cpuTracing), baseline: null, target: null, detail: { rounds: cpuTracing } });
  }
  rows.push({ scenario: '11 observ', metric: 'OTLP exports received (tracing on at 100% sampling)', value: sink.stats().exports, baseline: null, target: { kind: '>=', value: 1 } });
  return rows;
}

async function measureQuery({ gateway, baseline, timing, groupId }) {
  const variables = { id: groupId };
  await queryOk(gateway.graphqlUrl, GROUP_QUERY, variables); // the group is cached from here on
  const sample = await queryOk(gateway.graphqlUrl, GROUP_QUERY, variables);
  const body = JSON.stringify({ query: GROUP_QUERY, variables });
  const headers = { 'content-type': 'application/json' };
  const measured = await loadTest({ url: gateway.graphqlUrl, body, headers, ...timing, server: gateway });
  await baseline.call('setAnswer', { body: sample.body, contentType: sample.contentType });
  const bare = await loadTest({ url: `${baseline.url}/graphql`, body, headers, ...timing, server: baseline });
  if (measured.non2xx > 0 || measured.errors > 0) throw new Error(`observability cost: ${measured.non2xx} non-2xx answers and ${measured.errors} errors of ${measured.total}`);
  return { value: measured.requestsPerSecond, baseline: bare.requestsPerSecond, detail: { measured, baseline: bare } };
}

const round3 = (value) => Math.round(value * 1000) / 1000;

/** The middle value (the upper one of an even count). */
function medianOf(values) {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}
