import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';

/**
 * A `redis-server` of the bench's own (no persistence, loopback, a free port, a temp dir), for measurements that
 * read INFO `used_memory`: on the shared Redis other clients' keys move it. Null when there is no `redis-server`.
 * `stop()` ends the process and removes the dir.
 */
export async function startPrivateRedis() {
  if (spawnSync('sh', ['-c', 'command -v redis-server']).status !== 0) return null;
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'wgg-bench-redis-'));
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'ignore'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    await new Promise((resolve, reject) => {
      let seen = '';
      child.stdout.on('data', (chunk) => {
        seen += chunk.toString();
        if (seen.includes('Ready to accept connections')) resolve();
      });
      void exited.then((code) => reject(new Error(`redis-server exited with code ${code} before it was ready`)));
    });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  child.stdout.resume();
  const redis = new Redis({ host: '127.0.0.1', port, maxRetriesPerRequest: 1 });
  return {
    redis,
    version: /redis_version:(\S+)/.exec(await redis.info('server'))?.[1] ?? 'unknown',
    async stop() {
      await redis.quit();
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}
