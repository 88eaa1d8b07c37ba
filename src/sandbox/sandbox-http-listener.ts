import { createServer } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../lib/logger';

export interface RawRequest {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface RawResponse {
  status: number;
  headers?: Record<string, string>;
  body?: string;
  /** Runs once the exchange is over (the sandbox queues webhooks here, after the sync answer). */
  afterSend?: () => void;
}

export interface HttpListener {
  start(): Promise<{ port: number }>;
  dispose(): Promise<void>;
}

/**
 * A node:http server that hands whole requests (body buffered, up to a limit) to one async handler.
 * `dispose` closes idle keep-alive connections too, so nothing outlives the sandbox.
 */
export function createHttpListener(options: {
  host: string;
  port: number;
  bodyLimitBytes: number;
  logger: Logger;
  handle: (request: RawRequest) => Promise<RawResponse>;
  /** Called as a request arrives; the returned callback when its answer is done (in-flight accounting). */
  track?: (url: URL) => (() => void) | null;
}): HttpListener {
  const server = createServer((req, res) => {
    void serve(req, res);
  });

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'sandbox.invalid'}`);
    const done = options.track?.(url) ?? null;
    if (done !== null) res.once('close', done);
    try {
      const body = await readBody(req, options.bodyLimitBytes);
      if (body === null) {
        write(res, { status: 413, body: JSON.stringify({ error: { message: `(#100) Request body exceeds ${options.bodyLimitBytes} bytes`, type: 'OAuthException', code: 100 } }) });
        return;
      }
      const response = await options.handle({ method: (req.method ?? 'GET').toUpperCase(), url, headers: req.headers, body });
      write(res, response);
    } catch (error) {
      options.logger.error({ err: error }, 'sandbox request failed');
      write(res, { status: 500, body: JSON.stringify({ error: { message: '(#1) An unknown error occurred', type: 'OAuthException', code: 1 } }) });
    }
  }

  function write(res: ServerResponse, response: RawResponse): void {
    if (res.headersSent) return;
    // 'close' also fires when the caller hangs up early: the write happened, so its webhooks still go out.
    if (response.afterSend) res.once('close', response.afterSend);
    res.writeHead(response.status, { 'content-type': 'application/json; charset=UTF-8', ...response.headers });
    res.end(response.body ?? '');
  }

  return {
    start() {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(options.port, options.host, () => {
          server.off('error', reject);
          const address = server.address();
          resolve({ port: typeof address === 'object' && address !== null ? address.port : options.port });
        });
      });
    },
    dispose() {
      return new Promise<void>((resolve) => {
        if (!server.listening) {
          resolve();
          return;
        }
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

/** The whole body, or null once it passes the limit (the rest is discarded, the socket kept sane). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      if (!tooLarge) chunks.push(chunk);
    });
    req.once('end', () => resolve(tooLarge ? null : Buffer.concat(chunks)));
    req.once('error', reject);
  });
}
