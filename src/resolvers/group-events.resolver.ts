import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { SubscribeResolverData } from 'type-graphql';
import type { GatewayContext } from '../context';
import type { EventLogFilter } from '../events/event-log';
import type { StoredEvent } from '../events/event-model';
import { createEventStream } from '../events/event-stream';
import { BadUserInputError } from '../errors/gateway-errors';
import { toEventGraphQLError } from '../schema/events/event-errors';
import { lazyLoaders, loadersForEvent } from '../schema/events/event-loaders';
import { GroupEvent } from '../schema/events/group-event.interface';
import { GroupEventConnection } from '../schema/events/group-event-connection.type';
import { DEFAULT_EVENTS_PAGE_SIZE, GroupEventsArgs, GroupEventsFilterArgs, MAX_EVENTS_PAGE_SIZE } from '../schema/events/group-events.args';
import { resolveGroupReference } from '../schema/events/group-reference';
import type { StreamFailure } from '../schema/events/stream-failure';
import { isStreamFailure } from '../schema/events/stream-failure';
import { startSubscriptionSource } from './subscription-source';
import type { GroupEventNode } from '../schema/events/group-event-kinds';
import { toGroupEvent } from '../schema/events/group-event-kinds';
import { Group } from '../schema/group/group.type';
import { validateId } from '../schema/validation/ids.validation';

/**
 * The event history (`Query.groupEvents`, a Relay page of the log) and the live feed (`Subscription.groupEvents`,
 * resumable with `after`), plus `GroupEvent.group`.
 */
@Resolver(() => GroupEvent)
export class GroupEventsResolver {
  @Query(() => GroupEventConnection, {
    name: 'groupEvents',
    description:
      'Stored events, oldest first, paged forwards with `first`/`after`. Resume where a subscription or an earlier page stopped by passing its last cursor as `after`. A cursor past the log\'s retention fails with CURSOR_EXPIRED.',
  })
  async groupEventsPage(@Args(() => GroupEventsArgs) args: GroupEventsArgs, @Ctx() ctx: GatewayContext): Promise<GroupEventConnection> {
    const filter = parseFilter(args);
    const first = parseFirst(args.first ?? null);
    const after = args.after ?? null;
    let page;
    try {
      page = await ctx.events.log.read({ ...filter, after, limit: first });
    } catch (error) {
      throw toEventGraphQLError(error);
    }
    const edges = page.events.map((event) => ({ cursor: event.cursor, node: toGroupEvent(event) }));
    return {
      edges,
      nodes: edges.map((edge) => edge.node),
      pageInfo: {
        hasNextPage: page.hasMore,
        hasPreviousPage: after !== null,
        startCursor: edges.length === 0 ? null : edges[0].cursor,
        endCursor: edges.length === 0 ? null : edges[edges.length - 1].cursor,
      },
    };
  }

  @Subscription(() => GroupEvent, {
    name: 'groupEvents',
    description:
      'Events as they are stored, in log order per group. With `after`, first replays every stored event after that cursor, then continues live with no gap and no duplicate. Ends with SUBSCRIBER_TOO_SLOW (extensions.resumeAfter) when the client falls too far behind, CURSOR_EXPIRED for a cursor past retention.',
    subscribe: (data: SubscribeResolverData<unknown, GroupEventsFilterArgs, GatewayContext>) => subscribeToGroupEvents(data.args, data.context),
  })
  groupEventsLive(
    @Root() payload: StoredEvent | StreamFailure,
    @Args(() => GroupEventsFilterArgs) _args: GroupEventsFilterArgs,
    @Ctx() ctx: GatewayContext,
  ): GroupEventNode {
    if (isStreamFailure(payload)) throw payload.error;
    // Fresh loaders per emission, made only if the selection reads the group: never a subscription-long cache.
    return toGroupEvent(payload, lazyLoaders(() => ctx.createLoaders()));
  }

  @FieldResolver(() => Group, {
    nullable: true,
    description: 'The group as it is now (fetched only when a field beyond `id` is selected); null when it no longer exists or the business is no longer a member.',
  })
  async group(@Root() event: GroupEvent, @Ctx() ctx: GatewayContext, @Info() info: GraphQLResolveInfo): Promise<Group | null> {
    // A create refused before the group existed has no group to resolve.
    if (event.groupId === null) return null;
    return resolveGroupReference({ groupId: event.groupId, phoneNumberId: event.phoneNumberId, loaders: loadersForEvent(event, ctx), info });
  }
}

async function subscribeToGroupEvents(args: GroupEventsFilterArgs, ctx: GatewayContext): Promise<AsyncIterable<StoredEvent | StreamFailure>> {
  const filter = parseFilter(args);
  const { events, logger } = ctx;
  const stream = createEventStream({
    bus: events.bus,
    log: events.log,
    topics: events.topics,
    filter,
    after: args.after ?? null,
    queueLimit: events.subscriberQueueLimit,
    logger,
    ...(events.decoder === undefined ? {} : { decoder: events.decoder }),
    ...(events.streamObserver === undefined ? {} : { observer: events.streamObserver }),
  });
  return startSubscriptionSource(stream, { logger, field: 'groupEvents' });
}

function parseFilter(args: GroupEventsFilterArgs): EventLogFilter {
  const groupId = args.groupId ?? null;
  const phoneNumberId = args.phoneNumberId ?? null;
  if (groupId !== null) validateId('groupId', groupId);
  if (phoneNumberId !== null) validateId('phoneNumberId', phoneNumberId);
  const types = args.types == null || args.types.length === 0 ? null : [...new Set(args.types)];
  return { groupId, phoneNumberId, types };
}

function parseFirst(first: number | null): number {
  if (first === null) return DEFAULT_EVENTS_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_EVENTS_PAGE_SIZE) {
    throw new BadUserInputError(`\`first\` must be between 1 and ${MAX_EVENTS_PAGE_SIZE}, got ${first}`, { argumentName: 'first' });
  }
  return first;
}
