import { Field, ObjectType } from 'type-graphql';
import { PageInfo } from '../relay/page-info.type';
import { GroupEvent } from './group-event.interface';

@ObjectType({ description: 'An event in a page of the event log.' })
export class GroupEventEdge {
  @Field(() => String, { description: 'The event\'s cursor: `after` it to continue (the same value as `node.cursor`).' })
  cursor!: string;

  @Field(() => GroupEvent, { description: 'The event.' })
  node!: GroupEvent;
}

@ObjectType({ description: 'A page of the event log, oldest first (Relay connection).' })
export class GroupEventConnection {
  @Field(() => [GroupEventEdge], { description: 'The events of this page with their cursors.' })
  edges!: GroupEventEdge[];

  @Field(() => [GroupEvent], { description: 'The events of this page.' })
  nodes!: GroupEvent[];

  @Field(() => PageInfo, { description: '`hasNextPage` says more matching events are stored after this page.' })
  pageInfo!: PageInfo;
}
