import { Arg, Ctx, ID, Resolver, Root, Subscription } from 'type-graphql';
import type { SubscribeResolverData } from 'type-graphql';
import type { GatewayContext } from '../context';
import { createChannelStream } from '../events/stream/channel-stream';
import { lazyLoaders } from '../schema/events/event-loaders';
import type { StreamFailure } from '../schema/events/stream-failure';
import { isStreamFailure } from '../schema/events/stream-failure';
import { startSubscriptionSource } from './subscription-source';
import { GroupOperation } from '../schema/operations/operation.type';
import { toGroupOperation } from '../schema/operations/to-group-operation';
import { validateId } from '../schema/validation/ids.validation';
import type { OperationRecord } from '../operations/operation';
import { parseOperationMessage } from '../operations/operation-updates';

/**
 * `Subscription.operationUpdated(id)`: the operation's current state first (when it exists), then each change
 * published on its channel, ending after the final status (SUCCEEDED or FAILED). `GroupOperation.group` reads the
 * fresh loaders attached here (loadersForEvent).
 */
@Resolver(() => GroupOperation)
export class OperationUpdatedResolver {
  @Subscription(() => GroupOperation, {
    description:
      'Follows an asynchronous write (createGroup, ...): sends its current state, then every change, and completes after the final status (SUCCEEDED or FAILED).',
    subscribe: (data: SubscribeResolverData<unknown, { id: string }, GatewayContext>) => subscribeToOperation(data.args.id, data.context),
  })
  operationUpdated(
    @Root() payload: OperationRecord | StreamFailure,
    @Arg('id', () => ID, { description: 'The operation id (`operation.id` of the mutation payload).' }) _id: string,
    @Ctx() ctx: GatewayContext,
  ): GroupOperation {
    if (isStreamFailure(payload)) throw payload.error;
    return toGroupOperation(payload, lazyLoaders(() => ctx.createLoaders()));
  }
}

async function subscribeToOperation(id: string, ctx: GatewayContext): Promise<AsyncIterable<OperationRecord | StreamFailure>> {
  const writes = ctx.mutations;
  validateId('id', id);
  const { events, logger } = ctx;
  const stream = createChannelStream<OperationRecord>({
    bus: events.bus,
    channel: events.topics.operation(id),
    queueLimit: events.subscriberQueueLimit,
    logger,
    decode: (message) => decodeOperation(message, id),
    initial: () => writes.getOperation(id),
    supersedes: (value, last) => value.status !== last.status || value.updatedAt > last.updatedAt,
    isFinal: (value) => value.status !== 'PENDING',
    ...(events.streamObserver === undefined ? {} : { observer: events.streamObserver }),
  });
  return startSubscriptionSource(stream, { logger, field: 'operationUpdated', logFields: { operationId: id } });
}

function decodeOperation(message: string, id: string): OperationRecord {
  const record = parseOperationMessage(message);
  if (record === null || record.id !== id) throw new TypeError(`Operation channel message is not the record of operation ${id}: ${message.slice(0, 200)}`);
  return record;
}
