import { Field, Int, ObjectType } from 'type-graphql';

/**
 * The one error type of upstream-reported errors: inside an event, in an operation's outcome, and for one item of a
 * request (a join request that could not be approved). They all carry Meta's error object, so one type serves them all.
 */
@ObjectType({
  description:
    'An error the upstream reported as data: inside an event, in an operation\'s outcome, or for one item of a request (e.g. a join request that could not be approved). Meta\'s shape: `{code, title, message, error_data.details}`.',
})
export class EventError {
  @Field(() => Int, { nullable: true, description: 'The provider\'s numeric error code (Graph API codes for Meta, e.g. 131000; 131213: the join request does not exist).' })
  code!: number | null;

  @Field(() => String, { nullable: true, description: 'Short title of the error.' })
  title!: string | null;

  @Field(() => String, { nullable: true, description: 'The error message.' })
  message!: string | null;

  @Field(() => String, { nullable: true, description: 'Further details, when the provider sent them.' })
  details!: string | null;
}
