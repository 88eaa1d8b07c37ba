import { Field, ObjectType } from 'type-graphql';
import type { JoinApprovalMode as ModelJoinApprovalMode } from '../../events/event-model';
import { JoinApprovalMode } from '../group/join-approval-mode.enum';
import { EventError } from './event-error.type';
import { GroupEvent } from './group-event.interface';

@ObjectType({ implements: GroupEvent, description: 'A group was created: the outcome of createGroup.' })
export class GroupCreatedEvent extends GroupEvent {
  @Field(() => String, { nullable: true, description: 'The subject the group was created with.' })
  subject!: string | null;

  @Field(() => String, { nullable: true, description: 'The description the group was created with.' })
  description!: string | null;

  @Field(() => String, { nullable: true, description: 'The invite link of the new group, when the provider sent it.' })
  inviteLink!: string | null;

  @Field(() => JoinApprovalMode, { nullable: true, description: 'The join approval mode of the new group, when the provider sent it.' })
  joinApprovalMode!: ModelJoinApprovalMode | null;
}

@ObjectType({ implements: GroupEvent, description: 'Creating a group failed.' })
export class GroupCreateFailedEvent extends GroupEvent {
  @Field(() => String, { nullable: true, description: 'The subject of the group that could not be created.' })
  subject!: string | null;

  @Field(() => String, { nullable: true, description: 'The description of the group that could not be created.' })
  description!: string | null;

  @Field(() => [EventError], { description: 'Why it failed.' })
  errors!: EventError[];
}

@ObjectType({ implements: GroupEvent, description: 'A group was deleted.' })
export class GroupDeletedEvent extends GroupEvent {}

@ObjectType({ implements: GroupEvent, description: 'Deleting a group failed.' })
export class GroupDeleteFailedEvent extends GroupEvent {
  @Field(() => [EventError], { description: 'Why it failed.' })
  errors!: EventError[];
}

@ObjectType({ implements: GroupEvent, description: 'WhatsApp suspended the group.' })
export class GroupSuspendedEvent extends GroupEvent {}

@ObjectType({ implements: GroupEvent, description: 'WhatsApp lifted the suspension of the group.' })
export class GroupSuspensionClearedEvent extends GroupEvent {}
