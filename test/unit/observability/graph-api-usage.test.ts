import { readUsageHeaders } from '../../../src/observability/graph-api-usage';

describe('readUsageHeaders', () => {
  it("reads X-App-Usage and every use case of X-Business-Use-Case-Usage as Meta sends them", () => {
    const headers = new Headers({
      'x-app-usage': '{"call_count":28,"total_cputime":25,"total_time":12}',
      'x-business-use-case-usage': '{"102290129340398":[{"type":"whatsapp_business_management","call_count":95,"total_cputime":1,"total_time":2,"estimated_time_to_regain_access":7}]}',
    });
    expect(readUsageHeaders(headers)).toEqual([
      { header: 'app', type: null, metric: 'call_count', value: 28 },
      { header: 'app', type: null, metric: 'total_cputime', value: 25 },
      { header: 'app', type: null, metric: 'total_time', value: 12 },
      { header: 'business', type: 'whatsapp_business_management', metric: 'call_count', value: 95 },
      { header: 'business', type: 'whatsapp_business_management', metric: 'total_cputime', value: 1 },
      { header: 'business', type: 'whatsapp_business_management', metric: 'total_time', value: 2 },
      { header: 'business', type: 'whatsapp_business_management', metric: 'estimated_time_to_regain_access', value: 7 },
    ]);
  });

  it('gives nothing for absent, empty, malformed or unexpected headers', () => {
    expect(readUsageHeaders(new Headers())).toEqual([]);
    expect(readUsageHeaders(new Headers({ 'x-app-usage': '', 'x-business-use-case-usage': 'not json' }))).toEqual([]);
    expect(readUsageHeaders(new Headers({ 'x-app-usage': '[1,2]', 'x-business-use-case-usage': '{"1":[{"call_count":5}],"2":"x"}' }))).toEqual([]);
    expect(readUsageHeaders(new Headers({ 'x-app-usage': '{"call_count":"28"}' }))).toEqual([]);
  });
});
