import type { GraphQLSchema } from 'graphql';

/** What each root type offers. type-graphql builds the root types from resolver classes and takes no description for them. */
export const ROOT_TYPE_DESCRIPTIONS = {
  Query: 'Reads: groups of a business phone number, one group or many by id, the event log of groups, and operations (asynchronous writes).',
  Mutation:
    'Writes to the Groups API. Each takes one `input`, checked before any upstream call; writes that Meta completes by webhook answer an `operation` that the webhook completes.',
  Subscription: 'Live streams: group events (resumable with `after`, no gap or duplicate) and the progress of one operation.',
} as const;

/**
 * Gives the schema's root types their descriptions, in place, and returns the schema. The root types are created by
 * buildSchema for this schema alone, so setting their description changes nothing shared.
 */
export function describeRootTypes(schema: GraphQLSchema): GraphQLSchema {
  const roots = { Query: schema.getQueryType(), Mutation: schema.getMutationType(), Subscription: schema.getSubscriptionType() };
  for (const [name, type] of Object.entries(roots)) {
    if (type !== null && type !== undefined) type.description = ROOT_TYPE_DESCRIPTIONS[name as keyof typeof ROOT_TYPE_DESCRIPTIONS];
  }
  return schema;
}
