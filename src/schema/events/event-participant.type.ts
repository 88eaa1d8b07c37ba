import { Field, ObjectType } from 'type-graphql';
import type { ParticipantRank as ModelParticipantRank } from '../../events/event-model';
import { ParticipantRank } from './event-enums';
import { EventError } from './event-error.type';

/**
 * A person named in an event. Unlike a group's Participant, any identifier may be missing (username users have no
 * `waId`, some providers send only a phone number or only what the business sent), and it may carry a name.
 */
@ObjectType({ description: 'A person named in an event. Any identifier may be missing, depending on the provider and the user.' })
export class EventParticipant {
  @Field(() => String, { nullable: true, description: 'Phone-number-based WhatsApp id; absent for username users.' })
  waId!: string | null;

  @Field(() => String, { nullable: true, description: 'Business-scoped user id (BSUID), e.g. `US.13491208655302741918`.' })
  userId!: string | null;

  @Field(() => String, { nullable: true, description: 'Parent business-scoped user id, when the user id belongs to a parent business.' })
  parentUserId!: string | null;

  @Field(() => String, { nullable: true, description: 'WhatsApp username, when the user has one.' })
  username!: string | null;

  @Field(() => String, { nullable: true, description: 'Profile name, when the provider sent one.' })
  name!: string | null;

  @Field(() => String, { nullable: true, description: 'What the business sent when it acted on this person (e.g. the phone number given to removeParticipants).' })
  input!: string | null;

  @Field(() => ParticipantRank, {
    nullable: true,
    description: "The person's role in the group, when the provider reports roles (Whapi, on a new group's members); null for Meta and YCloud, which have none.",
  })
  rank!: ModelParticipantRank | null;
}

@ObjectType({ description: 'A participant an action could not be applied to, with the reasons.' })
export class FailedParticipant {
  @Field(() => EventParticipant, { description: 'Who the action failed for.' })
  participant!: EventParticipant;

  @Field(() => [EventError], { description: 'Why it failed.' })
  errors!: EventError[];
}
