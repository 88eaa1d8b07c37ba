#!/usr/bin/env node
/**
 * Bundles the GraphiQL IDE (ide/src: graphiql, the explorer plugin, React, the example operations) with esbuild
 * into dist/ide: one script and one stylesheet with content-hashed names, and manifest.json naming them, which the
 * gateway reads at start-up (src/server/graphiql). Run by `npm run build`; the tests run it with --if-stale.
 *
 *   node scripts/build-ide.mjs [--if-stale] [--outdir <dir>]
 *
 * --if-stale: do nothing when the manifest's source hash (ide/, this script, package-lock.json) is current.
 */
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const MANIFEST = 'manifest.json';

const args = process.argv.slice(2);
const outdirFlag = args.indexOf('--outdir');
const outdir = outdirFlag === -1 ? join(ROOT, 'dist', 'ide') : join(process.cwd(), args[outdirFlag + 1] ?? '');
const ifStale = args.includes('--if-stale');

const sourceHash = hashSources([join(ROOT, 'ide'), fileURLToPath(import.meta.url), join(ROOT, 'package-lock.json')]);
if (ifStale && currentHash(outdir) === sourceHash) process.exit(0);

const started = performance.now();
rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });
const result = await build({
  absWorkingDir: ROOT,
  entryPoints: { ide: 'ide/src/main.ts' },
  outdir,
  entryNames: '[name]-[hash]',
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['chrome111', 'firefox111', 'safari16'],
  loader: { '.graphql': 'text' },
  // React and graphql check NODE_ENV at run time; the browser has no `process`.
  define: { 'process.env.NODE_ENV': '"production"' },
  metafile: true,
  logLevel: 'warning',
});

const outputs = Object.keys(result.metafile.outputs).map((file) => basename(file));
const script = outputs.find((file) => file.endsWith('.js'));
const style = outputs.find((file) => file.endsWith('.css'));
if (script === undefined || style === undefined) throw new Error(`esbuild wrote ${outputs.join(', ')}: expected one .js and one .css file`);
writeFileSync(join(outdir, MANIFEST), `${JSON.stringify({ script, style, sourceHash }, null, 2)}\n`);
const bytes = (file) => statSync(join(outdir, file)).size;
console.log(
  `GraphQL IDE bundled into ${relative(process.cwd(), outdir) || '.'}: ${script} (${kib(bytes(script))}), ${style} (${kib(bytes(style))}) in ${Math.round(performance.now() - started)} ms`,
);

function kib(size) {
  return `${Math.round(size / 1024)} KiB`;
}

function currentHash(dir) {
  try {
    return JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')).sourceHash;
  } catch {
    return null;
  }
}

/** Paths and contents of every file under the given files and folders, in a stable order. */
function hashSources(paths) {
  const hash = createHash('sha256');
  const visit = (path) => {
    if (statSync(path).isDirectory()) {
      for (const entry of readdirSync(path).sort()) visit(join(path, entry));
      return;
    }
    hash.update(relative(ROOT, path)).update('\0').update(readFileSync(path)).update('\0');
  };
  for (const path of paths) visit(path);
  return hash.digest('hex');
}
