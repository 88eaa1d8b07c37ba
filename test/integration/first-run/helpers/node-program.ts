import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export const REPO_ROOT = join(__dirname, '..', '..', '..', '..');

export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A TypeScript program of this repository in its own process (`node --import tsx <file>`), as a user runs it. */
export interface NodeProgram {
  readonly pid: number;
  /** Every stdout line, with its JSON value when it is one (pino log lines). */
  readonly lines: readonly { text: string; json: Record<string, unknown> | null }[];
  /** Everything written to stderr so far. */
  stderr(): string;
  /** Resolves with the first stdout line (written or still to come) that matches; rejects after `timeoutMs` or at exit. */
  waitForLine(matches: (line: { text: string; json: Record<string, unknown> | null }) => boolean, timeoutMs?: number): Promise<{ text: string; json: Record<string, unknown> | null }>;
  /** Resolves once stderr contains the text; rejects after `timeoutMs` or at exit. */
  waitForStderr(text: string | RegExp, timeoutMs?: number): Promise<void>;
  readonly exited: Promise<ExitStatus>;
  signal(signal: NodeJS.Signals): void;
  /** Sends the signal and waits for the exit. */
  kill(signal?: NodeJS.Signals): Promise<ExitStatus>;
}

const running = new Set<ChildProcess>();

// A test that fails before stopping its programs must not leave them behind.
afterAll(async () => {
  await Promise.all(
    [...running].map((child) => {
      const closed = new Promise((resolve) => child.once('close', resolve));
      child.kill('SIGKILL');
      return closed;
    }),
  );
});

/**
 * Starts `file` (relative to the repository root) with only PATH and HOME from this environment plus `env`, so that
 * no setting of the machine running the tests leaks in.
 */
export function startNodeProgram(file: string, options: { args?: string[]; env?: Record<string, string> } = {}): NodeProgram {
  const child = spawn(process.execPath, ['--import', 'tsx', file, ...(options.args ?? [])], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  const lines: { text: string; json: Record<string, unknown> | null }[] = [];
  const lineWaiters = new Set<(line: { text: string; json: Record<string, unknown> | null }) => boolean>();
  const stderrWaiters = new Set<() => boolean>();
  let stderr = '';
  let exitStatus: ExitStatus | null = null;
  const exitListeners = new Set<() => void>();
  const exited = new Promise<ExitStatus>((resolve) => {
    // 'close', not 'exit': by then stdout and stderr were read to the end.
    child.once('close', (code, signal) => {
      running.delete(child);
      exitStatus = { code, signal };
      for (const listener of [...exitListeners]) listener();
      resolve(exitStatus);
    });
  });
  createInterface({ input: child.stdout! }).on('line', (text) => {
    let json: Record<string, unknown> | null = null;
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) json = parsed as Record<string, unknown>;
    } catch {
      json = null;
    }
    const line = { text, json };
    lines.push(line);
    for (const waiter of [...lineWaiters]) if (waiter(line)) lineWaiters.delete(waiter);
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
    for (const waiter of [...stderrWaiters]) if (waiter()) stderrWaiters.delete(waiter);
  });

  /** Settles a wait: on its condition, on its deadline, or when the program exits first. */
  const bounded = <T>(what: string, timeoutMs: number, register: (settle: (value: T) => void) => (() => void) | null): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      let unregister: (() => void) | null = null;
      const finish = (): void => {
        clearTimeout(timer);
        exitListeners.delete(onExit);
        unregister?.();
      };
      const fail = (reason: string): void => {
        finish();
        reject(new Error(`${file}: ${reason} while waiting for ${what}\n--- stderr ---\n${stderr}\n--- last stdout lines ---\n${lines.slice(-8).map((line) => line.text).join('\n')}`));
      };
      const timer = setTimeout(() => fail(`no match within ${timeoutMs} ms`), timeoutMs);
      const onExit = (): void => fail(`exited (${JSON.stringify(exitStatus)})`);
      unregister = register((value) => {
        finish();
        resolve(value);
      });
      if (exitStatus !== null) onExit();
      else exitListeners.add(onExit);
    });

  return {
    pid: child.pid!,
    lines,
    stderr: () => stderr,
    waitForLine(matches, timeoutMs = 20_000) {
      return bounded(`a stdout line`, timeoutMs, (settle) => {
        const written = lines.find(matches);
        if (written !== undefined) {
          settle(written);
          return null;
        }
        const waiter = (line: { text: string; json: Record<string, unknown> | null }): boolean => (matches(line) ? (settle(line), true) : false);
        lineWaiters.add(waiter);
        return () => lineWaiters.delete(waiter);
      });
    },
    waitForStderr(text, timeoutMs = 20_000) {
      const found = (): boolean => (typeof text === 'string' ? stderr.includes(text) : text.test(stderr));
      return bounded(`stderr ${String(text)}`, timeoutMs, (settle) => {
        if (found()) {
          settle(undefined);
          return null;
        }
        const waiter = (): boolean => (found() ? (settle(undefined), true) : false);
        stderrWaiters.add(waiter);
        return () => stderrWaiters.delete(waiter);
      });
    },
    exited,
    signal(signal) {
      child.kill(signal);
    },
    kill(signal = 'SIGTERM') {
      if (exitStatus === null) child.kill(signal);
      return exited;
    },
  };
}
