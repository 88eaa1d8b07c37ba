import type { GraphQLSchema } from 'graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { buildSchema } from 'type-graphql';
import { createUnusedPubSub } from '../schema/events/unused-pub-sub';
import { describeRootTypes } from '../schema/root-type-descriptions';
import { resolvers } from './index';

/**
 * The gateway's executable schema, code-first. No class-validator: arguments are validated in resolvers with
 * messages that name the argument.
 */
export async function createSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers,
    validate: false,
    emitSchemaFile: false,
    scalarsMap: [{ type: Date, scalar: GraphQLDateTime }],
    pubSub: createUnusedPubSub(),
  });
  return describeRootTypes(schema);
}
