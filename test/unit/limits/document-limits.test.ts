import type { GraphQLSchema } from 'graphql';
import { parse } from 'graphql';
import { createSchema } from '../../../src/resolvers/create-schema';
import type { DocumentLimitsOptions } from '../../../src/limits/document-limits';
import { createDocumentLimits } from '../../../src/limits/document-limits';

const OPTIONS: DocumentLimitsOptions = { maxDepth: 10, maxAliases: 30, maxCost: 5_000, maxDocumentBytes: 32_768, maxListArgumentItems: 100, defaultListSize: 10, defaultPageSize: 50 };

describe('operation limits', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await createSchema();
  });
  const limits = createDocumentLimits(OPTIONS);
  const measure = (query: string, variables: Record<string, unknown> = {}) => limits.measure({ schema, document: parse(query), variables });
  const check = (query: string, variables: Record<string, unknown> = {}, options: Partial<DocumentLimitsOptions> = {}) =>
    createDocumentLimits({ ...OPTIONS, ...options }).check({ schema, document: parse(query), variables });

  it('counts the objects a response may hold: page sizes multiply the list under a connection', () => {
    expect(measure('{ groups(first: 10) { nodes { id subject participants { waId } } } }')).toEqual({ depth: 4, aliases: 0, cost: 1 + 10 + 10 * 10, longestListArgument: null });
    expect(measure('{ groups { edges { node { id } } } }')?.cost).toBe(1 + 50 + 50);
    expect(measure('query($n: Int) { groups(first: $n) { nodes { id } } }', { n: 3 })?.cost).toBe(1 + 3);
    expect(measure('{ groupsByIds(ids: ["a", "b", "c"]) { id joinRequests(first: 5) { nodes { waId } } } }')?.cost).toBe(3 + 3 * (1 + 5));
    expect(measure('{ group(id: "g") { subject } }')?.cost).toBe(1);
  });

  it('counts fragments per spread (named and inline), aliases included, and ignores introspection', () => {
    const query = `
      query { a: group(id: "1") { ...F } b: group(id: "2") { ...F } __schema { types { name fields { name type { ofType { ofType { ofType { name } } } } } } } }
      fragment F on Group { x: subject ... on Group { participants { waId } } }`;
    expect(measure(query)).toEqual({ depth: 3, aliases: 4, cost: 2 * (1 + 10), longestListArgument: null });
  });

  it('refuses a too deep query with GRAPHQL_VALIDATION_FAILED and the numbers', () => {
    const error = check('{ group(id: "g") { participants { waId } } }', {}, { maxDepth: 2 });
    expect(error?.message).toBe('The query nests 3 levels deep; at most 2 are allowed');
    expect(error?.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'depth', maximum: 2, actual: 3 });
  });

  it('refuses too many aliases, too high a cost and too long a text', () => {
    const aliases = `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: group(id: "${i}") { id }`).join(' ')} }`;
    expect(check(aliases)?.extensions).toMatchObject({ limit: 'aliases', maximum: 30, actual: 31 });
    expect(check('{ groups(first: 1000) { nodes { participants { waId } joinRequests { nodes { waId } } } } }')?.extensions).toMatchObject({ limit: 'cost', maximum: 5_000 });
    expect(check(`{ group(id: "${'x'.repeat(40_000)}") { id } }`)?.extensions).toMatchObject({ limit: 'documentBytes', maximum: 32_768 });
    expect(check('{ groups(first: 100) { nodes { id participants { waId } } } }')).toBeNull();
  });

  it('caps every list argument, literal or variable, nested in inputs too', () => {
    const ids = Array.from({ length: 101 }, (_, i) => `g${i}`);
    const error = check('query($ids: [ID!]!) { groupsByIds(ids: $ids) { id } }', { ids });
    expect(error?.message).toBe('`groupsByIds(ids)` has 101 items; at most 100 are accepted');
    expect(error?.extensions).toEqual({ code: 'BAD_USER_INPUT', argumentName: 'groupsByIds(ids)' });
    const nested = check('mutation($input: RemoveParticipantsInput!) { removeParticipants(input: $input) { clientMutationId } }', { input: { groupId: 'g', participants: ids } });
    expect(nested?.extensions).toEqual({ code: 'BAD_USER_INPUT', argumentName: 'removeParticipants(input).participants' });
  });

  it('leaves unknown operations and malformed variables to execution', () => {
    expect(limits.check({ schema, document: parse('query A { group(id: "g") { id } }'), operationName: 'B' })).toBeNull();
    expect(check('query($n: Int) { groups(first: $n) { nodes { id } } }', { n: 'many' })).toBeNull();
  });

  it('refuses options that are not positive integers', () => {
    expect(() => createDocumentLimits({ ...OPTIONS, maxCost: 0 })).toThrow(/maxCost to be an integer >= 1/);
  });
});
