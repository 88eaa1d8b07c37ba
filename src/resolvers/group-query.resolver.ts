import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, ID, Info, Query, Resolver } from 'type-graphql';
import type { GatewayContext } from '../context';
import { BadUserInputError } from '../errors/gateway-errors';
import { GroupConnection } from '../schema/group/group-connection.type';
import { Group } from '../schema/group/group.type';
import { GroupsArgs } from '../schema/group/groups.args';
import { parseConnectionArgs } from '../schema/relay/page-args';
import { MAX_IDS_PER_LOOKUP, validateId, validateIds } from '../schema/validation/ids.validation';
import type { GroupField, UpstreamGroup, UpstreamGroupSummary } from '../upstream/types';
import { selectedGroupFields } from '../schema/group/group-field-selection';
import { loadRelayPage } from './relay-pager';

/** Fields the list endpoint returns for every group, so a page needs no lookup for them. */
const SUMMARY_FIELDS: readonly GroupField[] = ['subject', 'creation_timestamp'];

@Resolver(() => Group)
export class GroupQueryResolver {
  @Query(() => Group, { nullable: true, description: 'A group by id; null when it does not exist or the business is not a member.' })
  async group(
    @Arg('id', () => ID, { description: 'The group id.' }) id: string,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Group | null> {
    validateId('id', id);
    const fields = selectedGroupFields(info);
    const found = await ctx.loaders.group.load(id, fields);
    return found === null ? null : toGroup(found, fields, ctx);
  }

  @Query(() => [Group], {
    nullable: 'items',
    description: 'Groups by id, in the order asked: one entry per id (repeats included), null where a group does not exist.',
  })
  async groupsByIds(
    @Arg('ids', () => [ID], { description: `Group ids (1..${MAX_IDS_PER_LOOKUP}); repeats are answered at each position.` }) ids: string[],
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<(Group | null | Error)[]> {
    validateIds('ids', ids);
    const fields = selectedGroupFields(info);
    const results = await ctx.loaders.group.loadMany(ids, fields);
    // An Error item becomes null plus an error at that index (graphql-js), so one failed id spares the others.
    return results.map((result) => (result instanceof Error || result === null ? result : toGroup(result, fields, ctx)));
  }

  @Query(() => GroupConnection, { description: 'The active groups of a business phone number, paged the Relay way (`first`/`after` forwards, `last`/`before` backwards).' })
  async groups(@Args(() => GroupsArgs) args: GroupsArgs, @Ctx() ctx: GatewayContext): Promise<GroupConnection> {
    const pageArgs = parseConnectionArgs(args, 'groups');
    const cursor = pageArgs.direction === 'forward' ? pageArgs.after : pageArgs.before;
    const phoneNumberId = resolvePhoneNumberId(args.phoneNumberId ?? null, cursor?.scope ?? null, pageArgs.direction === 'forward' ? 'after' : 'before', ctx);
    const page = await loadRelayPage<UpstreamGroupSummary>({
      kind: 'groups',
      scope: phoneNumberId,
      args: pageArgs,
      fetchPage: (request) => ctx.loaders.groupPages.list(phoneNumberId, request),
      idOf: (summary) => summary.id,
    });
    const edges = page.edges.map((edge) => {
      ctx.loaders.phoneNumbers.remember(edge.node.id, phoneNumberId);
      const snapshot = { group: { id: edge.node.id, subject: edge.node.subject, createdAt: edge.node.createdAt }, fields: new Set(SUMMARY_FIELDS) };
      return { cursor: edge.cursor, node: Group.of({ id: edge.node.id, snapshot, phoneNumberId }) };
    });
    return { edges, nodes: edges.map((edge) => edge.node), pageInfo: page.pageInfo };
  }
}

function toGroup(group: UpstreamGroup, fields: readonly GroupField[], ctx: GatewayContext): Group {
  return Group.of({ id: group.id, snapshot: { group, fields: new Set(fields) }, phoneNumberId: ctx.loaders.phoneNumbers.get(group.id) });
}

/** The argument wins, then the cursor's list, then the configured default; a cursor of another number is refused. */
function resolvePhoneNumberId(argument: string | null, fromCursor: string | null, cursorArgument: string, ctx: GatewayContext): string {
  if (argument !== null) validateId('phoneNumberId', argument);
  if (argument !== null && fromCursor !== null && argument !== fromCursor) {
    throw new BadUserInputError(`\`${cursorArgument}\` is a cursor of phone number ${fromCursor}, not of ${argument}`, { argumentName: cursorArgument });
  }
  const phoneNumberId = argument ?? fromCursor ?? ctx.defaultPhoneNumberId;
  if (phoneNumberId === null) {
    throw new BadUserInputError('`phoneNumberId` is required: no default is configured (set WHATSAPP_PHONE_NUMBER_ID)', { argumentName: 'phoneNumberId' });
  }
  return phoneNumberId;
}
