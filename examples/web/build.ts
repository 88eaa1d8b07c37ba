import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** The app's folder (index.html, styles.css, src/). */
export const EXAMPLE_WEB_DIR = __dirname;
/** Where the bundle goes unless told otherwise (git-ignored). */
export const EXAMPLE_WEB_DEFAULT_OUTDIR = join(__dirname, 'dist');

/**
 * Bundles the app with esbuild into `outdir`: index.html, app.js (the TypeScript in src/, Apollo Client, graphql-ws)
 * and app.css. Fixed names: the static server sends them with `no-cache`, so a rebuild shows on the next reload.
 */
export async function buildExampleWeb(options: { outdir?: string } = {}): Promise<{ outdir: string }> {
  const outdir = options.outdir ?? EXAMPLE_WEB_DEFAULT_OUTDIR;
  mkdirSync(outdir, { recursive: true });
  await build({
    absWorkingDir: EXAMPLE_WEB_DIR,
    entryPoints: { app: 'src/main.ts' },
    outdir,
    bundle: true,
    minify: true,
    sourcemap: 'linked',
    format: 'iife',
    target: ['chrome111', 'firefox111', 'safari16'],
    // graphql and Apollo Client check NODE_ENV at run time; the browser has no `process`.
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  copyFileSync(join(EXAMPLE_WEB_DIR, 'index.html'), join(outdir, 'index.html'));
  return { outdir };
}
