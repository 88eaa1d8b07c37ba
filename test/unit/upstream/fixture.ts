import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A Graph API answer from ./fixtures: Meta's documented samples and the variants of docs/groups-api.md#calls. */
export function fixture(name: string): unknown {
  return JSON.parse(readFileSync(join(__dirname, 'fixtures', `${name}.json`), 'utf8')) as unknown;
}
