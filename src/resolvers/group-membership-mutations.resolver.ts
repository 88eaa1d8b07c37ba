import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { GatewayContext } from '../context';
import { Group } from '../graph/group/group.type';
import {
  JoinRequestsInput,
  JoinRequestsPayload,
  RemoveParticipantsInput,
  RemoveParticipantsPayload,
  ResetInviteLinkInput,
  ResetInviteLinkPayload,
} from '../graph/mutations/group-membership.types';
import { requireId, validJoinRequestIds, validParticipants } from '../graph/mutations/input-validation';
import { requireMutationServices } from '../graph/mutations/mutation-services';
import { invalidateGroup, runTrackedWrite } from '../graph/mutations/tracked-write';
import { toGroupOperation } from '../graph/operations/to-group-operation';
import type { JoinRequestsResult } from '../upstream/types';

/** removeParticipants, resetInviteLink, approveJoinRequests, rejectJoinRequests. */
@Resolver()
export class GroupMembershipMutationsResolver {
  @Mutation(() => RemoveParticipantsPayload, {
    description: 'Removes 1 to 8 participants. The operation completes when the webhook arrives, listing who was removed and who was not.',
  })
  async removeParticipants(@Arg('input', () => RemoveParticipantsInput) input: RemoveParticipantsInput, @Ctx() ctx: GatewayContext): Promise<RemoveParticipantsPayload> {
    const services = requireMutationServices(ctx);
    const groupId = requireId('input.groupId', input.groupId);
    const participants = validParticipants('input.participants', input.participants);
    const phoneNumberId = ctx.loaders.phoneNumbers.get(groupId);
    const record = await runTrackedWrite({
      services,
      logger: ctx.logger,
      kind: 'REMOVE_PARTICIPANTS',
      groupId,
      phoneNumberId,
      input: { participants },
      write: () => ctx.upstream.removeParticipants(groupId, participants),
    });
    return { clientMutationId: input.clientMutationId ?? null, group: Group.of({ id: groupId, phoneNumberId }), operation: toGroupOperation(record) };
  }

  @Mutation(() => ResetInviteLinkPayload, { description: 'Replaces the invite link; every earlier link stops working.' })
  async resetInviteLink(@Arg('input', () => ResetInviteLinkInput) input: ResetInviteLinkInput, @Ctx() ctx: GatewayContext): Promise<ResetInviteLinkPayload> {
    const groupId = requireId('input.groupId', input.groupId);
    const inviteLink = await ctx.upstream.resetInviteLink(groupId);
    // The payload's group.inviteLink must be the new link, whatever this request read before.
    ctx.loaders.inviteLink.clear(groupId).prime(groupId, inviteLink);
    return { clientMutationId: input.clientMutationId ?? null, group: Group.of({ id: groupId, phoneNumberId: ctx.loaders.phoneNumbers.get(groupId) }), inviteLink };
  }

  @Mutation(() => JoinRequestsPayload, { description: 'Approves join requests; approved users become participants. Ids that fail are listed with their errors.' })
  async approveJoinRequests(@Arg('input', () => JoinRequestsInput) input: JoinRequestsInput, @Ctx() ctx: GatewayContext): Promise<JoinRequestsPayload> {
    const { groupId, ids } = validJoinRequests(input);
    return this.answer(input, ctx, groupId, await ctx.upstream.approveJoinRequests(groupId, ids));
  }

  @Mutation(() => JoinRequestsPayload, { description: 'Rejects join requests (the users may ask again). Ids that fail are listed with their errors.' })
  async rejectJoinRequests(@Arg('input', () => JoinRequestsInput) input: JoinRequestsInput, @Ctx() ctx: GatewayContext): Promise<JoinRequestsPayload> {
    const { groupId, ids } = validJoinRequests(input);
    return this.answer(input, ctx, groupId, await ctx.upstream.rejectJoinRequests(groupId, ids));
  }

  private async answer(input: JoinRequestsInput, ctx: GatewayContext, groupId: string, result: JoinRequestsResult): Promise<JoinRequestsPayload> {
    if (result.succeeded.length > 0) await invalidateGroup(requireMutationServices(ctx), groupId, ctx.logger);
    return {
      clientMutationId: input.clientMutationId ?? null,
      group: Group.of({ id: groupId, phoneNumberId: ctx.loaders.phoneNumbers.get(groupId) }),
      succeededJoinRequestIds: result.succeeded,
      failedJoinRequests: result.failed.map((failed) => ({ joinRequestId: failed.joinRequestId, errors: failed.errors })),
      errors: result.errors,
    };
  }
}

function validJoinRequests(input: JoinRequestsInput): { groupId: string; ids: string[] } {
  return { groupId: requireId('input.groupId', input.groupId), ids: validJoinRequestIds('input.joinRequestIds', input.joinRequestIds) };
}
