import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GraphQLSchema } from 'graphql';
import { parse, validate } from 'graphql';
import type { OperationDefinitionNode } from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import { createSchema } from '../../../src/resolvers/create-schema';
import { UploadedFile } from '../../../src/schema/mutations/uploaded-file';

/**
 * The README's GraphQL examples must stay true: every one of them parses and validates against the schema. Shell
 * values spliced into single-quoted JSON (`"'"$G"'"`) stand for an id: "x" here.
 */
const readme = readFileSync(join(__dirname, '../../../README.md'), 'utf8').replace(/'"\$[A-Z_]+"'/g, 'x');

function examples(): string[] {
  const found: string[] = [];
  // curl bodies: "query":"<document>" inside single-quoted JSON
  for (const match of readme.matchAll(/"query":"((?:[^"\\]|\\.)*)"/g)) {
    found.push(JSON.parse(`"${match[1]}"`.replace(/\\"'\$[A-Z_]+'\\"/g, '\\"x\\"')) as string);
  }
  // template literals: query: `subscription ... `
  for (const match of readme.matchAll(/query: `([^`]*)`/g)) found.push(match[1] ?? '');
  // shell variable holding a document: Q='query ...'
  for (const match of readme.matchAll(/^Q='((?:query|mutation|subscription)[^']*)'/gm)) found.push(match[1] ?? '');
  return found.map((document) => document.replace(/"'\$[A-Z_]+'"/g, '"x"'));
}

/** curl bodies with variables: `-d '{"query":..., "variables":...}'` (Upload placeholders stay null). */
function requestsWithVariables(): { query: string; variables: Record<string, unknown> }[] {
  const bodies: { query: string; variables: Record<string, unknown> }[] = [];
  // (multipart `operations=` bodies are read below, with their files)
  for (const match of readme.matchAll(/(?<!operations=)'(\{"query":.*?"variables":.*?\})'/g)) {
    bodies.push(JSON.parse(match[1] ?? '') as { query: string; variables: Record<string, unknown> });
  }
  // A multipart request: its `map` puts a file where `operations` holds a null placeholder, as the server does.
  for (const match of readme.matchAll(/operations='(\{.*?\})'[\s\S]*?map='(\{.*?\})'/g)) {
    const body = JSON.parse(match[1] ?? '') as { query: string; variables: Record<string, unknown> };
    const map = JSON.parse(match[2] ?? '{}') as Record<string, string[]>;
    for (const path of Object.values(map).flat()) placeFile(body, path.split('.'));
    bodies.push(body);
  }
  return bodies;
}

function placeFile(body: Record<string, unknown>, segments: string[]): void {
  let container = body as Record<string, unknown>;
  for (const segment of segments.slice(0, -1)) container = container[segment] as Record<string, unknown>;
  container[segments[segments.length - 1]!] = new UploadedFile('file', 'application/octet-stream', Buffer.alloc(0), false, 1);
}

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await createSchema();
});

describe('README examples', () => {
  const documents = examples();

  it('finds the examples', () => {
    expect(documents.length).toBeGreaterThanOrEqual(15);
  });

  it.each(documents.map((document) => [document.replace(/\s+/g, ' ').slice(0, 80), document]))('%s… validates against the schema', (_label, document) => {
    const errors = validate(schema, parse(document));
    expect(errors.map((error) => error.message)).toEqual([]);
  });

  const requests = requestsWithVariables();
  it.each(requests.map((request) => [request.query.slice(0, 60), request]))('%s… has variables of the right shape', (_label, request) => {
    const operation = parse(request.query).definitions[0] as OperationDefinitionNode;
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables);
    expect(coerced.errors?.map((error) => error.message) ?? []).toEqual([]);
  });
});
