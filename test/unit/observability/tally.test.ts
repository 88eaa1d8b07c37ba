import { Counter, Registry } from 'prom-client';
import { createTally } from '../../../src/observability/tally';

describe('createTally', () => {
  it('adds what it counted to the counter when the counter is collected, series by label values, nothing twice', async () => {
    const registry = new Registry();
    let flush = (): void => undefined;
    const counter = new Counter({ name: 'deliveries_total', help: 'test', labelNames: ['provider', 'status'], registers: [registry], collect: () => flush() });
    const tally = createTally(counter, ['provider', 'status']);
    flush = () => tally.flush();
    tally.inc(['meta', '200']);
    tally.inc(['meta', '200'], 2);
    tally.inc(['meta', '401']);
    tally.inc(['twilio', '200']);
    const read = async () => (await registry.getSingleMetric('deliveries_total')!.get()).values.map(({ labels, value }) => [labels.provider, labels.status, value]);
    expect(await read()).toEqual([
      ['meta', '200', 3],
      ['meta', '401', 1],
      ['twilio', '200', 1],
    ]);
    expect(await read()).toEqual([
      ['meta', '200', 3],
      ['meta', '401', 1],
      ['twilio', '200', 1],
    ]);
    tally.inc(['meta', '401'], 4);
    expect(await read()).toContainEqual(['meta', '401', 5]);
  });
});
