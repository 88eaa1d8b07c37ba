import { Field, ObjectType } from 'type-graphql';
import { EventError } from './event-error.type';
import { EventParticipant } from './event-participant.type';

@ObjectType({ description: 'One changed setting of a group: its new value and whether it was applied.' })
export class SettingChange {
  @Field(() => String, { nullable: true, description: 'The new text (subject or description); null when the provider did not send it.' })
  value!: string | null;

  @Field(() => String, { nullable: true, description: 'The text before the change, when the provider sends it (Whapi); null for Meta and YCloud.' })
  previousValue!: string | null;

  @Field(() => EventParticipant, { nullable: true, description: 'Who made the change, when the provider names them (Whapi); null for Meta and YCloud (the business, through the API).' })
  changedBy!: EventParticipant | null;

  @Field(() => Boolean, { description: 'True when WhatsApp applied the change.' })
  succeeded!: boolean;

  @Field(() => [EventError], { description: 'Why the change was not applied (empty when it was).' })
  errors!: EventError[];
}

@ObjectType({ description: 'A change of the group picture and whether it was applied.' })
export class ProfilePictureChange {
  @Field(() => String, { nullable: true, description: 'SHA-256 of the new picture, as Meta (and YCloud) report it; always null for Whapi.' })
  sha256!: string | null;

  @Field(() => String, { nullable: true, description: 'URL of the new picture, as Whapi reports it (the full-size one when sent); always null for Meta and YCloud.' })
  url!: string | null;

  @Field(() => String, { nullable: true, description: 'URL of the picture before the change, when Whapi sent one; null otherwise.' })
  previousUrl!: string | null;

  @Field(() => EventParticipant, { nullable: true, description: 'Who changed the picture, when the provider names them (Whapi); null for Meta and YCloud.' })
  changedBy!: EventParticipant | null;

  @Field(() => String, { nullable: true, description: 'MIME type of the new picture, when the provider sent it.' })
  mimeType!: string | null;

  @Field(() => Boolean, { description: 'True when WhatsApp applied the change.' })
  succeeded!: boolean;

  @Field(() => [EventError], { description: 'Why the change was not applied (empty when it was).' })
  errors!: EventError[];
}
