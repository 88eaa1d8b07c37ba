import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const PACKAGES = ['fastify', '@apollo/server', 'graphql', 'graphql-ws', 'ws', 'ioredis', 'type-graphql', 'dataloader', 'autocannon'];

/** The installed version: from the package.json above its entry point (some packages do not export package.json). */
function versionOf(name) {
  try {
    for (let dir = dirname(require.resolve(name)); dir !== dirname(dir); dir = dirname(dir)) {
      const file = join(dir, 'package.json');
      if (!existsSync(file)) continue;
      const manifest = JSON.parse(readFileSync(file, 'utf8'));
      if (manifest.name === name) return manifest.version;
    }
  } catch {
    // not installed, or no resolvable entry point
  }
  return 'unknown';
}

/** What a reader needs to compare runs: CPU, cores, memory, OS, Node and the versions of the parts on the hot paths. */
export function describeEnvironment() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    packages: Object.fromEntries(PACKAGES.map((name) => [name, versionOf(name)])),
  };
}
