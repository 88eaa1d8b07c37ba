import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { GatewayContext } from '../context';
import { mutationInput } from '../schema/mutations/relay-mutation.types';
import { Group } from '../schema/group/group.type';
import {
  DeleteInviteLinkInput,
  DeleteInviteLinkPayload,
  JoinRequestsInput,
  JoinRequestsPayload,
  RemoveParticipantsInput,
  RemoveParticipantsPayload,
  ResetInviteLinkInput,
  ResetInviteLinkPayload,
} from '../schema/mutations/group-membership.types';
import { requireId, validJoinRequestIds, validParticipants } from '../schema/mutations/input-validation';
import { toGroupOperation } from '../schema/operations/to-group-operation';
import type { JoinRequestsResult } from '../upstream/types';

/** removeParticipants, resetInviteLink, deleteInviteLink, approveJoinRequests, rejectJoinRequests (src/operations/write-service.ts). */
@Resolver()
export class GroupMembershipMutationsResolver {
  @Mutation(() => RemoveParticipantsPayload, {
    description: 'Removes 1 to 8 participants. The operation completes when the webhook arrives, listing who was removed and who was not.',
  })
  async removeParticipants(@Arg('input', () => RemoveParticipantsInput, mutationInput('The group and the 1 to 8 participants to remove.')) input: RemoveParticipantsInput, @Ctx() ctx: GatewayContext): Promise<RemoveParticipantsPayload> {
    const writes = ctx.mutations;
    const groupId = requireId('input.groupId', input.groupId);
    const participants = validParticipants('input.participants', input.participants);
    const phoneNumberId = ctx.loaders.phoneNumbers.get(groupId);
    const record = await writes.removeParticipants(ctx, { groupId, phoneNumberId, participants });
    return { clientMutationId: input.clientMutationId ?? null, group: Group.of({ id: groupId, phoneNumberId }), operation: toGroupOperation(record) };
  }

  @Mutation(() => ResetInviteLinkPayload, { description: 'Replaces the invite link; every earlier link stops working.' })
  async resetInviteLink(@Arg('input', () => ResetInviteLinkInput, mutationInput('The group whose invite link to replace.')) input: ResetInviteLinkInput, @Ctx() ctx: GatewayContext): Promise<ResetInviteLinkPayload> {
    const writes = ctx.mutations;
    const groupId = requireId('input.groupId', input.groupId);
    const inviteLink = await writes.resetInviteLink(ctx, { groupId });
    // The payload's group.inviteLink must be the new link, whatever this request read before.
    ctx.loaders.inviteLink.remember(groupId, inviteLink);
    return { clientMutationId: input.clientMutationId ?? null, group: Group.of({ id: groupId, phoneNumberId: ctx.loaders.phoneNumbers.get(groupId) }), inviteLink };
  }

  @Mutation(() => DeleteInviteLinkPayload, { description: 'Deletes the invite link: it stops working, and no one can join until resetInviteLink makes a new one.' })
  async deleteInviteLink(@Arg('input', () => DeleteInviteLinkInput, { description: 'The group whose invite link to delete.' }) input: DeleteInviteLinkInput, @Ctx() ctx: GatewayContext): Promise<DeleteInviteLinkPayload> {
    const writes = ctx.mutations;
    const groupId = requireId('input.groupId', input.groupId);
    const deleted = await writes.deleteInviteLink(ctx, { groupId });
    // A link this request read before is gone: the payload's group.inviteLink is read again.
    ctx.loaders.inviteLink.forget(groupId);
    return { clientMutationId: input.clientMutationId ?? null, group: Group.of({ id: groupId, phoneNumberId: ctx.loaders.phoneNumbers.get(groupId) }), deleted };
  }

  @Mutation(() => JoinRequestsPayload, { description: 'Approves join requests; approved users become participants. Ids that fail are listed with their errors.' })
  async approveJoinRequests(@Arg('input', () => JoinRequestsInput, mutationInput('The group and the ids of its pending join requests.')) input: JoinRequestsInput, @Ctx() ctx: GatewayContext): Promise<JoinRequestsPayload> {
    const writes = ctx.mutations;
    const { groupId, joinRequestIds } = validJoinRequests(input);
    return answer(input, ctx, groupId, await writes.approveJoinRequests(ctx, { groupId, joinRequestIds }));
  }

  @Mutation(() => JoinRequestsPayload, { description: 'Rejects join requests (the users may ask again). Ids that fail are listed with their errors.' })
  async rejectJoinRequests(@Arg('input', () => JoinRequestsInput, mutationInput('The group and the ids of its pending join requests.')) input: JoinRequestsInput, @Ctx() ctx: GatewayContext): Promise<JoinRequestsPayload> {
    const writes = ctx.mutations;
    const { groupId, joinRequestIds } = validJoinRequests(input);
    return answer(input, ctx, groupId, await writes.rejectJoinRequests(ctx, { groupId, joinRequestIds }));
  }
}

function validJoinRequests(input: JoinRequestsInput): { groupId: string; joinRequestIds: string[] } {
  return { groupId: requireId('input.groupId', input.groupId), joinRequestIds: validJoinRequestIds('input.joinRequestIds', input.joinRequestIds) };
}

function answer(input: JoinRequestsInput, ctx: GatewayContext, groupId: string, result: JoinRequestsResult): JoinRequestsPayload {
  return {
    clientMutationId: input.clientMutationId ?? null,
    group: Group.of({ id: groupId, phoneNumberId: ctx.loaders.phoneNumbers.get(groupId) }),
    succeededJoinRequestIds: result.succeeded,
    failedJoinRequests: result.failed.map((failed) => ({ joinRequestId: failed.joinRequestId, errors: failed.errors })),
    errors: result.errors,
  };
}
