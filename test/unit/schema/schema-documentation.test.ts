import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { GraphQLNamedType, GraphQLSchema } from 'graphql';
import { buildSchema, isEnumType, isInputObjectType, isInterfaceType, isIntrospectionType, isObjectType, isSpecifiedScalarType, isUnionType } from 'graphql';
import { createSchema } from '../../../src/resolvers/create-schema';

/**
 * Every schema element a client can see, by its coordinate (`Type`, `Type.field`, `Type.field(arg:)`,
 * `Input.field`, `Enum.VALUE`), with its description. Built-in scalars and introspection types are GraphQL's own.
 */
function describedElements(schema: GraphQLSchema): { coordinate: string; description: string | null | undefined }[] {
  const elements: { coordinate: string; description: string | null | undefined }[] = [];
  const types = Object.values(schema.getTypeMap()).filter((type: GraphQLNamedType) => !isIntrospectionType(type) && !isSpecifiedScalarType(type));
  for (const type of types) {
    elements.push({ coordinate: type.name, description: type.description });
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        elements.push({ coordinate: `${type.name}.${field.name}`, description: field.description });
        for (const arg of field.args) elements.push({ coordinate: `${type.name}.${field.name}(${arg.name}:)`, description: arg.description });
      }
    }
    if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) elements.push({ coordinate: `${type.name}.${field.name}`, description: field.description });
    }
    if (isEnumType(type)) {
      for (const value of type.getValues()) elements.push({ coordinate: `${type.name}.${value.name}`, description: value.description });
    }
  }
  return elements;
}

const undocumented = (schema: GraphQLSchema): string[] =>
  describedElements(schema)
    .filter((element) => element.description === null || element.description === undefined || element.description.trim() === '')
    .map((element) => element.coordinate);

describe('a schema that documents itself', () => {
  it('describes every type, field, argument, input field and enum value of the code-first schema', async () => {
    expect(undocumented(await createSchema())).toEqual([]);
  });

  it('describes every element of the checked-in schema/schema.graphql', () => {
    const sdl = readFileSync(resolve(__dirname, '../../../schema/schema.graphql'), 'utf8');
    expect(undocumented(buildSchema(sdl))).toEqual([]);
  });

  it('walks every kind of element: a bare schema lists each missing description by its coordinate', () => {
    const bare = buildSchema(`
      type Query { a(x: Int): T }
      type T implements I { id: ID }
      interface I { id: ID }
      union U = T
      input In { f: Int }
      enum E { V }
      scalar S
      type Mutation { m(input: In): U, e: E, s: S }
    `);
    expect(undocumented(bare).sort()).toEqual(
      ['E', 'E.V', 'I', 'I.id', 'In', 'In.f', 'Mutation', 'Mutation.e', 'Mutation.m', 'Mutation.m(input:)', 'Mutation.s', 'Query', 'Query.a', 'Query.a(x:)', 'S', 'T', 'T.id', 'U'].sort(),
    );
    expect(isUnionType(bare.getType('U'))).toBe(true);
  });

  it('MessagePricing gives the group pricing values, not the 1:1 ones', async () => {
    const pricing = (await createSchema()).getType('MessagePricing');
    if (!isObjectType(pricing)) throw new Error('MessagePricing is not an object type');
    const fields = pricing.getFields();
    for (const value of ['group_marketing', 'group_utility', 'group_service']) expect(fields.category?.description).toContain(value);
    expect(fields.type?.description).toContain('free_group_customer_service');
    expect(fields.type?.description).not.toMatch(/\bfree_customer_service\b/);
  });
});
