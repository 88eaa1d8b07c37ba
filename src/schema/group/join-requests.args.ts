import { ArgsType, Field, Int } from 'type-graphql';

@ArgsType()
export class JoinRequestsArgs {
  @Field(() => Int, { nullable: true, description: 'At most this many join requests (1..1024, default 25).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'The join requests after this cursor.' })
  after?: string | null;
}
