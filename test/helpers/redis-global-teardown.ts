import { readFileSync, rmSync } from 'node:fs';

export default async function globalTeardown(): Promise<void> {
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
