import type { Counter } from 'prom-client';
import { createSeriesIndex } from './series-index';

/**
 * Increments of a labelled counter, kept as plain numbers by label values (a SeriesIndex) and added to the counter
 * when Prometheus scrapes it (its `collect`): the per-request and per-delivery path never hashes a labels object.
 */
export interface Tally {
  /** Adds `by` (default 1) to the series of these label values, in the counter's labelNames order. */
  inc(values: readonly [string, ...string[]], by?: number): void;
  /** Moves what was counted since the last flush into the counter (called from its collect). */
  flush(): void;
}

interface Series {
  readonly labels: Record<string, string>;
  pending: number;
}

export function createTally(counter: Counter<string>, labelNames: readonly string[]): Tally {
  const index = createSeriesIndex<Series>(labelNames, (labels) => ({ labels, pending: 0 }));
  const dirty: Series[] = [];
  return {
    inc(values, by = 1) {
      const series = index.get(values);
      if (series.pending === 0) dirty.push(series);
      series.pending += by;
    },
    flush() {
      for (const series of dirty) {
        if (series.pending > 0) counter.inc(series.labels, series.pending);
        series.pending = 0;
      }
      dirty.length = 0;
    },
  };
}
