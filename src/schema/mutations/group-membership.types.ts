import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Group } from '../group/group.type';
import { GroupOperation } from '../operations/operation.type';
import { RelayMutationInput, RelayMutationPayload } from './relay-mutation.types';
import { EventError } from '../events/event-error.type';

@InputType({ description: 'Participants to remove from a group. Removed users can no longer join through the invite link.' })
export class RemoveParticipantsInput extends RelayMutationInput {
  @Field(() => ID, { description: 'The group.' })
  groupId!: string;

  @Field(() => [String], { description: '1 to 8 participants, each a phone number in international format, a WhatsApp id or a business-scoped user id; no one twice.' })
  participants!: string[];
}

@ObjectType({ description: 'The outcome of removeParticipants: accepted; `operation` lists who was removed and who was not once the webhook arrives.' })
export class RemoveParticipantsPayload extends RelayMutationPayload {
  @Field(() => Group, { description: 'The group, read after the write.' })
  group!: Group;

  @Field(() => GroupOperation, { description: 'Its removedParticipants and failedParticipants fill in with the outcome (a partial failure is SUCCEEDED with both lists).' })
  operation!: GroupOperation;
}

@InputType({ description: 'A group whose invite link is to be replaced; every earlier link stops working.' })
export class ResetInviteLinkInput extends RelayMutationInput {
  @Field(() => ID, { description: 'The group.' })
  groupId!: string;
}

@ObjectType({ description: 'The outcome of resetInviteLink.' })
export class ResetInviteLinkPayload extends RelayMutationPayload {
  @Field(() => Group, { description: 'The group, read after the write (its inviteLink is the new one).' })
  group!: Group;

  @Field(() => String, { description: 'The new invite link (https://chat.whatsapp.com/...).' })
  inviteLink!: string;
}

@InputType({ description: 'A group whose invite link is to be deleted: the link stops working and none replaces it until resetInviteLink.' })
export class DeleteInviteLinkInput extends RelayMutationInput {
  @Field(() => ID, { description: 'The group.' })
  groupId!: string;
}

@ObjectType({ description: 'The outcome of deleteInviteLink (synchronous upstream; no webhook follows).' })
export class DeleteInviteLinkPayload extends RelayMutationPayload {
  @Field(() => Group, { description: 'The group, read after the write.' })
  group!: Group;

  @Field(() => Boolean, { description: 'True when the Groups API confirmed the deletion (`success: "true"`).' })
  deleted!: boolean;
}

@InputType({ description: 'Pending join requests of a group (join approval mode APPROVAL_REQUIRED) to approve or reject.' })
export class JoinRequestsInput extends RelayMutationInput {
  @Field(() => ID, { description: 'The group.' })
  groupId!: string;

  @Field(() => [ID], { description: 'The join requests (JoinRequest.id): at least one, no id twice.' })
  joinRequestIds!: string[];
}

@ObjectType({ description: 'A join request that could not be approved or rejected, and why.' })
export class FailedJoinRequest {
  @Field(() => ID, { description: 'The join request id.' })
  joinRequestId!: string;

  @Field(() => [EventError], { description: 'Why it failed (e.g. 131213: it no longer exists; 131204: the group is full).' })
  errors!: EventError[];
}

@ObjectType({ description: 'The outcome of approveJoinRequests / rejectJoinRequests. A partial failure is data, not a GraphQL error.' })
export class JoinRequestsPayload extends RelayMutationPayload {
  @Field(() => Group, { description: 'The group, read after the write.' })
  group!: Group;

  @Field(() => [ID], { description: 'The join requests approved (or rejected).' })
  succeededJoinRequestIds!: string[];

  @Field(() => [FailedJoinRequest], { description: 'The join requests that failed, each with its upstream errors.' })
  failedJoinRequests!: FailedJoinRequest[];

  @Field(() => [EventError], { description: 'Errors about the request as a whole, when the upstream sent any.' })
  errors!: EventError[];
}
