import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderEnvExample } from '../src/config/env-example';
import { VARIABLE_SECTIONS } from '../src/config/variables';

/** `npm run env:example`: writes `.env.example` from the table of known variables; a unit test fails while it is stale. */
export const ENV_EXAMPLE_FILE = resolve(__dirname, '../.env.example');

if (require.main === module) {
  writeFileSync(ENV_EXAMPLE_FILE, renderEnvExample(VARIABLE_SECTIONS), 'utf8');
  console.log(`wrote ${ENV_EXAMPLE_FILE}`);
}
