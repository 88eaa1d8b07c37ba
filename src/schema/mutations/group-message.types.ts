import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Group } from '../group/group.type';
import { AudioMessageInput, DocumentMessageInput, MediaMessageInput, TemplateMessageInput, TextMessageInput } from './message-content.inputs';
import { RelayMutationInput, RelayMutationPayload } from './relay-mutation.types';

@InputType({ description: 'A message to a group: exactly one of text, image, video, audio, document and template.' })
export class SendGroupMessageInput extends RelayMutationInput {
  @Field(() => ID, { nullable: true, description: "The business phone number the group belongs to; defaults to the configured one." })
  phoneNumberId?: string | null;

  @Field(() => ID, { description: 'The group.' })
  groupId!: string;

  @Field(() => TextMessageInput, { nullable: true, description: 'A text message, optionally with a link preview.' })
  text?: TextMessageInput | null;

  @Field(() => MediaMessageInput, { nullable: true, description: 'An image, by uploaded media id or by link, with an optional caption.' })
  image?: MediaMessageInput | null;

  @Field(() => MediaMessageInput, { nullable: true, description: 'A video, by uploaded media id or by link, with an optional caption.' })
  video?: MediaMessageInput | null;

  @Field(() => AudioMessageInput, { nullable: true, description: 'An audio file or voice note, by uploaded media id or by link.' })
  audio?: AudioMessageInput | null;

  @Field(() => DocumentMessageInput, { nullable: true, description: 'A document, by uploaded media id or by link, with an optional caption and file name.' })
  document?: DocumentMessageInput | null;

  @Field(() => TemplateMessageInput, { nullable: true, description: 'An approved message template with its parameters.' })
  template?: TemplateMessageInput | null;

  @Field(() => ID, { nullable: true, description: 'Send as a reply to this message (its wamid).' })
  replyToMessageId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Makes retries safe: a later call with the same key and the same input (on any gateway instance, for 24 h) answers the first messageId without sending again.',
  })
  idempotencyKey?: string | null;
}

@ObjectType({ description: 'The outcome of sendGroupMessage. Delivery statuses follow as MESSAGE_STATUS_UPDATED events.' })
export class SendGroupMessagePayload extends RelayMutationPayload {
  @Field(() => ID, { description: 'The message id (wamid), as statuses and replies refer to it.' })
  messageId!: string;

  @Field(() => Group, { description: 'The group.' })
  group!: Group;
}

@InputType({ description: 'A message of the group to pin (at most 3 pins per group: a 4th unpins the oldest).' })
export class PinGroupMessageInput extends RelayMutationInput {
  @Field(() => ID, { nullable: true, description: 'The business phone number the group belongs to; defaults to the configured one.' })
  phoneNumberId?: string | null;

  @Field(() => ID, { description: 'The group.' })
  groupId!: string;

  @Field(() => ID, { description: 'The message to pin (its wamid).' })
  messageId!: string;

  @Field(() => Int, { description: 'How long the pin lasts: 1 to 30 days.' })
  expirationDays!: number;
}

@InputType({ description: 'A pinned message of the group to unpin.' })
export class UnpinGroupMessageInput extends RelayMutationInput {
  @Field(() => ID, { nullable: true, description: 'The business phone number the group belongs to; defaults to the configured one.' })
  phoneNumberId?: string | null;

  @Field(() => ID, { description: 'The group.' })
  groupId!: string;

  @Field(() => ID, { description: 'The pinned message (its wamid).' })
  messageId!: string;
}

@ObjectType({ description: 'The outcome of pinGroupMessage.' })
export class PinGroupMessagePayload extends RelayMutationPayload {
  @Field(() => ID, { description: 'The message that is now pinned.' })
  pinnedMessageId!: string;

  @Field(() => ID, { description: 'The id (wamid) of the pin action itself, as its statuses refer to it.' })
  messageId!: string;

  @Field(() => Group, { description: 'The group.' })
  group!: Group;
}

@ObjectType({ description: 'The outcome of unpinGroupMessage.' })
export class UnpinGroupMessagePayload extends RelayMutationPayload {
  @Field(() => ID, { description: 'The message that is no longer pinned.' })
  unpinnedMessageId!: string;

  @Field(() => ID, { description: 'The id (wamid) of the unpin action itself, as its statuses refer to it.' })
  messageId!: string;

  @Field(() => Group, { description: 'The group.' })
  group!: Group;
}
