import type { GraphQLError } from 'graphql';
import { SubscriberTooSlowError } from '../events/subscriber-too-slow-error';
import { ensureError } from '../lib/errors';
import type { Logger } from '../lib/logger';
import { toEventGraphQLError } from '../schema/events/event-errors';
import type { StreamFailure } from '../schema/events/stream-failure';
import { endWithFailurePayload } from '../schema/events/stream-failure';

/** What both live sources (an event stream, an operation's channel) offer a subscription resolver. */
interface ReadySource<T> extends AsyncIterator<T> {
  readonly ready: Promise<void>;
  return(): Promise<IteratorResult<T>>;
}

export interface SubscriptionSourceOptions {
  logger: Logger;
  /** The root field, for the operator's log line. */
  field: string;
  /** Extra fields for the log line (e.g. the operation id). */
  logFields?: Record<string, unknown>;
}

/**
 * Waits until the source is live, so that a bad cursor or an unreachable log is the subscription's first answer
 * (graphql-ws sends it as an `error` message), then turns a later failure into a last payload. A too-slow
 * subscriber is not logged here: the stream logged it when its queue overflowed.
 */
export async function startSubscriptionSource<T>(stream: ReadySource<T>, options: SubscriptionSourceOptions): Promise<AsyncIterableIterator<T | StreamFailure, undefined>> {
  try {
    await stream.ready;
  } catch (error) {
    await stream.return();
    throw toEventGraphQLError(error);
  }
  return endWithFailurePayload(stream, (error): GraphQLError => {
    if (!(error instanceof SubscriberTooSlowError)) options.logger.error({ err: ensureError(error), ...options.logFields }, `${options.field} subscription failed`);
    return toEventGraphQLError(error);
  });
}
