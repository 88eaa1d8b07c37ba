import { MAX_JSON_DEPTH, parseJsonBody } from '../../../../../src/webhooks/providers/shared/json';
import { canonicalJson } from '../../../../../src/lib/canonical-json';
import { eventErrorsAt } from '../../../../../src/webhooks/providers/shared/normalise';
import { isoTimeToIso, timestampKey, unixSecondsToIso } from '../../../../../src/webhooks/providers/shared/json';
import { WebhookPayloadError } from '../../../../../src/webhooks/webhook-errors';

const nested = (depth: number) => Buffer.from(`${'['.repeat(depth)}${']'.repeat(depth)}`);

describe('parseJsonBody', () => {
  it(`accepts exactly ${MAX_JSON_DEPTH} levels and rejects one more`, () => {
    expect(parseJsonBody(nested(MAX_JSON_DEPTH), 'Test')).toEqual(expect.any(Array));
    expect(() => parseJsonBody(nested(MAX_JSON_DEPTH + 1), 'Test')).toThrow(new WebhookPayloadError('The Test webhook body nests deeper than 64 levels'));
  });

  it('does not count brackets inside strings, including after escaped quotes', () => {
    const body = Buffer.from(JSON.stringify({ text: `\\"${'['.repeat(500)}"{{{{` }));
    expect(parseJsonBody(body, 'Test')).toEqual({ text: `\\"${'['.repeat(500)}"{{{{` });
  });

  it('reads multi-byte UTF-8 text unchanged', () => {
    expect(parseJsonBody(Buffer.from('{"name":"Good trip ⛰️🏖️ [ok]"}'), 'Test')).toEqual({ name: 'Good trip ⛰️🏖️ [ok]' });
  });

  it.each([['empty', ''], ['truncated', '{"a":'], ['binary', '\u0000\u0001']])('rejects %s bodies as not JSON', (_label, body) => {
    expect(() => parseJsonBody(Buffer.from(body), 'Test')).toThrow(/^The Test webhook body is not valid JSON: /);
  });
});

describe('event times', () => {
  it('reads unix seconds given as numbers or digit strings', () => {
    expect(unixSecondsToIso(1755548877)).toBe('2025-08-18T20:27:57.000Z');
    expect(unixSecondsToIso('1755548877')).toBe('2025-08-18T20:27:57.000Z');
    expect(timestampKey(1755548877)).toBe(timestampKey('1755548877'));
  });

  it.each([['a placeholder', 'TIMESTAMP'], ['zero', 0], ['blank', ' '], ['out of range', 1e20], ['missing', undefined], ['an object', {}]])(
    'answers null for %s, so the caller falls back to the receive time',
    (_label, value) => {
      expect(unixSecondsToIso(value)).toBeNull();
    },
  );

  it('normalises RFC 3339 strings and rejects non-dates', () => {
    expect(isoTimeToIso('2026-05-13T02:00:00+02:00')).toBe('2026-05-13T00:00:00.000Z');
    expect(isoTimeToIso('soon')).toBeNull();
    expect(isoTimeToIso(1)).toBeNull();
  });
});

describe('eventErrorsAt', () => {
  it('reads snake_case and camelCase errors, with codes as numbers or strings', () => {
    const errors = eventErrorsAt({
      errors: [
        { code: '131211', title: 't', message: 'm', error_data: { details: 'd' } },
        { code: 131207, title: 't2', errorData: { details: 'd2' } },
        { code: 'ERROR_CODE' },
        'not an error',
        null,
      ],
    });
    expect(errors).toEqual([
      { code: 131211, title: 't', message: 'm', details: 'd' },
      { code: 131207, title: 't2', message: null, details: 'd2' },
      { code: null, title: null, message: null, details: null },
    ]);
  });

  it('answers [] when there is no errors array', () => {
    expect(eventErrorsAt({ errors: 'boom' })).toEqual([]);
    expect(eventErrorsAt(null)).toEqual([]);
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every level, so key order does not change an identity', () => {
    expect(canonicalJson({ b: 1, a: [{ d: null, c: 'x' }] })).toBe('{"a":[{"c":"x","d":null}],"b":1}');
    expect(canonicalJson({ a: [{ c: 'x', d: null }], b: 1 })).toBe(canonicalJson({ b: 1, a: [{ d: null, c: 'x' }] }));
  });
});
