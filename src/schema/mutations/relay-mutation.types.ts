import type { ArgOptions } from 'type-graphql';
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

/**
 * Options of a mutation's single `input` argument: its description says what the input holds and the rule every
 * mutation keeps, so no `input` goes undocumented (test/unit/schema/schema-documentation.test.ts).
 */
export function mutationInput(what: string): ArgOptions {
  return { description: `${what} Checked before any upstream call: a bad field is refused with BAD_USER_INPUT naming it.` };
}
