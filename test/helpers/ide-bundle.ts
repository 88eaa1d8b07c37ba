import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const REPO_ROOT = join(__dirname, '..', '..');

/**
 * Builds the GraphiQL bundle into dist/ide when it is missing or older than its sources, as `npm run build` does
 * (scripts/build-ide.mjs --if-stale), so the suite runs on a clean clone. Synchronous: call it in beforeAll.
 */
export function ensureIdeBundle(): void {
  const run = spawnSync(process.execPath, ['scripts/build-ide.mjs', '--if-stale'], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`Building the GraphQL IDE bundle (node scripts/build-ide.mjs) failed:\n${run.stderr}${run.stdout}`);
}
