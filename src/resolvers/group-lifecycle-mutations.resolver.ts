import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { GatewayContext } from '../context';
import { BadUserInputError, NotFoundError } from '../graph/errors/gateway-errors';
import { Group } from '../graph/group/group.type';
import { JoinApprovalMode } from '../graph/group/join-approval-mode.enum';
import { CreateGroupInput, CreateGroupPayload, DeleteGroupInput, DeleteGroupPayload, UpdateGroupInput, UpdateGroupPayload } from '../graph/mutations/group-lifecycle.types';
import { runIdempotent } from '../graph/mutations/idempotency';
import { requireId, resolvePhoneNumberId, validDescription, validIdempotencyKey, validSubject } from '../graph/mutations/input-validation';
import { awaitWindowMs } from '../graph/mutations/await-window';
import type { MutationServices } from '../graph/mutations/mutation-services';
import { requireMutationServices } from '../graph/mutations/mutation-services';
import { validPicture } from '../graph/mutations/picture-validation';
import type { PictureSummary } from '../graph/mutations/picture-validation';
import { runTrackedWrite } from '../graph/mutations/tracked-write';
import { toGroupOperation } from '../graph/operations/to-group-operation';
import { awaitOperation } from '../operations/operation-tracker';
import { publishOperation } from '../operations/operation-publisher';
import type { CreateGroupRequest, UpdateGroupSettingsRequest } from '../upstream/types';

/** createGroup, updateGroup, deleteGroup: writes whose outcome arrives by webhook, each answered with its operation. */
@Resolver()
export class GroupLifecycleMutationsResolver {
  @Mutation(() => CreateGroupPayload, {
    description: 'Creates a group. Answers at once with a PENDING operation (id = upstream request_id), completed by the webhook; `awaitCompletion` waits for it.',
  })
  async createGroup(@Arg('input', () => CreateGroupInput) input: CreateGroupInput, @Ctx() ctx: GatewayContext): Promise<CreateGroupPayload> {
    const services = requireMutationServices(ctx);
    const phoneNumberId = resolvePhoneNumberId('input.phoneNumberId', input.phoneNumberId, ctx.defaultPhoneNumberId);
    const request: CreateGroupRequest = {
      subject: validSubject('input.subject', input.subject),
      ...(input.description === null || input.description === undefined ? {} : { description: validDescription('input.description', input.description) }),
      ...(input.joinApprovalMode === null || input.joinApprovalMode === undefined
        ? {}
        : { joinApprovalMode: input.joinApprovalMode === JoinApprovalMode.APPROVAL_REQUIRED ? 'approval_required' : 'auto_approve' }),
    };
    const key = input.idempotencyKey === null || input.idempotencyKey === undefined ? null : validIdempotencyKey('input.idempotencyKey', input.idempotencyKey);
    const waitMs = awaitWindowMs(input, services);

    const operationId = await runIdempotent<string>({
      store: services.idempotency,
      scope: 'createGroup',
      key,
      input: { phoneNumberId, ...request },
      ttlSeconds: services.idempotencyTtlSeconds,
      run: () => startCreate(ctx, services, phoneNumberId, request),
      remember: (id) => ({ operationId: id }),
      replay: async (remembered) => (remembered as { operationId: string }).operationId,
    });
    let record = await services.operations.get(operationId);
    if (record === null) throw new NotFoundError(`The operation ${operationId} of the first call with this idempotencyKey has expired; use a new key`);
    if (waitMs !== null && record.status === 'PENDING') {
      record = (await awaitOperation({ operations: services.operations, bus: services.bus, topics: services.topics, id: operationId, timeoutMs: waitMs })) ?? record;
    }
    const group = record.status === 'SUCCEEDED' && record.groupId !== null ? Group.of({ id: record.groupId, phoneNumberId }) : null;
    return { clientMutationId: input.clientMutationId ?? null, operation: toGroupOperation(record), group };
  }

  @Mutation(() => UpdateGroupPayload, { description: 'Changes the subject, description and/or profile picture (multipart upload). The operation completes when the webhook confirms each change.' })
  async updateGroup(@Arg('input', () => UpdateGroupInput) input: UpdateGroupInput, @Ctx() ctx: GatewayContext): Promise<UpdateGroupPayload> {
    const services = requireMutationServices(ctx);
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
    const record = await runTrackedWrite({
      services,
      logger: ctx.logger,
      kind: 'UPDATE_GROUP',
      groupId,
      phoneNumberId,
      input: { subject: request.subject ?? null, description: request.description ?? null, profilePicture: picture },
      write: () => ctx.upstream.updateGroupSettings(groupId, request),
    });
    return { clientMutationId: input.clientMutationId ?? null, group: Group.of({ id: groupId, phoneNumberId }), operation: toGroupOperation(record) };
  }

  @Mutation(() => DeleteGroupPayload, { description: 'Deletes a group and removes every participant. The operation completes when the webhook confirms it.' })
  async deleteGroup(@Arg('input', () => DeleteGroupInput) input: DeleteGroupInput, @Ctx() ctx: GatewayContext): Promise<DeleteGroupPayload> {
    const services = requireMutationServices(ctx);
    const groupId = requireId('input.groupId', input.groupId);
    const record = await runTrackedWrite({
      services,
      logger: ctx.logger,
      kind: 'DELETE_GROUP',
      groupId,
      phoneNumberId: ctx.loaders.phoneNumbers.get(groupId),
      input: { groupId },
      write: () => ctx.upstream.deleteGroup(groupId),
    });
    return { clientMutationId: input.clientMutationId ?? null, deletedGroupId: groupId, operation: toGroupOperation(record) };
  }
}

/**
 * The create itself: Meta answers with only a request_id, which becomes the operation's id. A variant that already
 * answers the group id completes the operation at once.
 */
async function startCreate(ctx: GatewayContext, services: MutationServices, phoneNumberId: string, request: CreateGroupRequest): Promise<string> {
  const answer = await ctx.upstream.createGroup(phoneNumberId, request);
  const created = await services.operations.create({
    id: answer.requestId,
    kind: 'CREATE_GROUP',
    phoneNumberId,
    groupId: null,
    input: request,
    inviteLink: answer.inviteLink,
  });
  if (answer.groupId !== null && created.status === 'PENDING') {
    const { changed, record } = await services.operations.complete(answer.requestId, { status: 'SUCCEEDED', groupId: answer.groupId, inviteLink: answer.inviteLink });
    if (changed && record !== null) await publishOperation(services.bus, services.topics, record);
  }
  return answer.requestId;
}
