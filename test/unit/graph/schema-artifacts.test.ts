import { generate } from '@graphql-codegen/cli';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import codegenConfig from '../../../codegen';
import { createSchema } from '../../../src/resolvers/create-schema';
import { printSortedSchema } from '../../../src/graph/print-schema';

const ROOT = resolve(__dirname, '../../..');
const read = (path: string): string => readFileSync(resolve(ROOT, path), 'utf8');

describe('checked-in schema artifacts', () => {
  it('schema/schema.graphql matches the code-first schema (else run `npm run schema:emit`)', async () => {
    expect(read('schema/schema.graphql')).toBe(printSortedSchema(await createSchema()));
  });

  it('test/generated/graphql.ts matches codegen over schema and operations (else run `npm run codegen`)', async () => {
    const outputs = (await generate({ ...codegenConfig, cwd: ROOT, silent: true }, false)) as { filename: string; content: string }[];
    expect(outputs.map((output) => output.filename)).toEqual(['test/generated/graphql.ts']);
    expect(read('test/generated/graphql.ts')).toBe(outputs[0]?.content);
  }, 30_000);

  it('exposes exactly the query and subscription root fields of the contract', async () => {
    const schema = await createSchema();
    expect(Object.keys(schema.getQueryType()?.getFields() ?? {}).sort()).toEqual(['group', 'groupEvents', 'groups', 'groupsByIds', 'operation']);
    expect(Object.keys(schema.getSubscriptionType()?.getFields() ?? {}).sort()).toEqual(['groupEvents', 'operationUpdated']);
  });

  it('exposes exactly the mutations of the contract, plus pin/unpin', async () => {
    const schema = await createSchema();
    expect(Object.keys(schema.getMutationType()?.getFields() ?? {}).sort()).toEqual([
      'approveJoinRequests',
      'createGroup',
      'deleteGroup',
      'pinGroupMessage',
      'rejectJoinRequests',
      'removeParticipants',
      'resetInviteLink',
      'sendGroupMessage',
      'unpinGroupMessage',
      'updateGroup',
    ]);
  });
});
