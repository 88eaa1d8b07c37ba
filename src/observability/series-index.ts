/**
 * The series of one metric by label values, looked up in nested maps (one level per label): once a series exists,
 * finding it again allocates nothing and builds no string, where prom-client hashes and validates a labels object on
 * every call.
 */
export interface SeriesIndex<S> {
  /** The series of these label values (in labelNames order), created on first use. */
  get(values: readonly string[]): S;
  /** Every series, in creation order. */
  readonly all: readonly S[];
}

type Level<S> = Map<string, Level<S> | S>;

export function createSeriesIndex<S>(labelNames: readonly string[], create: (labels: Record<string, string>) => S): SeriesIndex<S> {
  if (labelNames.length === 0) throw new Error('createSeriesIndex: expected at least one label name, got none; an unlabelled metric needs no index');
  const root: Level<S> = new Map();
  const all: S[] = [];
  const last = labelNames.length - 1;
  return {
    all,
    get(values) {
      let level = root;
      for (let index = 0; index < last; index++) {
        let next = level.get(values[index]!) as Level<S> | undefined;
        if (next === undefined) {
          next = new Map();
          level.set(values[index]!, next);
        }
        level = next;
      }
      let series = level.get(values[last]!) as S | undefined;
      if (series === undefined) {
        series = create(Object.fromEntries(labelNames.map((name, at) => [name, values[at]!])));
        level.set(values[last]!, series);
        all.push(series);
      }
      return series;
    },
  };
}
