import { GraphQLDateTime } from 'graphql-scalars';
import { Args, Ctx, FieldResolver, ID, Int, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../context';
import { BadUserInputError, NotFoundError } from '../errors/gateway-errors';
import { JoinApprovalMode, toJoinApprovalMode } from '../schema/group/join-approval-mode.enum';
import { JoinRequestConnection } from '../schema/group/join-request-connection.type';
import { toJoinRequest } from '../schema/group/join-request.type';
import { Group } from '../schema/group/group.type';
import { JoinRequestsArgs } from '../schema/group/join-requests.args';
import { Participant, toParticipant } from '../schema/group/participant.type';
import { parseConnectionArgs } from '../schema/relay/page-args';
import type { GroupField, UpstreamGroup } from '../upstream/types';
import { UpstreamError } from '../upstream/upstream-error';
import { loadRelayPage } from './relay-pager';

/**
 * Group fields backed by the Groups API. Each reads the group's snapshot, and only a field the snapshot lacks
 * goes to the loader, where every such lookup of the tick is merged into one upstream call.
 */
@Resolver(() => Group)
export class GroupFieldsResolver {
  @FieldResolver(() => ID, { nullable: true, description: 'The business phone number id the group belongs to; null when this request could not learn it (the Groups API has no such field).' })
  phoneNumberId(@Root() group: Group, @Ctx() ctx: GatewayContext): string | null {
    return group.phoneNumberIdHint ?? ctx.loaders.phoneNumbers.get(group.id);
  }

  @FieldResolver(() => String, {
    description: 'The group name (1 to 128 characters). Every group has one: an upstream answer without it fails the field with UPSTREAM_ERROR.',
  })
  async subject(@Root() group: Group, @Ctx() ctx: GatewayContext): Promise<string> {
    return present(group, 'subject', (await read(group, 'subject', ctx)).subject);
  }

  @FieldResolver(() => String, { nullable: true, description: 'The group description (at most 2048 characters), when set.' })
  async description(@Root() group: Group, @Ctx() ctx: GatewayContext): Promise<string | null> {
    return (await read(group, 'description', ctx)).description ?? null;
  }

  @FieldResolver(() => Boolean, { nullable: true, description: 'True while WhatsApp has suspended the group.' })
  async suspended(@Root() group: Group, @Ctx() ctx: GatewayContext): Promise<boolean | null> {
    return (await read(group, 'suspended', ctx)).suspended ?? null;
  }

  @FieldResolver(() => GraphQLDateTime, {
    description: 'When the group was created. Every group has a creation time: an upstream answer without it fails the field with UPSTREAM_ERROR.',
  })
  async createdAt(@Root() group: Group, @Ctx() ctx: GatewayContext): Promise<Date> {
    return present(group, 'creation_timestamp', (await read(group, 'creation_timestamp', ctx)).createdAt);
  }

  @FieldResolver(() => JoinApprovalMode, { nullable: true, description: 'Whether joining through the invite link needs the business\'s approval.' })
  async joinApprovalMode(@Root() group: Group, @Ctx() ctx: GatewayContext): Promise<JoinApprovalMode | null> {
    return toJoinApprovalMode((await read(group, 'join_approval_mode', ctx)).joinApprovalMode);
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Number of participants, not counting the business.' })
  async totalParticipantCount(@Root() group: Group, @Ctx() ctx: GatewayContext): Promise<number | null> {
    return (await read(group, 'total_participant_count', ctx)).totalParticipantCount ?? null;
  }

  @FieldResolver(() => [Participant], { description: 'The participants (at most 8), not counting the business.' })
  async participants(@Root() group: Group, @Ctx() ctx: GatewayContext): Promise<Participant[]> {
    return ((await read(group, 'participants', ctx)).participants ?? []).map(toParticipant);
  }

  @FieldResolver(() => String, { nullable: true, description: 'The current invite link (https://chat.whatsapp.com/...). Costs one upstream call per group, made only when selected.' })
  async inviteLink(@Root() group: Group, @Ctx() ctx: GatewayContext): Promise<string> {
    return ctx.loaders.inviteLink.load(group.id);
  }

  @FieldResolver(() => JoinRequestConnection, {
    description: 'Pending join requests (groups with APPROVAL_REQUIRED), paged the Relay way (`first`/`after` forwards, `last`/`before` backwards). Fetched only when selected.',
  })
  async joinRequests(@Root() group: Group, @Args(() => JoinRequestsArgs) args: JoinRequestsArgs, @Ctx() ctx: GatewayContext): Promise<JoinRequestConnection> {
    const pageArgs = parseConnectionArgs(args, 'joinRequests');
    const [cursor, argumentName] = pageArgs.direction === 'forward' ? [pageArgs.after, 'after'] : [pageArgs.before, 'before'];
    if (cursor !== null && cursor.scope !== group.id) {
      throw new BadUserInputError(`\`${argumentName}\` is a cursor of the join requests of another group (${cursor.scope})`, { argumentName });
    }
    const page = await loadRelayPage({
      kind: 'joinRequests',
      scope: group.id,
      args: pageArgs,
      fetchPage: (request) => ctx.loaders.joinRequests.list(group.id, request),
      idOf: (request) => request.joinRequestId,
    });
    const edges = page.edges.map((edge) => ({ cursor: edge.cursor, node: toJoinRequest(edge.node, group) }));
    return { edges, nodes: edges.map((edge) => edge.node), pageInfo: page.pageInfo };
  }
}

/**
 * A field every group has. The parsers already refuse an upstream answer without it; a snapshot that still lacks it
 * (a cache entry written before they did) is reported as the upstream's fault, never answered as null.
 */
function present<T>(group: Group, field: GroupField, value: T | null | undefined): T {
  if (value === undefined || value === null) throw new UpstreamError({ message: `The Groups API gave no ${field} for group ${group.id}; every group has one`, httpStatus: 200, isTransient: false });
  return value;
}

/** The group's data with `field` filled in, from the snapshot or the loader. */
async function read(group: Group, field: GroupField, ctx: GatewayContext): Promise<UpstreamGroup> {
  if (group.snapshot.fields.has(field)) return group.snapshot.group;
  const loaded = await ctx.loaders.group.load(group.id, [field]);
  if (loaded === null) throw new NotFoundError(`Group ${group.id} no longer exists or the business is no longer a member`);
  return loaded;
}
