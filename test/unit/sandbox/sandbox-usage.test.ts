import { createUsageMeter, SANDBOX_BUSINESS_ID } from '../../../src/sandbox/sandbox-usage';

describe('the sandbox usage meter (X-App-Usage, X-Business-Use-Case-Usage)', () => {
  it('reports integer percentages of its hourly allowance (200 calls, 60 s handling, 600 s answering) in both of Meta\'s header shapes', () => {
    const meter = createUsageMeter({ now: () => 0 });
    for (let call = 0; call < 57; call++) meter.countCall();
    meter.addTime(6_000, 30_000);
    expect(meter.usage()).toEqual({ call_count: 29, total_cputime: 10, total_time: 5 });
    expect(JSON.parse(meter.headers()['x-app-usage'])).toEqual({ call_count: 29, total_cputime: 10, total_time: 5 });
    expect(JSON.parse(meter.headers()['x-business-use-case-usage'])).toEqual({
      [SANDBOX_BUSINESS_ID]: [{ type: 'whatsapp_business_management', call_count: 29, total_cputime: 10, total_time: 5, estimated_time_to_regain_access: 0 }],
    });
  });

  it('counts the last hour only, minute by minute', () => {
    let now = 0;
    const meter = createUsageMeter({ now: () => now });
    for (let call = 0; call < 100; call++) meter.countCall(); // minute 0
    now = 30 * 60_000;
    for (let call = 0; call < 20; call++) meter.countCall(); // minute 30
    expect(meter.usage().call_count).toBe(60);
    now = 60 * 60_000; // minute 0 left the window
    expect(meter.usage().call_count).toBe(10);
    now = 91 * 60_000;
    expect(meter.usage()).toEqual({ call_count: 0, total_cputime: 0, total_time: 0 });
  });
});
