import { ArgsType, Field, ID, Int } from 'type-graphql';

@ArgsType()
export class GroupsArgs {
  @Field(() => ID, { nullable: true, description: 'Business phone number whose groups to list; defaults to the configured WHATSAPP_PHONE_NUMBER_ID (in sandbox mode: its first phone number).' })
  phoneNumberId?: string | null;

  @Field(() => Int, { nullable: true, description: 'Page forwards: at most this many groups (1..1024, default 25).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Page forwards: the groups after this cursor.' })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: 'Page backwards: at most this many groups (1..1024), with `before`.' })
  last?: number | null;

  @Field(() => String, { nullable: true, description: 'Page backwards: the groups before this cursor.' })
  before?: string | null;
}
