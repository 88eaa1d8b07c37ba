import type { Counter } from 'prom-client';

/**
 * Increments of a labelled counter, kept as plain numbers by label values and added to the counter when Prometheus
 * scrapes it (its `collect`). prom-client hashes and validates the labels object on every `inc` (a child from
 * `labels()` does the same); a tally looks its label values up in nested maps instead, so the per-delivery and
 * per-request path allocates nothing and builds no string once a series exists.
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

type Level = Map<string, Level | Series>;

export function createTally(counter: Counter<string>, labelNames: readonly string[]): Tally {
  const root: Level = new Map();
  const dirty: Series[] = [];
  return {
    inc(values, by = 1) {
      let level = root;
      let series: Series | undefined;
      for (let index = 0; index < labelNames.length; index++) {
        const value = values[index]!;
        const found = level.get(value);
        if (index === labelNames.length - 1) {
          series = found as Series | undefined;
          if (series === undefined) {
            series = { labels: Object.fromEntries(labelNames.map((name, at) => [name, values[at]!])), pending: 0 };
            level.set(value, series);
          }
        } else {
          let next = found as Level | undefined;
          if (next === undefined) {
            next = new Map();
            level.set(value, next);
          }
          level = next;
        }
      }
      if (series!.pending === 0) dirty.push(series!);
      series!.pending += by;
    },
    flush() {
      for (const series of dirty) {
        counter.inc(series.labels, series.pending);
        series.pending = 0;
      }
      dirty.length = 0;
    },
  };
}
