import { Writable } from 'node:stream';
import pino from 'pino';
import type { Logger } from '../../src/lib/logger';

export type LogLine = Record<string, unknown>;

/** Log lines as they are written, so a test can wait for one instead of polling for its effect. */
export interface LogWatch {
  /** Every line so far, parsed, in order. */
  readonly lines: readonly LogLine[];
  /** Resolves with the first line (already written or still to come) that matches. */
  waitFor(matches: (line: LogLine) => boolean): Promise<LogLine>;
  push(line: LogLine): void;
}

export function createLogWatch(): LogWatch {
  const lines: LogLine[] = [];
  const waiters = new Set<{ matches: (line: LogLine) => boolean; resolve: (line: LogLine) => void }>();
  return {
    lines,
    waitFor(matches) {
      const written = lines.find(matches);
      return written !== undefined ? Promise.resolve(written) : new Promise((resolve) => waiters.add({ matches, resolve }));
    },
    push(line) {
      lines.push(line);
      for (const waiter of [...waiters]) {
        if (!waiter.matches(line)) continue;
        waiters.delete(waiter);
        waiter.resolve(line);
      }
    },
  };
}

/** A pino logger whose lines (level ≥ `level`) the test can read and wait for. */
export function createCapturingLogger(level = 'debug', options: { mixin?: () => object } = {}): { logger: Logger; lines: () => readonly LogLine[]; waitFor: LogWatch['waitFor'] } {
  const watch = createLogWatch();
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim() !== '') watch.push(JSON.parse(line) as LogLine);
      done();
    },
  });
  return { logger: pino({ level, ...(options.mixin === undefined ? {} : { mixin: options.mixin }) }, sink), lines: () => watch.lines, waitFor: watch.waitFor };
}
