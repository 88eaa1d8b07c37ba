import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Relay page information of a connection.' })
export class PageInfo {
  @Field(() => Boolean, { description: 'More items follow the last edge (continue with `after: endCursor`).' })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: 'More items precede the first edge (continue with `before: startCursor`).' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first edge; null when the page is empty.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge; null when the page is empty.' })
  endCursor!: string | null;
}
