import type { Registry } from 'prom-client';
import type { SeriesIndex } from './series-index';
import { createSeriesIndex } from './series-index';

/**
 * A labelled histogram for the per-request and per-frame paths: an observation finds its series in a SeriesIndex and
 * adds to plain numbers (prom-client's Histogram hashes and validates the labels object on every observe). It is
 * registered in a prom-client registry as a metric of its own and exported exactly as prom-client exports a
 * histogram: `_bucket` (cumulative, `le`, `+Inf`), `_sum` and `_count` per series.
 */
export interface FastHistogram {
  /** Adds `value` to the series of these label values (in labelNames order). */
  observe(values: readonly [string, ...string[]], value: number): void;
}

interface Series {
  readonly labels: Record<string, string>;
  /** Observations per bucket (not cumulative); past the last bound they count in `count` only (+Inf). */
  readonly counts: Float64Array;
  sum: number;
  count: number;
}

export function createFastHistogram(options: { name: string; help: string; labelNames: readonly string[]; buckets: readonly number[]; registers: readonly Registry[] }): FastHistogram {
  const { name, help, labelNames } = options;
  const bounds = [...options.buckets].sort((a, b) => a - b);
  let index: SeriesIndex<Series> = createSeriesIndex<Series>(labelNames, (labels) => ({ labels, counts: new Float64Array(bounds.length), sum: 0, count: 0 }));
  const metric = {
    name,
    help,
    type: 'histogram' as const,
    aggregator: 'sum' as const,
    get() {
      const values: { labels: Record<string, string | number>; value: number; metricName: string }[] = [];
      for (const series of index.all) {
        let cumulative = 0;
        for (let bucket = 0; bucket < bounds.length; bucket++) {
          cumulative += series.counts[bucket]!;
          values.push({ labels: { ...series.labels, le: bounds[bucket]! }, value: cumulative, metricName: `${name}_bucket` });
        }
        values.push({ labels: { ...series.labels, le: '+Inf' }, value: series.count, metricName: `${name}_bucket` });
        values.push({ labels: series.labels, value: series.sum, metricName: `${name}_sum` });
        values.push({ labels: series.labels, value: series.count, metricName: `${name}_count` });
      }
      return { name, help, type: 'histogram', values, aggregator: 'sum' };
    },
    reset() {
      index = createSeriesIndex<Series>(labelNames, (labels) => ({ labels, counts: new Float64Array(bounds.length), sum: 0, count: 0 }));
    },
  };
  // The registry reads any object with a name and get() (its own metrics are such objects).
  for (const registry of options.registers) registry.registerMetric(metric as unknown as Parameters<Registry['registerMetric']>[0]);
  return {
    observe(values, value) {
      const series = index.get(values);
      for (let bucket = 0; bucket < bounds.length; bucket++) {
        if (value <= bounds[bucket]!) {
          series.counts[bucket]! += 1;
          break;
        }
      }
      series.sum += value;
      series.count += 1;
    },
  };
}
