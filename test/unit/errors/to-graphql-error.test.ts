import { GraphQLError } from 'graphql';
import { GatewayErrorCode } from '../../../src/errors/gateway-error-code';
import { BadUserInputError } from '../../../src/errors/gateway-errors';
import { toGraphQLError } from '../../../src/errors/to-graphql-error';
import { UpstreamError } from '../../../src/upstream/upstream-error';

function upstream(init: Partial<ConstructorParameters<typeof UpstreamError>[0]>): UpstreamError {
  return new UpstreamError({ message: 'upstream said no', httpStatus: 400, fbtraceId: 'AbCdEf', ...init });
}

describe('toGraphQLError', () => {
  it('maps 131041 to NOT_FOUND and keeps the Graph numbers', () => {
    const error = toGraphQLError(upstream({ code: 131041, subcode: 2494010 }));
    expect(error.message).toBe('The group does not exist or the business is not a member of it (upstream 131041)');
    expect(error.extensions).toEqual({ code: GatewayErrorCode.NOT_FOUND, upstream: { code: 131041, subcode: 2494010, fbtraceId: 'AbCdEf' } });
  });

  it.each([
    ['HTTP 429', { httpStatus: 429, code: 130429 }],
    ['code 4 answered with HTTP 400', { httpStatus: 400, code: 4 }],
    ['group rate limit 131208', { httpStatus: 429, code: 131208 }],
  ])('maps a rate limit (%s) to RATE_LIMITED with retryAfterSeconds', (_what, init) => {
    const error = toGraphQLError(upstream({ ...init, retryAfterSeconds: 7 }));
    expect(error.extensions).toMatchObject({ code: GatewayErrorCode.RATE_LIMITED, retryAfterSeconds: 7, upstream: { code: init.code } });
    expect(error.message).toContain('retry after 7 seconds');
  });

  it.each([
    ['code 4', { httpStatus: 400, code: 4 }, 60],
    ['80007', { httpStatus: 400, code: 80007 }, 60],
    ['130429', { httpStatus: 429, code: 130429 }, 1],
    ['131056 (4^0, the first step of the pair back-off)', { httpStatus: 400, code: 131056 }, 1],
    ['131208', { httpStatus: 400, code: 131208 }, 60],
    ['a bare HTTP 429 without a code', { httpStatus: 429, code: null }, 60],
  ])('gives RATE_LIMITED the documented default wait when the upstream did not say (%s)', (_what, init, seconds) => {
    const error = toGraphQLError(upstream(init));
    expect(error.extensions).toMatchObject({ code: GatewayErrorCode.RATE_LIMITED, retryAfterSeconds: seconds });
    expect(error.message).toContain(`retry after ${seconds} seconds`);
  });

  it.each([
    ['a timeout (no HTTP answer)', { httpStatus: null, code: null }, 'could not be reached'],
    ['HTTP 503', { httpStatus: 503, code: 2 }, 'answered HTTP 503'],
  ])('maps %s to UPSTREAM_UNAVAILABLE', (_what, init, fragment) => {
    const error = toGraphQLError(upstream(init));
    expect(error.extensions).toMatchObject({ code: GatewayErrorCode.UPSTREAM_UNAVAILABLE, upstream: { code: init.code } });
    expect(error.message).toContain(fragment);
  });

  it('maps 131207 to FORBIDDEN with the reason', () => {
    const error = toGraphQLError(upstream({ httpStatus: 403, code: 131207, details: 'Group is suspended for policy violations' }));
    expect(error.extensions.code).toBe(GatewayErrorCode.FORBIDDEN);
    expect(error.message).toBe('The group is suspended by WhatsApp: Group is suspended for policy violations (upstream 131207)');
  });

  it.each([
    [131211, 'group creation limit'],
    [131214, 'excessive marketing messages'],
    [131215, 'not eligible for the Groups API'],
  ])('maps account limit %i to UPSTREAM_ERROR with a clear message', (code, fragment) => {
    const error = toGraphQLError(upstream({ code, details: 'see Meta' }));
    expect(error.extensions).toMatchObject({ code: GatewayErrorCode.UPSTREAM_ERROR, upstream: { code } });
    expect(error.message).toContain(fragment);
    expect(error.message).toContain(`(upstream ${code}): see Meta`);
  });

  it('maps an expired upstream cursor (131059) to CURSOR_EXPIRED', () => {
    expect(toGraphQLError(upstream({ code: 131059 })).extensions.code).toBe(GatewayErrorCode.CURSOR_EXPIRED);
  });

  it('maps any other upstream error to UPSTREAM_ERROR with its reason', () => {
    const error = toGraphQLError(upstream({ code: 100, userMessage: 'Invalid parameter' }));
    expect(error.message).toBe('The WhatsApp Groups API rejected the request: Invalid parameter');
    expect(error.extensions).toEqual({ code: GatewayErrorCode.UPSTREAM_ERROR, upstream: { code: 100, subcode: null, fbtraceId: 'AbCdEf' } });
  });

  it('passes deliberate GraphQL errors through and hides anything else', () => {
    const bad = new BadUserInputError('`id` must not be empty', { argumentName: 'id' });
    expect(toGraphQLError(bad)).toBe(bad);
    const plain = new GraphQLError('already a GraphQL error');
    expect(toGraphQLError(plain)).toBe(plain);
    const hidden = toGraphQLError(new TypeError('Cannot read properties of undefined'));
    expect(hidden.message).toBe('Internal server error');
    expect(hidden.extensions.code).toBe(GatewayErrorCode.INTERNAL_SERVER_ERROR);
  });
});
