import { readFileSync, rmSync } from 'node:fs';
import type { LocalRedisCluster } from './local-redis-cluster';
import { CLUSTER_GLOBAL } from './redis-global-setup';

export default async function globalTeardown(): Promise<void> {
  const cluster = (globalThis as Record<string, unknown>)[CLUSTER_GLOBAL] as LocalRedisCluster | undefined;
  if (cluster !== undefined) {
    await cluster.stop();
    delete process.env.WGG_TEST_REDIS_CLUSTER_NODES;
  }
  const pidFile = process.env.WGG_TEST_REDIS_PID_FILE;
  if (!pidFile) return;
  try {
    const pid = Number(readFileSync(pidFile, 'utf8'));
    if (pid > 0) process.kill(pid, 'SIGTERM');
  } catch {
    // already gone
  }
  rmSync(pidFile, { force: true });
}
