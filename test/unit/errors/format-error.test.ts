import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { formatGatewayError } from '../../../src/errors/format-error';
import { NotFoundError } from '../../../src/errors/gateway-errors';
import { UpstreamError } from '../../../src/upstream/upstream-error';

/** What graph-js makes of a value thrown in a resolver at `group`. */
function thrownAt(thrown: Error): GraphQLError {
  return new GraphQLError(thrown.message, { path: ['group'], originalError: thrown });
}

const formatted = (error: GraphQLError, extensions: Record<string, unknown>): GraphQLFormattedError => ({
  message: error.message,
  path: ['group'],
  locations: [{ line: 1, column: 3 }],
  extensions,
});

describe('formatGatewayError', () => {
  it('masks an unexpected error outside development, keeping only its location', () => {
    const error = thrownAt(new TypeError('secret internal detail'));
    const result = formatGatewayError(formatted(error, { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['TypeError: secret'] }), error, { exposeInternals: false });
    expect(result).toEqual({ message: 'Internal server error', path: ['group'], locations: [{ line: 1, column: 3 }], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });

  it('keeps the message and stack of an unexpected error in development', () => {
    const error = thrownAt(new TypeError('secret internal detail'));
    const result = formatGatewayError(formatted(error, { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['TypeError: secret'] }), error, { exposeInternals: true });
    expect(result.message).toBe('secret internal detail');
    expect(result.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', stacktrace: ['TypeError: secret'] });
  });

  it('gives an upstream error its gateway code and Graph numbers', () => {
    const error = thrownAt(new UpstreamError({ message: 'x', httpStatus: 429, code: 130429, fbtraceId: 'T', retryAfterSeconds: 3 }));
    const result = formatGatewayError(formatted(error, { code: 'INTERNAL_SERVER_ERROR' }), error, { exposeInternals: false });
    expect(result.extensions).toEqual({ code: 'RATE_LIMITED', retryAfterSeconds: 3, upstream: { code: 130429, subcode: null, fbtraceId: 'T' } });
    expect(result.path).toEqual(['group']);
  });

  it('passes deliberate errors and request errors through unchanged', () => {
    const notFound = thrownAt(new NotFoundError('Group g1 no longer exists'));
    const deliberate = formatted(notFound, { code: 'NOT_FOUND' });
    expect(formatGatewayError(deliberate, notFound, { exposeInternals: false })).toBe(deliberate);
    const validation = new GraphQLError('Cannot query field "nope" on type "Group".');
    const request = { message: validation.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } };
    expect(formatGatewayError(request, validation, { exposeInternals: false })).toBe(request);
  });
});
