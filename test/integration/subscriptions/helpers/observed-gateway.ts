import pino from 'pino';
import { Writable } from 'node:stream';
import { loadConfig } from '../../../../src/config/config';
import type { Gateway } from '../../../../src/gateway';
import { createGateway } from '../../../../src/gateway';

export type LogLine = Record<string, unknown>;

/** The gateway's log lines as they are written, so a test can wait for one instead of polling for its effect. */
export interface LogWatch {
  readonly lines: readonly LogLine[];
  /** Resolves with the first line (already written or to come) for which `predicate` holds. */
  next(predicate: (line: LogLine) => boolean): Promise<LogLine>;
  has(predicate: (line: LogLine) => boolean): boolean;
}

export interface ObservedGateway {
  gateway: Gateway;
  url: string;
  graphqlUrl: string;
  logs: LogWatch;
  dispose(): Promise<void>;
}

/** The real gateway in this process (sandbox mode, port 0), like startTestGateway, with its logs watchable. */
export async function startObservedGateway(env: Record<string, string>): Promise<ObservedGateway> {
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env });
  const lines: LogLine[] = [];
  const waiters = new Set<{ predicate: (line: LogLine) => boolean; resolve: (line: LogLine) => void }>();
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const text of chunk.toString('utf8').split('\n')) {
        if (text.trim() === '') continue;
        const line = JSON.parse(text) as LogLine;
        lines.push(line);
        for (const waiter of [...waiters]) {
          if (!waiter.predicate(line)) continue;
          waiters.delete(waiter);
          waiter.resolve(line);
        }
      }
      done();
    },
  });
  const gateway = createGateway({ config, logger: pino({ level: config.logLevel }, sink) });
  const { url, graphqlUrl } = await gateway.start();
  const logs: LogWatch = {
    lines,
    has: (predicate) => lines.some(predicate),
    next: (predicate) => {
      const found = lines.find(predicate);
      return found !== undefined ? Promise.resolve(found) : new Promise((resolve) => waiters.add({ predicate, resolve }));
    },
  };
  return { gateway, url, graphqlUrl, logs, dispose: () => gateway.stop() };
}
