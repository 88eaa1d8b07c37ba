import { parseGraphError, parseRetryAfterSeconds } from '../../../src/upstream/graph-api-error-parser';
import { UpstreamError } from '../../../src/upstream/upstream-error';
import { fixture } from './fixture';

const headers = (values: Record<string, string>) => new Headers(values);

describe('parseGraphError', () => {
  it('reads every field of the Graph envelope', () => {
    const error = parseGraphError({ httpStatus: 400, bodyText: JSON.stringify(fixture('graph_error.example')) });
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({
      message: '(#131215) This phone number is not eligible to access Groups APIs',
      httpStatus: 400,
      code: 131215,
      subcode: null,
      type: 'OAuthException',
      fbtraceId: 'AbCdEfGhIjKlMnOp',
      details: 'ILLUSTRATIVE: Groups APIs are only available for eligible phone numbers.',
      isTransient: false,
      retryAfterSeconds: null,
    });
  });

  it('keeps subcode, user title/message and Meta’s is_transient, and reads a code sent as a string', () => {
    const body = { error: { message: '(#131056) Pair rate limit', type: 'OAuthException', code: '131056', error_subcode: 2494055, error_user_title: 'Slow down', error_user_msg: 'Try later', is_transient: true, fbtrace_id: 'T' } };
    const error = parseGraphError({ httpStatus: 400, bodyText: JSON.stringify(body) });
    expect(error).toMatchObject({ code: 131056, subcode: 2494055, userTitle: 'Slow down', userMessage: 'Try later', isTransient: true, isRateLimited: true });
  });

  it('reads details from an error_data sent as a JSON string', () => {
    const body = { error: { message: 'x', code: 100, error_data: JSON.stringify({ details: 'Param subject is required' }) } };
    expect(parseGraphError({ httpStatus: 400, bodyText: JSON.stringify(body) }).details).toBe('Param subject is required');
  });

  it('turns a non-JSON body into an error that quotes it, transient for a 5xx', () => {
    const error = parseGraphError({ httpStatus: 502, bodyText: '<html>\n<body>Bad Gateway</body></html>' });
    expect(error.message).toBe('Graph API answered HTTP 502 with a non-JSON body: <html> <body>Bad Gateway</body></html>');
    expect(error).toMatchObject({ code: null, httpStatus: 502, isTransient: true, isUnavailable: true });
  });

  it('turns JSON without an envelope, or an empty body, into an error with the status', () => {
    expect(parseGraphError({ httpStatus: 404, bodyText: '{"ok":false}' }).message).toBe('Graph API answered HTTP 404 without an error envelope: {"ok":false}');
    expect(parseGraphError({ httpStatus: 500, bodyText: '' }).message).toBe('Graph API answered HTTP 500 without an error envelope: (empty)');
  });

  it('attaches retryAfterSeconds from the response headers', () => {
    const body = JSON.stringify({ error: { message: '(#130429) Rate limit hit', code: 130429, type: 'OAuthException' } });
    const error = parseGraphError({ httpStatus: 429, bodyText: body, headers: headers({ 'retry-after': '7' }) });
    expect(error).toMatchObject({ code: 130429, retryAfterSeconds: 7, isRateLimited: true, isTransient: true });
  });
});

describe('parseRetryAfterSeconds', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');

  it('reads Retry-After in seconds and as an HTTP date', () => {
    expect(parseRetryAfterSeconds(headers({ 'retry-after': '30' }), now)).toBe(30);
    expect(parseRetryAfterSeconds(headers({ 'retry-after': 'Thu, 01 Jan 2026 00:00:12 GMT' }), now)).toBe(12);
    expect(parseRetryAfterSeconds(headers({ 'retry-after': 'Wed, 31 Dec 2025 00:00:00 GMT' }), now)).toBe(0);
  });

  it('falls back to the largest estimated_time_to_regain_access (minutes) of X-Business-Use-Case-Usage', () => {
    const usage = { '102290129340398': [{ type: 'whatsapp_business_management', call_count: 100, total_cputime: 20, total_time: 30, estimated_time_to_regain_access: 2 }], other: [{ estimated_time_to_regain_access: 0 }] };
    expect(parseRetryAfterSeconds(headers({ 'x-business-use-case-usage': JSON.stringify(usage) }), now)).toBe(120);
  });

  it('answers null when neither header says anything usable', () => {
    expect(parseRetryAfterSeconds(headers({}), now)).toBeNull();
    expect(parseRetryAfterSeconds(headers({ 'retry-after': 'soon', 'x-business-use-case-usage': 'not json' }), now)).toBeNull();
    expect(parseRetryAfterSeconds(headers({ 'x-business-use-case-usage': '{"1":[{"estimated_time_to_regain_access":0}]}' }), now)).toBeNull();
  });
});
