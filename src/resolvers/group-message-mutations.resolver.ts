import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { GatewayContext } from '../context';
import { mutationInput } from '../schema/mutations/relay-mutation.types';
import { Group } from '../schema/group/group.type';
import {
  PinGroupMessageInput,
  PinGroupMessagePayload,
  SendGroupMessageInput,
  SendGroupMessagePayload,
  UnpinGroupMessageInput,
  UnpinGroupMessagePayload,
} from '../schema/mutations/group-message.types';
import { toGroupInviteTemplate } from '../schema/mutations/group-invite-template';
import { SendGroupInviteTemplateInput, SendGroupInviteTemplatePayload } from '../schema/mutations/group-invite-template.types';
import { requireId, resolvePhoneNumberId, validIdempotencyKey, validPinDays } from '../schema/mutations/input-validation';
import { toOutboundMessage } from '../schema/mutations/outbound-message';

/**
 * sendGroupMessage, pinGroupMessage, unpinGroupMessage: POST /<PHONE_NUMBER_ID>/messages to a group; sendGroupInviteTemplate:
 * the same endpoint 1:1, carrying the group's id (src/operations/write-service.ts).
 */
@Resolver()
export class GroupMessageMutationsResolver {
  @Mutation(() => SendGroupMessagePayload, { description: 'Sends a text, media (image, video, audio, document, sticker) or template message to a group, optionally as a reply. Statuses follow as events.' })
  async sendGroupMessage(@Arg('input', () => SendGroupMessageInput, mutationInput('The group and the message: exactly one kind of content.')) input: SendGroupMessageInput, @Ctx() ctx: GatewayContext): Promise<SendGroupMessagePayload> {
    const writes = ctx.mutations;
    const phoneNumberId = resolvePhoneNumberId('input.phoneNumberId', input.phoneNumberId, ctx.defaultPhoneNumberId);
    const groupId = requireId('input.groupId', input.groupId);
    const message = toOutboundMessage(input);
    const idempotencyKey = input.idempotencyKey === null || input.idempotencyKey === undefined ? null : validIdempotencyKey('input.idempotencyKey', input.idempotencyKey);
    const messageId = await writes.sendGroupMessage(ctx, { phoneNumberId, groupId, message, idempotencyKey });
    return { clientMutationId: input.clientMutationId ?? null, messageId, group: Group.of({ id: groupId, phoneNumberId }) };
  }

  @Mutation(() => SendGroupInviteTemplatePayload, {
    description:
      "Sends a group's invite link 1:1 to a user as an approved invite-link template, the way WhatsApp lets a business invite people. Answers once WhatsApp accepts the message; a join arrives as an event.",
  })
  async sendGroupInviteTemplate(
    @Arg('input', () => SendGroupInviteTemplateInput, { description: 'The group, the user to invite and the approved invite-link template.' }) input: SendGroupInviteTemplateInput,
    @Ctx() ctx: GatewayContext,
  ): Promise<SendGroupInviteTemplatePayload> {
    const writes = ctx.mutations;
    const phoneNumberId = resolvePhoneNumberId('input.phoneNumberId', input.phoneNumberId, ctx.defaultPhoneNumberId);
    const request = toGroupInviteTemplate(input);
    const idempotencyKey = input.idempotencyKey === null || input.idempotencyKey === undefined ? null : validIdempotencyKey('input.idempotencyKey', input.idempotencyKey);
    const messageId = await writes.sendGroupInviteTemplate(ctx, { phoneNumberId, request, idempotencyKey });
    return { clientMutationId: input.clientMutationId ?? null, messageId, to: request.to, group: Group.of({ id: request.groupId, phoneNumberId }) };
  }

  @Mutation(() => PinGroupMessagePayload, { description: 'Pins a message for 1 to 30 days (at most 3 pins per group: a 4th unpins the oldest).' })
  async pinGroupMessage(@Arg('input', () => PinGroupMessageInput, mutationInput('The group, the message to pin and for how many days.')) input: PinGroupMessageInput, @Ctx() ctx: GatewayContext): Promise<PinGroupMessagePayload> {
    const writes = ctx.mutations;
    const phoneNumberId = resolvePhoneNumberId('input.phoneNumberId', input.phoneNumberId, ctx.defaultPhoneNumberId);
    const groupId = requireId('input.groupId', input.groupId);
    const pinnedMessageId = requireId('input.messageId', input.messageId);
    const expirationDays = validPinDays('input.expirationDays', input.expirationDays);
    const messageId = await writes.pinGroupMessage(ctx, { phoneNumberId, groupId, messageId: pinnedMessageId, expirationDays });
    return { clientMutationId: input.clientMutationId ?? null, pinnedMessageId, messageId, group: Group.of({ id: groupId, phoneNumberId }) };
  }

  @Mutation(() => UnpinGroupMessagePayload, { description: 'Unpins a pinned message.' })
  async unpinGroupMessage(@Arg('input', () => UnpinGroupMessageInput, mutationInput('The group and the pinned message.')) input: UnpinGroupMessageInput, @Ctx() ctx: GatewayContext): Promise<UnpinGroupMessagePayload> {
    const writes = ctx.mutations;
    const phoneNumberId = resolvePhoneNumberId('input.phoneNumberId', input.phoneNumberId, ctx.defaultPhoneNumberId);
    const groupId = requireId('input.groupId', input.groupId);
    const unpinnedMessageId = requireId('input.messageId', input.messageId);
    const messageId = await writes.unpinGroupMessage(ctx, { phoneNumberId, groupId, messageId: unpinnedMessageId });
    return { clientMutationId: input.clientMutationId ?? null, unpinnedMessageId, messageId, group: Group.of({ id: groupId, phoneNumberId }) };
  }
}
