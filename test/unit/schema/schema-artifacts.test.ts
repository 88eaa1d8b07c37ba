import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createSchema } from '../../../src/resolvers/create-schema';
import { printSortedSchema } from '../../../src/schema/print-schema';

const ROOT = resolve(__dirname, '../../..');
const read = (path: string): string => readFileSync(resolve(ROOT, path), 'utf8');

/**
 * What `npm run codegen` would write, generated in a child Node process: the client preset loads ESM-only modules
 * that jest's CommonJS module system cannot.
 */
function codegenOutputs(): { filename: string; content: string }[] {
  const script = [
    "const { generate } = require('@graphql-codegen/cli');",
    "const config = require('./codegen.ts').default;",
    'generate({ ...config, cwd: process.cwd(), silent: true }, false)',
    '  .then((outputs) => process.stdout.write(JSON.stringify(outputs.map(({ filename, content }) => ({ filename, content })))))',
    '  .catch((error) => { process.stderr.write(String(error && error.stack || error)); process.exit(1); });',
  ].join('\n');
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=commonjs', '-e', script], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`codegen failed (exit ${run.status}): ${run.stderr}`);
  return JSON.parse(run.stdout) as { filename: string; content: string }[];
}

describe('checked-in schema artifacts', () => {
  it('schema/schema.graphql matches the code-first schema (else run `npm run schema:emit`)', async () => {
    expect(read('schema/schema.graphql')).toBe(printSortedSchema(await createSchema()));
  });

  it('test/generated/graphql.ts and examples/web/src/gql/ match codegen over schema and operations (else run `npm run codegen`)', () => {
    const outputs = codegenOutputs();
    expect(outputs.map((output) => output.filename).sort()).toEqual([
      'examples/web/src/gql/gql.ts',
      'examples/web/src/gql/graphql.ts',
      'examples/web/src/gql/index.ts',
      'test/generated/graphql.ts',
    ]);
    expect(outputs.filter((output) => read(output.filename) !== output.content).map((output) => `${output.filename} is stale`)).toEqual([]);
  }, 30_000);

  it('exposes exactly the query and subscription root fields of the contract', async () => {
    const schema = await createSchema();
    expect(Object.keys(schema.getQueryType()?.getFields() ?? {}).sort()).toEqual(['group', 'groupEvents', 'groups', 'groupsByIds', 'operation']);
    expect(Object.keys(schema.getSubscriptionType()?.getFields() ?? {}).sort()).toEqual(['groupEvents', 'operationUpdated']);
  });

  it('exposes exactly the mutations of the contract, plus pin/unpin, deleteInviteLink, sendGroupInviteTemplate and uploadMedia', async () => {
    const schema = await createSchema();
    expect(Object.keys(schema.getMutationType()?.getFields() ?? {}).sort()).toEqual([
      'approveJoinRequests',
      'createGroup',
      'deleteGroup',
      'deleteInviteLink',
      'pinGroupMessage',
      'rejectJoinRequests',
      'removeParticipants',
      'resetInviteLink',
      'sendGroupInviteTemplate',
      'sendGroupMessage',
      'unpinGroupMessage',
      'updateGroup',
      'uploadMedia',
    ]);
  });
});
