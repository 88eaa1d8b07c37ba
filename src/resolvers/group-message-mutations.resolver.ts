import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { GatewayContext } from '../context';
import { Group } from '../graph/group/group.type';
import {
  PinGroupMessageInput,
  PinGroupMessagePayload,
  SendGroupMessageInput,
  SendGroupMessagePayload,
  UnpinGroupMessageInput,
  UnpinGroupMessagePayload,
} from '../graph/mutations/group-message.types';
import { runIdempotent } from '../graph/mutations/idempotency';
import { requireId, resolvePhoneNumberId, validIdempotencyKey, validPinDays } from '../graph/mutations/input-validation';
import { requireMutationServices } from '../graph/mutations/mutation-services';
import { toOutboundMessage } from '../graph/mutations/outbound-message';

/** sendGroupMessage, pinGroupMessage, unpinGroupMessage: POST /<PHONE_NUMBER_ID>/messages to a group. */
@Resolver()
export class GroupMessageMutationsResolver {
  @Mutation(() => SendGroupMessagePayload, { description: 'Sends a text, media or template message to a group, optionally as a reply. Statuses follow as events.' })
  async sendGroupMessage(@Arg('input', () => SendGroupMessageInput) input: SendGroupMessageInput, @Ctx() ctx: GatewayContext): Promise<SendGroupMessagePayload> {
    const services = requireMutationServices(ctx);
    const phoneNumberId = resolvePhoneNumberId('input.phoneNumberId', input.phoneNumberId, ctx.defaultPhoneNumberId);
    const groupId = requireId('input.groupId', input.groupId);
    const message = toOutboundMessage(input);
    const key = input.idempotencyKey === null || input.idempotencyKey === undefined ? null : validIdempotencyKey('input.idempotencyKey', input.idempotencyKey);
    const messageId = await runIdempotent<string>({
      store: services.idempotency,
      scope: 'sendGroupMessage',
      key,
      input: { phoneNumberId, groupId, message },
      ttlSeconds: services.idempotencyTtlSeconds,
      run: async () => (await ctx.upstream.sendGroupMessage(phoneNumberId, groupId, message)).messageId,
      remember: (id) => ({ messageId: id }),
      replay: async (remembered) => (remembered as { messageId: string }).messageId,
    });
    return { clientMutationId: input.clientMutationId ?? null, messageId, group: Group.of({ id: groupId, phoneNumberId }) };
  }

  @Mutation(() => PinGroupMessagePayload, { description: 'Pins a message for 1 to 30 days (at most 3 pins per group: a 4th unpins the oldest).' })
  async pinGroupMessage(@Arg('input', () => PinGroupMessageInput) input: PinGroupMessageInput, @Ctx() ctx: GatewayContext): Promise<PinGroupMessagePayload> {
    const phoneNumberId = resolvePhoneNumberId('input.phoneNumberId', input.phoneNumberId, ctx.defaultPhoneNumberId);
    const groupId = requireId('input.groupId', input.groupId);
    const pinnedMessageId = requireId('input.messageId', input.messageId);
    const expirationDays = validPinDays('input.expirationDays', input.expirationDays);
    const sent = await ctx.upstream.sendGroupMessage(phoneNumberId, groupId, { type: 'pin', pin: { type: 'pin', message_id: pinnedMessageId, expiration_days: expirationDays } });
    return { clientMutationId: input.clientMutationId ?? null, pinnedMessageId, messageId: sent.messageId, group: Group.of({ id: groupId, phoneNumberId }) };
  }

  @Mutation(() => UnpinGroupMessagePayload, { description: 'Unpins a pinned message.' })
  async unpinGroupMessage(@Arg('input', () => UnpinGroupMessageInput) input: UnpinGroupMessageInput, @Ctx() ctx: GatewayContext): Promise<UnpinGroupMessagePayload> {
    const phoneNumberId = resolvePhoneNumberId('input.phoneNumberId', input.phoneNumberId, ctx.defaultPhoneNumberId);
    const groupId = requireId('input.groupId', input.groupId);
    const unpinnedMessageId = requireId('input.messageId', input.messageId);
    const sent = await ctx.upstream.sendGroupMessage(phoneNumberId, groupId, { type: 'pin', pin: { type: 'unpin', message_id: unpinnedMessageId } });
    return { clientMutationId: input.clientMutationId ?? null, unpinnedMessageId, messageId: sent.messageId, group: Group.of({ id: groupId, phoneNumberId }) };
  }
}
