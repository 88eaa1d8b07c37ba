import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The GraphiQL bundle `scripts/build-ide.mjs` wrote: file names carry a content hash, so they are cached for good. */
export interface IdeBundle {
  readonly dir: string;
  readonly script: string;
  readonly style: string;
}

export type IdeBundleLookup = { readonly found: true; readonly bundle: IdeBundle } | { readonly found: false; readonly reason: string };

/** Only plain file names from the manifest are served: nothing in it can point outside the bundle's folder. */
const BUNDLE_FILE = /^[A-Za-z0-9_-]+\.(?:js|css)$/;
export const IDE_MANIFEST = 'manifest.json';
/** How to get the bundle, for the log line and the page shown while it is missing. */
export const IDE_BUILD_HINT = 'run `npm run build` (or `node scripts/build-ide.mjs`)';

/** Reads the bundle's manifest once, at start-up; a missing or broken bundle is reported, not thrown (the API still serves). */
export function loadIdeBundle(dir: string): IdeBundleLookup {
  const manifestPath = join(dir, IDE_MANIFEST);
  let manifest: unknown;
  try {
    manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { found: false, reason: code === 'ENOENT' ? `no ${manifestPath}` : `unreadable ${manifestPath}: ${(error as Error).message}` };
  }
  const { script, style } = (manifest ?? {}) as { script?: unknown; style?: unknown };
  if (typeof script !== 'string' || typeof style !== 'string' || !BUNDLE_FILE.test(script) || !BUNDLE_FILE.test(style)) {
    return { found: false, reason: `${manifestPath} does not name a script and a style file` };
  }
  for (const file of [script, style]) if (!existsSync(join(dir, file))) return { found: false, reason: `${join(dir, file)} is missing` };
  return { found: true, bundle: { dir, script, style } };
}

/** `dist/ide` of the package this file belongs to, whether it runs from `src/` (tests, tsx) or from `dist/` (npm start). */
export function defaultIdeBundleDir(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) return join(__dirname, 'ide');
    dir = parent;
  }
  return join(dir, 'dist', 'ide');
}
