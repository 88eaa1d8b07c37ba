import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A Graph API answer from ./fixtures (copies of shared/reference/fixtures/meta/api plus our own variants). */
export function fixture(name: string): unknown {
  return JSON.parse(readFileSync(join(__dirname, 'fixtures', `${name}.json`), 'utf8')) as unknown;
}
