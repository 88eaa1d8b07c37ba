import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** The real entry point (src/main.ts, transpiled on the fly by tsx) in its own process, as production runs it. */
export interface GatewayProcess {
  readonly pid: number;
  readonly url: string;
  readonly graphqlUrl: string;
  /** Every JSON log line the process wrote to stdout, parsed. */
  readonly logs: readonly Record<string, unknown>[];
  /** Settles when the process exited: its exit code, or the signal that ended it. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Sends the signal and waits for the exit. */
  kill(signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const REPO_ROOT = join(__dirname, '..', '..', '..');
const READY_MESSAGE = 'GraphQL endpoint ready at ';
const running = new Set<ChildProcess>();

// A test that fails before killing its processes must not leave gateways (and their Redis subscriptions) behind.
afterAll(async () => {
  await Promise.all(
    [...running].map((child) => {
      const exited = new Promise((resolve) => child.once('close', resolve));
      child.kill('SIGKILL');
      return exited;
    }),
  );
});

/**
 * Starts `node --import tsx src/main.ts` (NODE_ENV=test, PORT=0, HOST=127.0.0.1, sandbox mode unless `env` says
 * otherwise) and resolves once it logged where GraphQL is served; rejects with its stderr if it exits first.
 */
export function startGatewayProcess(env: Record<string, string> = {}): Promise<GatewayProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  const logs: Record<string, unknown>[] = [];
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    // 'close', not 'exit': by then stdout was read to the end, so `logs` holds the last lines too.
    child.once('close', (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    });
  });

  return new Promise((resolve, reject) => {
    let ready = false;
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      let entry: Record<string, unknown>;
      try {
        entry = JSON.parse(line) as Record<string, unknown>;
      } catch {
        return; // not a log line (a library printing to stdout): not ours to assert on
      }
      logs.push(entry);
      if (ready || typeof entry.msg !== 'string' || !entry.msg.startsWith(READY_MESSAGE)) return;
      ready = true;
      const graphqlUrl = String(entry.graphqlUrl);
      resolve({
        pid: child.pid!,
        url: graphqlUrl.replace(/\/graphql$/, ''),
        graphqlUrl,
        logs,
        exited,
        kill(signal) {
          child.kill(signal);
          return exited;
        },
      });
    });
    void exited.then(({ code, signal }) => {
      if (!ready) reject(new Error(`gateway process exited (code ${code}, signal ${signal}) before it was ready:\n${stderr}\n${JSON.stringify(logs.slice(-5))}`));
    });
  });
}
