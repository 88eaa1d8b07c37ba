import { spawn, spawnSync } from 'node:child_process';
import { startLocalRedisCluster } from './local-redis-cluster';
import type { LocalRedisCluster } from './local-redis-cluster';
import { writeFileSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Makes sure a real Redis answers for the projects that need one (contract, integration, fuzz, soak: see jest.config.js).
 * REDIS_URL (default redis://127.0.0.1:6379) is used when it answers; otherwise a throwaway redis-server
 * is started on a free port; otherwise the run fails with how to get Redis.
 */
export const PID_FILE = join(tmpdir(), `wgg-test-redis-${process.pid}.pid`);

/** Read by the global teardown (jest shares globals between a project's globalSetup and globalTeardown only). */
export const CLUSTER_GLOBAL = '__wggTestRedisCluster';

/**
 * Besides the single Redis: a local 3-master/3-replica Redis Cluster, once per run, when redis-server and redis-cli are
 * on the PATH (WGG_TEST_REDIS_CLUSTER=off skips it). Its seeds go to WGG_TEST_REDIS_CLUSTER_NODES; the Redis-backed
 * contract suites and the cluster integration tests run against it as well (test/helpers/redis.ts testRedisTargets).
 */
export default async function globalSetup(): Promise<void> {
  await setUpSingleRedis();
  if (process.env.WGG_TEST_REDIS_CLUSTER === 'off' || process.env.WGG_TEST_REDIS_CLUSTER_NODES) return;
  const present = (name: string) => spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
  if (!present('redis-server') || !present('redis-cli')) return;
  const cluster: LocalRedisCluster = await startLocalRedisCluster();
  (globalThis as Record<string, unknown>)[CLUSTER_GLOBAL] = cluster;
  process.env.WGG_TEST_REDIS_CLUSTER_NODES = cluster.seeds;
}

async function setUpSingleRedis(): Promise<void> {
  const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  if (await redisAnswers(url)) {
    process.env.REDIS_URL = url;
    return;
  }
  const which = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  if (which.status !== 0) {
    throw new Error(
      `No Redis answers at ${url} and redis-server is not on the PATH.\n` +
        'Start one (e.g. `docker run -p 6379:6379 redis:7` or `apt-get install redis-server`), or set REDIS_URL.',
    );
  }
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
    detached: true,
  });
  child.unref();
  writeFileSync(PID_FILE, String(child.pid));
  process.env.WGG_TEST_REDIS_PID_FILE = PID_FILE;
  const startedUrl = `redis://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 100; attempt++) {
    if (await redisAnswers(startedUrl)) {
      process.env.REDIS_URL = startedUrl;
      return;
    }
    await new Promise((r) => setTimeout(r, 50)); // polling a child process we just started: no event to wait on
  }
  throw new Error(`Started redis-server on port ${port} but it did not answer PING`);
}

function redisAnswers(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('error', () => done(false));
    socket.connect(Number(port || 6379), hostname, () => socket.write('PING\r\n'));
    socket.once('data', (data) => done(data.toString().startsWith('+PONG') || data.toString().startsWith('-NOAUTH')));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
