import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'How WhatsApp prices a message, as reported with its status.' })
export class MessagePricing {
  @Field(() => String, { nullable: true, description: 'Pricing model, e.g. `PMP`.' })
  model!: string | null;

  @Field(() => String, { nullable: true, description: 'Pricing category; for group messages `group_marketing`, `group_utility` or `group_service`.' })
  category!: string | null;

  @Field(() => String, { nullable: true, description: 'Pricing type; for group messages `regular` or `free_group_customer_service`.' })
  type!: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether the message is billable.' })
  billable!: boolean | null;
}
