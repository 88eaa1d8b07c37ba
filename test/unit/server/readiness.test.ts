import { createReadiness } from '../../../src/server/readiness';
import { requestIdFrom } from '../../../src/server/request-id';

describe('readiness checks', () => {
  it('is ready when every check passes (and with no checks at all)', async () => {
    const readiness = createReadiness();
    expect(await readiness.evaluate()).toEqual({ ready: true, checks: {} });
    readiness.add('upstream', async () => undefined);
    readiness.add('eventLog', async () => undefined);
    expect(await readiness.evaluate()).toEqual({ ready: true, checks: { upstream: 'ok', eventLog: 'ok' } });
  });

  it('reports the reason of each failed check', async () => {
    const readiness = createReadiness();
    readiness.add('upstream', async () => undefined);
    readiness.add('redis', async () => {
      throw new Error('connect ECONNREFUSED 127.0.0.1:6379');
    });
    expect(await readiness.evaluate()).toEqual({ ready: false, checks: { upstream: 'ok', redis: 'connect ECONNREFUSED 127.0.0.1:6379' } });
  });

  it('fails a check that does not answer in time', async () => {
    const readiness = createReadiness({ timeoutMs: 5 });
    readiness.add('stuck', () => new Promise<void>(() => undefined));
    expect(await readiness.evaluate()).toEqual({ ready: false, checks: { stuck: 'no answer within 5 ms' } });
  });

  it('refuses two checks with one name', () => {
    const readiness = createReadiness();
    readiness.add('upstream', async () => undefined);
    expect(() => readiness.add('upstream', async () => undefined)).toThrow('Readiness check "upstream" is already registered; give each check its own name');
  });
});

describe('request ids', () => {
  it('keeps a plain caller id and replaces anything else with a UUID', () => {
    expect(requestIdFrom({ 'x-request-id': 'abc-123.X:9_' })).toBe('abc-123.X:9_');
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    expect(requestIdFrom({})).toMatch(uuid);
    expect(requestIdFrom({ 'x-request-id': 'evil\nlog line' })).toMatch(uuid);
    expect(requestIdFrom({ 'x-request-id': 'x'.repeat(129) })).toMatch(uuid);
  });
});
