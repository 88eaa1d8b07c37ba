import { GraphQLJSON } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import type { MessageDeliveryStatus as ModelMessageDeliveryStatus } from '../../events/event-model';
import { MessageDeliveryStatus } from './event-enums';
import { EventError } from './event-error.type';
import { EventParticipant } from './event-participant.type';
import { GroupEvent } from './group-event.interface';
import { MessagePricing } from './message-pricing.type';

@ObjectType({ implements: GroupEvent, description: 'A participant sent a message to the group.' })
export class MessageReceivedEvent extends GroupEvent {
  @Field(() => ID, { description: 'The WhatsApp message id (wamid).' })
  messageId!: string;

  @Field(() => EventParticipant, { description: 'Who sent it.' })
  from!: EventParticipant;

  @Field(() => String, { description: 'The message type as WhatsApp names it: `text`, `image`, ..., `unsupported`.' })
  messageType!: string;

  @Field(() => String, { nullable: true, description: 'The text, or the caption of a media message.' })
  text!: string | null;

  @Field(() => GraphQLJSON, { nullable: true, description: "The provider's message object, verbatim, for types this API does not flatten." })
  content!: unknown;

  @Field(() => [EventError], { description: 'Errors WhatsApp attached (e.g. for unsupported messages).' })
  errors!: EventError[];
}

/** `recipient`, not `participant`: JoinRequest*Event.participant is non-null, and one selection must not mix both. */
@ObjectType({ implements: GroupEvent, description: 'A message the business sent to the group changed status.' })
export class MessageStatusUpdatedEvent extends GroupEvent {
  @Field(() => ID, { description: 'The WhatsApp message id (wamid).' })
  messageId!: string;

  @Field(() => MessageDeliveryStatus, { description: 'The new status.' })
  status!: ModelMessageDeliveryStatus;

  @Field(() => EventParticipant, { nullable: true, description: 'The participant a per-participant status (delivered, read) is about; null for per-group statuses (sent, failed).' })
  recipient!: EventParticipant | null;

  @Field(() => MessagePricing, { nullable: true, description: 'Pricing information, when WhatsApp sent it.' })
  pricing!: MessagePricing | null;

  @Field(() => [EventError], { description: 'Why the message failed, for FAILED.' })
  errors!: EventError[];
}
