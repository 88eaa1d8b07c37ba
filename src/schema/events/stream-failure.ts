import type { GraphQLError } from 'graphql';
import type { CatchUpFeed } from '../../lib/detachable-feed';
import { canReportCatchUp, FEED_CAUGHT_UP } from '../../lib/detachable-feed';

/** The last payload of a source stream that failed: the subscription's resolver throws its error. */
export class StreamFailure {
  constructor(readonly error: GraphQLError) {}
}

export function isStreamFailure(value: unknown): value is StreamFailure {
  return value instanceof StreamFailure;
}

/**
 * Wraps a subscription's source so that a failure becomes one last payload (a StreamFailure) followed by the end,
 * instead of a rejected next(). graphql-js then executes it (the resolver throws) and graphql-ws sends a `next`
 * with the error in `errors` (extensions.code intact) and then `complete`: the same two messages every time,
 * where a thrown source error would become a bare `error` message with a re-created GraphQLError.
 */
export function endWithFailurePayload<T>(source: AsyncIterator<T>, toError: (error: unknown) => GraphQLError): AsyncIterableIterator<T | StreamFailure, undefined> & CatchUpFeed {
  let finished = false;
  const done: IteratorResult<T | StreamFailure, undefined> = { value: undefined, done: true };
  const iterator: AsyncIterableIterator<T | StreamFailure, undefined> & CatchUpFeed = {
    async next() {
      if (finished) return done;
      try {
        const result = await source.next();
        if (result.done === true) {
          finished = true;
          return done;
        }
        return { value: result.value, done: false };
      } catch (error) {
        if (finished) return done;
        finished = true;
        return { value: new StreamFailure(toError(error)), done: false };
      }
    },
    async return() {
      finished = true;
      await source.return?.();
      return done;
    },
    async throw(error?: unknown) {
      finished = true;
      await source.return?.();
      throw error;
    },
    // Passed through: a replaying subscription hands over to a broadcast group once its source has caught up.
    [FEED_CAUGHT_UP]: () => (finished || !canReportCatchUp(source) ? null : source[FEED_CAUGHT_UP]()),
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}
