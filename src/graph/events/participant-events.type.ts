import { Field, ID, ObjectType } from 'type-graphql';
import type { ParticipantChangeInitiator as ModelInitiator } from '../../events/event-model';
import { ParticipantChangeInitiator } from './event-enums';
import { EventError } from './event-error.type';
import { EventParticipant, FailedParticipant } from './event-participant.type';
import { GroupEvent } from './group-event.interface';

@ObjectType({ implements: GroupEvent, description: 'People joined the group.' })
export class ParticipantsAddedEvent extends GroupEvent {
  @Field(() => [EventParticipant], { description: 'Who joined.' })
  participants!: EventParticipant[];

  @Field(() => String, { nullable: true, description: 'How they joined, as the provider puts it (e.g. `invite_link`, `join_request_approved`).' })
  reason!: string | null;
}

@ObjectType({
  implements: GroupEvent,
  description: 'Participants were removed by the business or left. A removal that failed for some participants lists them in `failedParticipants`.',
})
export class ParticipantsRemovedEvent extends GroupEvent {
  @Field(() => [EventParticipant], { description: 'Who is no longer in the group.' })
  participants!: EventParticipant[];

  @Field(() => [FailedParticipant], { description: 'Who could not be removed, and why.' })
  failedParticipants!: FailedParticipant[];

  @Field(() => ParticipantChangeInitiator, { description: 'Whether the business removed them or they left.' })
  initiatedBy!: ModelInitiator;

  @Field(() => [EventError], { description: 'Errors of the removal as a whole (a total failure).' })
  errors!: EventError[];
}

@ObjectType({ implements: GroupEvent, description: 'Participants became admins.' })
export class ParticipantsPromotedEvent extends GroupEvent {
  @Field(() => [EventParticipant], { description: 'Who became an admin.' })
  participants!: EventParticipant[];
}

@ObjectType({ implements: GroupEvent, description: 'Participants stopped being admins.' })
export class ParticipantsDemotedEvent extends GroupEvent {
  @Field(() => [EventParticipant], { description: 'Who is no longer an admin.' })
  participants!: EventParticipant[];
}

@ObjectType({ implements: GroupEvent, description: 'Someone asked to join the group (join approval mode APPROVAL_REQUIRED).' })
export class JoinRequestCreatedEvent extends GroupEvent {
  @Field(() => ID, { nullable: true, description: 'The join request id, for approveJoinRequests/rejectJoinRequests, when the provider sent it.' })
  joinRequestId!: string | null;

  @Field(() => EventParticipant, { description: 'Who asked to join.' })
  participant!: EventParticipant;

  @Field(() => String, { nullable: true, description: 'The reason the provider gave, if any.' })
  reason!: string | null;
}

@ObjectType({ implements: GroupEvent, description: 'A pending join request was withdrawn.' })
export class JoinRequestRevokedEvent extends GroupEvent {
  @Field(() => ID, { nullable: true, description: 'The join request id, when the provider sent it.' })
  joinRequestId!: string | null;

  @Field(() => EventParticipant, { description: 'Whose request was withdrawn.' })
  participant!: EventParticipant;

  @Field(() => String, { nullable: true, description: 'The reason the provider gave, if any.' })
  reason!: string | null;
}
