import type { GraphQLSchema } from 'graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { buildSchema } from 'type-graphql';
import { createUnusedPubSub } from '../../../src/graph/events/unused-pub-sub';
import { GroupEventsResolver } from '../../../src/resolvers/group-events.resolver';
import { GroupFieldsResolver } from '../../../src/resolvers/group-fields.resolver';
import { OperationUpdatedResolver } from '../../../src/resolvers/operation-updated.resolver';

/** A schema of the event resolvers plus Group's fields, built like create-schema.ts does. */
export function buildEventsSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [GroupEventsResolver, OperationUpdatedResolver, GroupFieldsResolver],
    validate: false,
    emitSchemaFile: false,
    pubSub: createUnusedPubSub(),
    scalarsMap: [{ type: Date, scalar: GraphQLDateTime }],
  });
}
