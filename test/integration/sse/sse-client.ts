import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface SseLine {
  kind: 'connect' | 'open' | 'next' | 'complete' | 'error';
  id?: string;
  lastEventId?: string | null;
  data?: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

/** What a line-reading client hands the test: every line so far, and a bounded wait for the next ones. */
export interface LineQueue<T> {
  readonly seen: readonly T[];
  /** Resolves once `predicate` holds for a line (already seen or to come); rejects after `timeoutMs`. */
  until(predicate: (line: T) => boolean, timeoutMs?: number): Promise<T>;
}

export function createLineQueue<T>(): LineQueue<T> & { add(line: T): void } {
  const seen: T[] = [];
  const waiters = new Set<{ predicate: (line: T) => boolean; resolve: (line: T) => void }>();
  return {
    seen,
    add(line) {
      seen.push(line);
      for (const waiter of [...waiters]) {
        if (!waiter.predicate(line)) continue;
        waiters.delete(waiter);
        waiter.resolve(line);
      }
    },
    until(predicate, timeoutMs = 20_000) {
      const found = seen.find(predicate);
      if (found !== undefined) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const waiter = {
          predicate,
          resolve: (line: T) => {
            clearTimeout(timer);
            resolve(line);
          },
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`no matching line within ${timeoutMs} ms; seen: ${JSON.stringify(seen).slice(0, 2000)}`));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
  };
}

export interface EventSourceProcess extends LineQueue<SseLine> {
  close(): Promise<void>;
}

/** The `eventsource` package's EventSource in a child process (it is an ES module only), reporting line by line. */
export function openEventSource(url: string, headers: Record<string, string>): EventSourceProcess {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [join(__dirname, 'event-source-client.mjs'), url, JSON.stringify(headers)], { stdio: 'pipe' });
  const queue = createLineQueue<SseLine>();
  createInterface({ input: child.stdout }).on('line', (line) => queue.add(JSON.parse(line) as SseLine));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    get seen() {
      return queue.seen;
    },
    until: queue.until,
    async close() {
      child.stdin.end();
      await exited;
    },
  };
}

/** One raw SSE message as the server wrote it. */
export interface RawSseMessage {
  event: string | null;
  id: string | null;
  data: string;
}

export interface RawSseStream extends LineQueue<RawSseMessage> {
  readonly response: IncomingMessage;
  /** Resolves once the server ended the response. */
  readonly ended: Promise<void>;
}

/** A GET with Accept: text/event-stream over node:http, parsing messages itself (comments kept out), so a test can pause it. */
export async function openRawStream(url: string, headers: Record<string, string>): Promise<RawSseStream> {
  const queue = createLineQueue<RawSseMessage>();
  const response = await new Promise<IncomingMessage>((resolve, reject) => {
    request(url, { headers: { accept: 'text/event-stream', ...headers } }, resolve).on('error', reject).end();
  });
  const ended = new Promise<void>((resolve) => {
    response.once('end', resolve);
    response.once('close', resolve);
  });
  let buffer = '';
  response.setEncoding('utf8');
  response.on('data', (chunk: string) => {
    buffer += chunk;
    for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n')) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const message: RawSseMessage = { event: null, id: null, data: '' };
      let fields = 0;
      for (const line of block.split('\n')) {
        if (line.startsWith(':') || line === '') continue;
        const colon = line.indexOf(':');
        const name = line.slice(0, colon);
        const value = line.slice(colon + 1).replace(/^ /, '');
        fields++;
        if (name === 'event') message.event = value;
        else if (name === 'id') message.id = value;
        else if (name === 'data') message.data += value;
      }
      if (fields > 0) queue.add(message);
    }
  });
  return {
    response,
    ended,
    get seen() {
      return queue.seen;
    },
    until: queue.until,
  };
}
