import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Group } from '../group/group.type';
import { JoinApprovalMode } from '../group/join-approval-mode.enum';
import { GroupOperation } from '../operations/operation.type';
import { RelayMutationInput, RelayMutationPayload } from './relay-mutation.types';
import { UploadScalar } from './upload.scalar';
import type { UploadedFile } from './uploaded-file';

@InputType({ description: 'A new group. The Groups API creates it asynchronously: the payload has a PENDING operation until the outcome arrives.' })
export class CreateGroupInput extends RelayMutationInput {
  @Field(() => ID, { nullable: true, description: 'The business phone number to create the group for; defaults to the configured one (WHATSAPP_PHONE_NUMBER_ID).' })
  phoneNumberId?: string | null;

  @Field(() => String, { description: 'The group name: not empty after trimming, at most 128 characters.' })
  subject!: string;

  @Field(() => String, { nullable: true, description: 'At most 2048 characters.' })
  description?: string | null;

  @Field(() => JoinApprovalMode, { nullable: true, description: 'Whether joining through the invite link needs approval. Upstream default: AUTO_APPROVE.' })
  joinApprovalMode?: JoinApprovalMode | null;

  @Field(() => String, {
    nullable: true,
    description: 'Makes retries safe: a later call with the same key and the same input (on any gateway instance, for 24 h) answers the first result without creating another group.',
  })
  idempotencyKey?: string | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Wait (bounded) for the outcome and answer it in this response: `operation` SUCCEEDED with the group and its invite link, or FAILED.' })
  awaitCompletion?: boolean | null;

  @Field(() => Int, { nullable: true, description: 'With awaitCompletion: the longest wait in seconds (1 to 30, default 10). Past it the operation is answered PENDING.' })
  awaitTimeoutSeconds?: number | null;
}

@ObjectType({ description: 'The outcome of createGroup.' })
export class CreateGroupPayload extends RelayMutationPayload {
  @Field(() => GroupOperation, { description: 'Tracks the creation: its id is the upstream request_id; follow it with operation(id) or operationUpdated(id).' })
  operation!: GroupOperation;

  @Field(() => Group, { nullable: true, description: 'The new group once the operation SUCCEEDED (with awaitCompletion, or on a retried idempotent call); null while PENDING.' })
  group!: Group | null;
}

@InputType({ description: 'Changes to a group: any of subject, description and profile picture (at least one).' })
export class UpdateGroupInput extends RelayMutationInput {
  @Field(() => ID, { description: 'The group to change.' })
  groupId!: string;

  @Field(() => String, { nullable: true, description: 'New name: not empty after trimming, at most 128 characters.' })
  subject?: string | null;

  @Field(() => String, { nullable: true, description: 'New description: at most 2048 characters; an empty string clears it.' })
  description?: string | null;

  @Field(() => UploadScalar, { nullable: true, description: 'New picture (multipart upload): a square JPEG, at least 192x192, at most 5 MB.' })
  profilePicture?: UploadedFile | null;
}

@ObjectType({ description: 'The outcome of updateGroup: accepted; `operation` completes when the webhook confirms each change.' })
export class UpdateGroupPayload extends RelayMutationPayload {
  @Field(() => Group, { description: 'The group, read after the write.' })
  group!: Group;

  @Field(() => GroupOperation, { description: 'SUCCEEDED once every change is confirmed, FAILED with the upstream errors otherwise.' })
  operation!: GroupOperation;
}

@InputType({ description: 'A group to delete: it is removed with every participant, including the business.' })
export class DeleteGroupInput extends RelayMutationInput {
  @Field(() => ID, { description: 'The group to delete.' })
  groupId!: string;
}

@ObjectType({ description: 'The outcome of deleteGroup: accepted; `operation` completes when the webhook confirms it.' })
export class DeleteGroupPayload extends RelayMutationPayload {
  @Field(() => ID, { description: 'The id of the group being deleted.' })
  deletedGroupId!: string;

  @Field(() => GroupOperation, { description: 'SUCCEEDED once the group is gone, FAILED with the upstream errors otherwise.' })
  operation!: GroupOperation;
}
