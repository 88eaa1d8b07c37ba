import { GraphQLDateTime } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import type { UpstreamJoinRequest } from '../../upstream/types';
import { Group } from './group.type';

@ObjectType({ description: 'A pending request to join a group whose join approval mode is APPROVAL_REQUIRED.' })
export class JoinRequest {
  @Field(() => ID, { description: 'The join request id, used to approve or reject it.' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'Phone-number-based WhatsApp id of the requester; may be absent once business-scoped user ids are in use.' })
  waId!: string | null;

  @Field(() => String, { nullable: true, description: 'Business-scoped user id (BSUID) of the requester.' })
  userId!: string | null;

  @Field(() => String, { nullable: true, description: 'Parent business-scoped user id of the requester, when there is one.' })
  parentUserId!: string | null;

  @Field(() => String, { nullable: true, description: 'WhatsApp username of the requester, when there is one.' })
  username!: string | null;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'When the request was made.' })
  createdAt!: Date | null;

  @Field(() => Group, { description: 'The group the requester wants to join.' })
  group!: Group;
}

export function toJoinRequest(request: UpstreamJoinRequest, group: Group): JoinRequest {
  return {
    id: request.joinRequestId,
    waId: request.waId,
    userId: request.userId,
    parentUserId: request.parentUserId,
    username: request.username,
    createdAt: request.createdAt,
    group,
  };
}
