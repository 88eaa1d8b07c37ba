import { Field, ObjectType } from 'type-graphql';
import { PageInfo } from '../relay/page-info.type';
import { JoinRequest } from './join-request.type';

@ObjectType({ description: 'A join request in a page of join requests.' })
export class JoinRequestEdge {
  @Field(() => String, { description: 'Opaque cursor of this edge, for `after`.' })
  cursor!: string;

  @Field(() => JoinRequest, { description: 'The join request.' })
  node!: JoinRequest;
}

@ObjectType({ description: 'A page of the pending join requests of a group (Relay connection).' })
export class JoinRequestConnection {
  @Field(() => [JoinRequestEdge], { description: 'The join requests of this page with their cursors.' })
  edges!: JoinRequestEdge[];

  @Field(() => [JoinRequest], { description: 'The join requests of this page, without cursors.' })
  nodes!: JoinRequest[];

  @Field(() => PageInfo, { description: 'Where this page sits in the whole list.' })
  pageInfo!: PageInfo;
}
