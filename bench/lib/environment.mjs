import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';

const require = createRequire(import.meta.url);
const PACKAGES = ['fastify', '@apollo/server', 'graphql', 'graphql-ws', 'ws', 'ioredis', 'type-graphql', 'dataloader', 'autocannon'];

function versionOf(name) {
  try {
    return JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')).version;
  } catch {
    return 'unknown';
  }
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
