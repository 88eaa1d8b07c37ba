import { Field, ObjectType } from 'type-graphql';
import { PageInfo } from '../relay/page-info.type';
import { Group } from './group.type';

@ObjectType({ description: 'A group in a page of groups.' })
export class GroupEdge {
  @Field(() => String, { description: 'Opaque cursor of this edge, for `after`/`before`.' })
  cursor!: string;

  @Field(() => Group, { description: 'The group.' })
  node!: Group;
}

@ObjectType({ description: 'A page of the active groups of a business phone number (Relay connection).' })
export class GroupConnection {
  @Field(() => [GroupEdge], { description: 'The groups of this page with their cursors.' })
  edges!: GroupEdge[];

  @Field(() => [Group], { description: 'The groups of this page, without cursors.' })
  nodes!: Group[];

  @Field(() => PageInfo, { description: 'Where this page sits in the whole list.' })
  pageInfo!: PageInfo;
}
