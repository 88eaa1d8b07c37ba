import { GraphQLDateTime } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({
  description:
    "The conversation WhatsApp counted a message in, as reported with its status (Meta's `conversation`). Since Graph API v24.0 Meta sends it only in free-entry-point windows.",
})
export class MessageConversation {
  @Field(() => ID, { nullable: true, description: 'The conversation id.' })
  id!: string | null;

  @Field(() => String, { nullable: true, description: 'The conversation category (`origin.type`), e.g. `marketing`, `utility`, `service`, `referral_conversion`.' })
  originType!: string | null;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'When the conversation window ends; sent only with the status that opened the conversation.' })
  expiresAt!: Date | null;
}
