import { ArgsType, Field, Int } from 'type-graphql';

/** Relay arguments of `Group.joinRequests`, the same as `groups`: `first`/`after` forwards, `last`/`before` backwards. */
@ArgsType()
export class JoinRequestsArgs {
  @Field(() => Int, { nullable: true, description: 'Page forwards: at most this many join requests (1..1024, default 25).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Page forwards: the join requests after this cursor.' })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: 'Page backwards: at most this many join requests (1..1024), with `before`.' })
  last?: number | null;

  @Field(() => String, { nullable: true, description: 'Page backwards: the join requests before this cursor (a cursor of this group\'s join requests).' })
  before?: string | null;
}
