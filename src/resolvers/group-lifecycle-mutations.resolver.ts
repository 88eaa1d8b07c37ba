import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { GatewayContext } from '../context';
import { BadUserInputError } from '../errors/gateway-errors';
import { mutationInput } from '../schema/mutations/relay-mutation.types';
import { Group } from '../schema/group/group.type';
import { JoinApprovalMode } from '../schema/group/join-approval-mode.enum';
import { CreateGroupInput, CreateGroupPayload, DeleteGroupInput, DeleteGroupPayload, UpdateGroupInput, UpdateGroupPayload } from '../schema/mutations/group-lifecycle.types';
import { awaitWindowMs, requireId, resolvePhoneNumberId, validDescription, validIdempotencyKey, validSubject } from '../schema/mutations/input-validation';
import { validPicture } from '../schema/mutations/picture-validation';
import { toGroupOperation } from '../schema/operations/to-group-operation';
import type { PictureSummary } from '../operations/write-service';
import type { CreateGroupRequest, UpdateGroupSettingsRequest } from '../upstream/types';

/** createGroup, updateGroup, deleteGroup: writes whose outcome arrives by webhook, each answered with its operation (src/operations/write-service.ts). */
@Resolver()
export class GroupLifecycleMutationsResolver {
  @Mutation(() => CreateGroupPayload, {
    description: 'Creates a group. Answers at once with a PENDING operation (id = upstream request_id), completed by the webhook; `awaitCompletion` waits for it.',
  })
  async createGroup(@Arg('input', () => CreateGroupInput, mutationInput('The group to create: subject, optional description and join approval mode, idempotency key.')) input: CreateGroupInput, @Ctx() ctx: GatewayContext): Promise<CreateGroupPayload> {
    const writes = ctx.mutations;
    const phoneNumberId = resolvePhoneNumberId('input.phoneNumberId', input.phoneNumberId, ctx.defaultPhoneNumberId);
    const request: CreateGroupRequest = {
      subject: validSubject('input.subject', input.subject),
      ...(input.description === null || input.description === undefined ? {} : { description: validDescription('input.description', input.description) }),
      ...(input.joinApprovalMode === null || input.joinApprovalMode === undefined
        ? {}
        : { joinApprovalMode: input.joinApprovalMode === JoinApprovalMode.APPROVAL_REQUIRED ? 'approval_required' : 'auto_approve' }),
    };
    const idempotencyKey = input.idempotencyKey === null || input.idempotencyKey === undefined ? null : validIdempotencyKey('input.idempotencyKey', input.idempotencyKey);
    const waitMs = awaitWindowMs(input, writes.awaitLimits);
    const record = await writes.createGroup(ctx, { phoneNumberId, request, idempotencyKey, waitMs });
    const group = record.status === 'SUCCEEDED' && record.groupId !== null ? Group.of({ id: record.groupId, phoneNumberId }) : null;
    return { clientMutationId: input.clientMutationId ?? null, operation: toGroupOperation(record), group };
  }

  @Mutation(() => UpdateGroupPayload, { description: 'Changes the subject, description and/or profile picture (multipart upload). The operation completes when the webhook confirms each change.' })
  async updateGroup(@Arg('input', () => UpdateGroupInput, mutationInput('The group and the settings to change (at least one of subject, description, profilePicture).')) input: UpdateGroupInput, @Ctx() ctx: GatewayContext): Promise<UpdateGroupPayload> {
    const writes = ctx.mutations;
    const groupId = requireId('input.groupId', input.groupId);
    const request: UpdateGroupSettingsRequest = {};
    let picture: PictureSummary | null = null;
    if (input.subject !== null && input.subject !== undefined) request.subject = validSubject('input.subject', input.subject);
    if (input.description !== null && input.description !== undefined) request.description = validDescription('input.description', input.description);
    if (input.profilePicture !== null && input.profilePicture !== undefined) {
      const checked = validPicture('input.profilePicture', input.profilePicture);
      request.profilePicture = checked.upload;
      picture = checked.summary;
    }
    if (request.subject === undefined && request.description === undefined && request.profilePicture === undefined) {
      throw new BadUserInputError('`input` must change at least one of subject, description and profilePicture', { argumentName: 'input' });
    }
    const phoneNumberId = ctx.loaders.phoneNumbers.get(groupId);
    const record = await writes.updateGroup(ctx, { groupId, phoneNumberId, request, picture });
    return { clientMutationId: input.clientMutationId ?? null, group: Group.of({ id: groupId, phoneNumberId }), operation: toGroupOperation(record) };
  }

  @Mutation(() => DeleteGroupPayload, { description: 'Deletes a group and removes every participant. The operation completes when the webhook confirms it.' })
  async deleteGroup(@Arg('input', () => DeleteGroupInput, mutationInput('The group to delete.')) input: DeleteGroupInput, @Ctx() ctx: GatewayContext): Promise<DeleteGroupPayload> {
    const writes = ctx.mutations;
    const groupId = requireId('input.groupId', input.groupId);
    const record = await writes.deleteGroup(ctx, { groupId, phoneNumberId: ctx.loaders.phoneNumbers.get(groupId) });
    return { clientMutationId: input.clientMutationId ?? null, deletedGroupId: groupId, operation: toGroupOperation(record) };
  }
}
