import type { GraphQLField, GraphQLObjectType } from 'graphql';
import { getNamedType, isObjectType } from 'graphql';
import { createSchema } from '../../../src/resolvers/create-schema';

/** Every `errors` field of an object type, by coordinate, with the named type of its items. */
function errorFields(types: readonly GraphQLObjectType[]): Record<string, string> {
  const found: Record<string, string> = {};
  for (const type of types) {
    const errors: GraphQLField<unknown, unknown> | undefined = type.getFields().errors;
    if (errors !== undefined) found[`${type.name}.errors`] = getNamedType(errors.type).name;
  }
  return found;
}

describe('one type for errors the upstream reports as data', () => {
  it('has no UpstreamItemError: join request failures use EventError, as events and operations do', async () => {
    const schema = await createSchema();
    expect(schema.getType('UpstreamItemError')).toBeUndefined();
    const objectTypes = Object.values(schema.getTypeMap()).filter(isObjectType).filter((type) => !type.name.startsWith('__'));
    const fields = errorFields(objectTypes);
    expect(fields).toMatchObject({
      'FailedJoinRequest.errors': 'EventError',
      'JoinRequestsPayload.errors': 'EventError',
      'GroupOperation.errors': 'EventError',
      'GroupCreateFailedEvent.errors': 'EventError',
      'MessageStatusUpdatedEvent.errors': 'EventError',
    });
    // Mutation payloads' top-level `errors` may be another type (GraphQL-level problems); every item error is EventError.
    const itemErrorTypes = new Set(Object.entries(fields).filter(([coordinate]) => !coordinate.endsWith('Payload.errors') || coordinate === 'JoinRequestsPayload.errors').map(([, name]) => name));
    expect([...itemErrorTypes]).toEqual(['EventError']);
  });
});
