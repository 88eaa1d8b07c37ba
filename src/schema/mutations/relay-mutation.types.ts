import { Field, InputType, ObjectType } from 'type-graphql';

/** Relay's mutation input convention: a client id echoed in the payload, to match answers to calls. */
@InputType({ description: 'Relay mutation input base: not emitted on its own.' })
export abstract class RelayMutationInput {
  @Field(() => String, { nullable: true, description: 'Any string; echoed in the payload to match the answer to this call (Relay).' })
  clientMutationId?: string | null;
}

@ObjectType({ description: 'Relay mutation payload base: not emitted on its own.' })
export abstract class RelayMutationPayload {
  @Field(() => String, { nullable: true, description: "The input's clientMutationId, unchanged." })
  clientMutationId!: string | null;
}
