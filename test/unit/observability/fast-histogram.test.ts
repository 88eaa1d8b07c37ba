import { Histogram, Registry } from 'prom-client';
import { createFastHistogram } from '../../../src/observability/fast-histogram';

/** The exposition lines of a registry, in a stable order (label order within a line may differ between the two). */
async function lines(registry: Registry): Promise<string[]> {
  const text = await registry.metrics();
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => line.replace(/\{(.*)\}/, (_, labels: string) => `{${labels.split(',').sort().join(',')}}`))
    .sort();
}

describe('createFastHistogram', () => {
  it('exports exactly what prom-client\'s Histogram exports for the same observations', async () => {
    const ours = new Registry();
    const theirs = new Registry();
    const config = { name: 'request_duration_seconds', help: 'test', labelNames: ['transport', 'operation'], buckets: [0.001, 0.01, 0.1] };
    const fast = createFastHistogram({ ...config, registers: [ours] });
    const reference = new Histogram({ ...config, registers: [theirs] });
    const observations: [[string, string], number][] = [
      [['http', 'A'], 0.0005],
      [['http', 'A'], 0.001],
      [['http', 'A'], 0.05],
      [['http', 'A'], 3],
      [['ws', 'A'], 0.002],
      [['http', 'B'], 0.1],
    ];
    for (const [[transport, operation], value] of observations) {
      fast.observe([transport, operation], value);
      reference.observe({ transport, operation }, value);
    }
    expect(await lines(ours)).toEqual(await lines(theirs));
    expect(await lines(ours)).toContain('request_duration_seconds_bucket{le="+Inf",operation="A",transport="http"} 4');

    const json = await ours.getMetricsAsJSON();
    expect(json[0]).toMatchObject({ name: 'request_duration_seconds', type: 'histogram' });
    ours.resetMetrics();
    expect((await ours.getMetricsAsJSON())[0]!.values).toEqual([]);
  });
});
