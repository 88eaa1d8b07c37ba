import type { GraphQLError } from 'graphql';
import { CursorExpiredError, EventLogUnavailableError, InvalidCursorError } from '../../events/event-log';
import { SubscriberTooSlowError } from '../../events/subscriber-too-slow-error';
import { GatewayErrorCode } from '../../errors/gateway-error-code';
import { BadUserInputError, GatewayError, InternalServerError } from '../../errors/gateway-errors';
import { toGraphQLError } from '../../errors/to-graphql-error';

/**
 * What a client sees for a failure of the event log or an event stream: the events layer's errors mapped to their
 * GraphQL codes. `after` is the argument both `groupEvents` fields take their cursor in.
 */
export function toEventGraphQLError(error: unknown): GraphQLError {
  if (error instanceof CursorExpiredError) {
    const message = '`after` points before the oldest event the log still holds (retention); start again without `after`';
    return new GatewayError(message, { code: GatewayErrorCode.CURSOR_EXPIRED, argumentName: 'after' });
  }
  if (error instanceof InvalidCursorError) {
    if (error.reason !== null) return new BadUserInputError(`\`after\` cannot be used here: ${error.reason}`, { argumentName: 'after' });
    return new BadUserInputError('`after` is not an event cursor issued by this gateway: pass the `cursor` of an event or a page\'s `endCursor`', {
      argumentName: 'after',
    });
  }
  if (error instanceof SubscriberTooSlowError) {
    // `resumeAfter` lets the client continue without a gap.
    return new GatewayError(error.message, { code: GatewayErrorCode.SUBSCRIBER_TOO_SLOW, resumeAfter: error.resumeAfter, queueLimit: error.queueLimit });
  }
  if (error instanceof EventLogUnavailableError) {
    return new InternalServerError('The event log is temporarily unavailable; retry shortly', { cause: error });
  }
  return toGraphQLError(error);
}
