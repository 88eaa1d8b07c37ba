/** One sample of a Prometheus text exposition. */
export interface MetricSample {
  name: string;
  labels: Readonly<Record<string, string>>;
  value: number;
}

/** A parsed `GET /metrics` answer. */
export interface Scrape {
  /** Family name → its `# TYPE` (counter, gauge, histogram, summary). */
  readonly types: ReadonlyMap<string, string>;
  readonly samples: readonly MetricSample[];
  /** The sum of the samples named `name` whose labels include `labels` (0 when none match). */
  value(name: string, labels?: Readonly<Record<string, string>>): number;
  /** The samples named `name` whose labels include `labels`. */
  find(name: string, labels?: Readonly<Record<string, string>>): MetricSample[];
}

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)(?:\s+\d+)?$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

/** Parses the Prometheus text format (version 0.0.4), as Prometheus itself reads it. */
export function parsePrometheusText(text: string): Scrape {
  const types = new Map<string, string>();
  const samples: MetricSample[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('# TYPE ')) {
      const [name, type] = line.slice('# TYPE '.length).split(' ');
      types.set(name!, type!);
      continue;
    }
    if (line.startsWith('#') || line.trim() === '') continue;
    const match = SAMPLE.exec(line);
    if (match === null) throw new Error(`not a Prometheus sample line: ${line}`);
    const labels: Record<string, string> = {};
    for (const [, key, value] of (match[2] ?? '').matchAll(LABEL)) labels[key!] = value!.replace(/\\n/g, '\n').replace(/\\"/g, '"').replace(/\\\\/g, '\\');
    samples.push({ name: match[1]!, labels, value: Number(match[3]) });
  }
  const find = (name: string, labels: Readonly<Record<string, string>> = {}): MetricSample[] =>
    samples.filter((sample) => sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value));
  return { types, samples, find, value: (name, labels) => find(name, labels).reduce((sum, sample) => sum + sample.value, 0) };
}

/** GETs a metrics endpoint over HTTP and parses it; throws unless it answers 200 in the Prometheus text format. */
export async function scrape(metricsUrl: string): Promise<Scrape> {
  const response = await fetch(metricsUrl);
  const text = await response.text();
  if (response.status !== 200) throw new Error(`GET ${metricsUrl} answered ${response.status}: ${text}`);
  if (!(response.headers.get('content-type') ?? '').startsWith('text/plain')) throw new Error(`GET ${metricsUrl} is not the Prometheus text format: ${response.headers.get('content-type')}`);
  return parsePrometheusText(text);
}
