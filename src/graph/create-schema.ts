import type { GraphQLSchema } from 'graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { buildSchema } from 'type-graphql';
import { resolvers } from '../resolvers';
import { createUnusedPubSub } from './events/unused-pub-sub';

/**
 * The gateway's executable schema, code-first. No class-validator: arguments are validated in resolvers with
 * messages that name the argument.
 */
export async function createSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers,
    validate: false,
    emitSchemaFile: false,
    scalarsMap: [{ type: Date, scalar: GraphQLDateTime }],
    pubSub: createUnusedPubSub(),
  });
}
