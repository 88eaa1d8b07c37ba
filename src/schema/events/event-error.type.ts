import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'An error the provider reported inside an event (Meta: `{code, title, message, error_data.details}`).' })
export class EventError {
  @Field(() => Int, { nullable: true, description: 'The provider\'s numeric error code (Graph API codes for Meta, e.g. 131000).' })
  code!: number | null;

  @Field(() => String, { nullable: true, description: 'Short title of the error.' })
  title!: string | null;

  @Field(() => String, { nullable: true, description: 'The error message.' })
  message!: string | null;

  @Field(() => String, { nullable: true, description: 'Further details, when the provider sent them.' })
  details!: string | null;
}
