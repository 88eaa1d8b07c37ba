import { GraphQLError } from 'graphql';
import { UpstreamError } from '../upstream/upstream-error';
import { GatewayErrorCode } from './gateway-error-code';
import type { UpstreamErrorExtension } from './gateway-errors';
import { retryAfterSecondsOf } from './rate-limit-wait';
import {
  ForbiddenError,
  GatewayError,
  InternalServerError,
  NotFoundError,
  RateLimitedError,
  UpstreamGraphQLError,
  UpstreamUnavailableError,
} from './gateway-errors';

/** Graph API codes with a meaning of their own (docs/groups-api.md#error-codes). */
const GROUP_SUSPENDED = 131207;
const INVALID_CURSOR = 131059;
const ACCOUNT_LIMIT_MESSAGES: ReadonlyMap<number, string> = new Map([
  [131211, 'The business phone number has reached its group creation limit'],
  [131214, 'Group creation is temporarily disabled for this business phone number because of excessive marketing messages in the last 7 days'],
  [131215, 'This business phone number is not eligible for the Groups API (it needs an Official Business Account; Coexistence and Multi-solution Conversations numbers are not supported)'],
]);

/**
 * The one mapping from anything thrown to what a GraphQL client sees. Deliberate GraphQLErrors pass through,
 * UpstreamErrors keep their Graph numbers in `extensions.upstream`, everything else becomes INTERNAL_SERVER_ERROR.
 */
export function toGraphQLError(error: unknown): GraphQLError {
  if (error instanceof GraphQLError) return error;
  if (error instanceof UpstreamError) return fromUpstreamError(error);
  return new InternalServerError(undefined, { cause: error });
}

function fromUpstreamError(error: UpstreamError): GatewayError {
  const upstream: UpstreamErrorExtension = { code: error.code, subcode: error.subcode, fbtraceId: error.fbtraceId };
  const cause = { cause: error };
  const reason = error.details ?? error.userMessage ?? error.message;

  if (error.isNotFound) {
    return new NotFoundError(`The group does not exist or the business is not a member of it (upstream ${error.code})`, { upstream }, cause);
  }
  if (error.isRateLimited) {
    const retryAfterSeconds = retryAfterSecondsOf(error);
    return new RateLimitedError(
      `The WhatsApp Groups API rate limit was reached (upstream ${error.code ?? error.httpStatus}); retry after ${retryAfterSeconds} seconds`,
      { upstream, retryAfterSeconds },
      cause,
    );
  }
  if (error.code === GROUP_SUSPENDED) {
    return new ForbiddenError(`The group is suspended by WhatsApp: ${reason} (upstream ${GROUP_SUSPENDED})`, { upstream }, cause);
  }
  if (error.code === INVALID_CURSOR) {
    const message = `The upstream paging cursor expired or is corrupted; page again from the start (upstream ${INVALID_CURSOR})`;
    return new GatewayError(message, { code: GatewayErrorCode.CURSOR_EXPIRED, upstream }, cause);
  }
  const accountLimit = error.code === null ? undefined : ACCOUNT_LIMIT_MESSAGES.get(error.code);
  if (accountLimit !== undefined) {
    return new UpstreamGraphQLError(`${accountLimit} (upstream ${error.code}): ${reason}`, { upstream }, cause);
  }
  if (error.isUnavailable) {
    const what = error.httpStatus === null ? 'could not be reached' : `answered HTTP ${error.httpStatus}`;
    // An open circuit breaker (or a 503 with Retry-After) says when to try again.
    if (error.retryAfterSeconds !== null) return new UpstreamUnavailableError(`The WhatsApp Groups API is unavailable; retry after ${error.retryAfterSeconds} seconds`, { upstream, retryAfterSeconds: error.retryAfterSeconds }, cause);
    return new UpstreamUnavailableError(`The WhatsApp Groups API ${what} after retries; try again later`, { upstream }, cause);
  }
  return new UpstreamGraphQLError(`The WhatsApp Groups API rejected the request: ${reason}`, { upstream }, cause);
}
