import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../context';
import { loadersForEvent } from '../schema/events/event-loaders';
import { resolveGroupReference } from '../schema/events/group-reference';
import { Group } from '../schema/group/group.type';
import { GroupOperation } from '../schema/operations/operation.type';
import { toGroupOperation } from '../schema/operations/to-group-operation';
import { validateId } from '../schema/validation/ids.validation';

/** `Query.operation(id)` and the operation's `group`, for query, mutation and subscription results alike. */
@Resolver(() => GroupOperation)
export class OperationQueryResolver {
  @Query(() => GroupOperation, { nullable: true, description: 'An asynchronous write by its id (createGroup: the upstream request id); null when unknown or expired.' })
  async operation(@Arg('id', () => ID, { description: 'The operation id.' }) id: string, @Ctx() ctx: GatewayContext): Promise<GroupOperation | null> {
    validateId('id', id);
    const record = await ctx.mutations.getOperation(id);
    return record === null ? null : toGroupOperation(record);
  }

  @FieldResolver(() => Group, {
    nullable: true,
    description: 'The group written to; for createGroup, the new group once SUCCEEDED (null before). Null when the group no longer exists and fields beyond `id` are selected.',
  })
  async group(@Root() operation: GroupOperation, @Ctx() ctx: GatewayContext, @Info() info: GraphQLResolveInfo): Promise<Group | null> {
    if (operation.groupId === null || (operation.kind === 'CREATE_GROUP' && operation.status !== 'SUCCEEDED')) return null;
    return resolveGroupReference({ groupId: operation.groupId, phoneNumberId: operation.phoneNumberId, loaders: loadersForEvent(operation, ctx), info });
  }
}
