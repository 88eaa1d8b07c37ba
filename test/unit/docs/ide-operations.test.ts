import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GraphQLSchema } from 'graphql';
import { parse, validate } from 'graphql';
import { createSchema } from '../../../src/resolvers/create-schema';

/** The bundled IDE opens with these operations as tabs (ide/src/example-tabs.ts): they must stay valid. */
const OPERATIONS_DIR = join(__dirname, '../../../ide/operations');
const files = readdirSync(OPERATIONS_DIR).filter((file) => file.endsWith('.graphql'));

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await createSchema();
});

describe('the IDE example operations', () => {
  it('opens every one of them as a tab', () => {
    const tabs = readFileSync(join(__dirname, '../../../ide/src/example-tabs.ts'), 'utf8');
    expect(files.length).toBeGreaterThanOrEqual(5);
    expect(files.filter((file) => !tabs.includes(`'../operations/${file}'`))).toEqual([]);
  });

  it.each(files)('%s validates against the schema', (file) => {
    const errors = validate(schema, parse(readFileSync(join(OPERATIONS_DIR, file), 'utf8')));
    expect(errors.map((error) => error.message)).toEqual([]);
  });
});
