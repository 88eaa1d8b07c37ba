import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createSchema } from '../src/resolvers/create-schema';
import { printSortedSchema } from '../src/schema/print-schema';

/** `npm run schema:emit`: writes the checked-in SDL artifact; a unit test fails while it is stale. */
export const SCHEMA_FILE = resolve(__dirname, '../schema/schema.graphql');

async function emitSchema(): Promise<void> {
  const sdl = printSortedSchema(await createSchema());
  writeFileSync(SCHEMA_FILE, sdl, 'utf8');
  console.log(`wrote ${SCHEMA_FILE}`);
}

if (require.main === module) {
  emitSchema().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
