import { GraphQLDateTime } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import type { OperationKind as ModelOperationKind, OperationStatus as ModelOperationStatus } from '../../operations/operation';
import type { AttachedLoaders } from '../events/group-event.interface';
import { EventError } from '../events/event-error.type';
import { EventParticipant, FailedParticipant } from '../events/event-participant.type';
import { GroupOperationKind, GroupOperationStatus } from './operation-enums';

/**
 * GraphQL type `GroupOperation` (contract): an asynchronous write and its outcome. Built from an OperationRecord by
 * toGroupOperation(); `group` is resolved by OperationQueryResolver (src/resolvers/operation-query.resolver.ts)
 * through the payload's attached loaders when a subscription emission carries them, else the request's.
 */
@ObjectType('GroupOperation', { description: 'An asynchronous write (createGroup, updateGroup, deleteGroup, removeParticipants) and its outcome, which arrives by webhook.' })
export class GroupOperation {
  @Field(() => ID, { description: "The upstream `request_id` when the Groups API answered with one (createGroup), else an id of the gateway's." })
  id!: string;

  @Field(() => GroupOperationKind, { description: 'Which write this is.' })
  kind!: ModelOperationKind;

  @Field(() => GroupOperationStatus, { description: 'PENDING until the outcome arrives, then SUCCEEDED or FAILED.' })
  status!: ModelOperationStatus;

  @Field(() => ID, { nullable: true, description: 'The group written to; for createGroup, the new group once it SUCCEEDED.' })
  groupId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The business phone number the write was made for, when known.' })
  phoneNumberId!: string | null;

  @Field(() => String, { nullable: true, description: 'createGroup: the invite link of the new group once it SUCCEEDED.' })
  inviteLink!: string | null;

  @Field(() => [EventError], { description: 'Why the write failed, or partly failed, with the upstream codes (empty while PENDING and on full success).' })
  errors!: EventError[];

  @Field(() => [EventParticipant], { description: 'removeParticipants: who was removed, once the outcome arrived (empty for other kinds).' })
  removedParticipants!: EventParticipant[];

  @Field(() => [FailedParticipant], { description: 'removeParticipants: who could not be removed, and why (empty for other kinds).' })
  failedParticipants!: FailedParticipant[];

  @Field(() => GraphQLDateTime, { description: 'When the gateway accepted the write.' })
  createdAt!: Date;

  @Field(() => GraphQLDateTime, { description: 'When the operation last changed (its completion, once it completed).' })
  updatedAt!: Date;

  /** Not a field: fresh loaders of one emitted subscription payload (absent for query and mutation results). */
  __loaders?: AttachedLoaders;
}
