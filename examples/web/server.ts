import { createReadStream, existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

/** What the app reads from /config.json (src/gateway-client.ts). */
export interface GatewaySettings {
  httpUrl: string;
  wsUrl: string;
  apiKey: string | null;
}

export interface ExampleWebServerOptions {
  /** The bundle from buildExampleWeb(). */
  root: string;
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** The gateway the app talks to; read on each /config.json request. */
  gateway: () => GatewaySettings;
}

export interface ExampleWebServer {
  /** e.g. http://127.0.0.1:5180: the app's origin, which the gateway's CORS_ORIGINS must allow. */
  readonly url: string;
  close(): Promise<void>;
}

const FILES: Readonly<Record<string, { file: string; type: string }>> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/index.html': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/app.js': { file: 'app.js', type: 'text/javascript; charset=utf-8' },
  '/app.js.map': { file: 'app.js.map', type: 'application/json' },
  '/app.css': { file: 'app.css', type: 'text/css; charset=utf-8' },
  '/app.css.map': { file: 'app.css.map', type: 'application/json' },
};

/**
 * A tiny static server for the example app, on its own origin (so the gateway is reached cross-origin, as a real
 * frontend would), with a CSP that lets the page talk to that gateway and nothing else.
 */
export async function startExampleWebServer(options: ExampleWebServerOptions): Promise<ExampleWebServer> {
  const server = createServer((request, response) => handle(request, response, options));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function handle(request: IncomingMessage, response: ServerResponse, options: ExampleWebServerOptions): void {
  const path = (request.url ?? '/').split('?')[0] ?? '/';
  if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'text/plain; charset=utf-8', 'Method not allowed');
  const gateway = options.gateway();
  response.setHeader('x-content-type-options', 'nosniff');
  response.setHeader('referrer-policy', 'no-referrer');
  response.setHeader('content-security-policy', contentSecurityPolicy(gateway));
  response.setHeader('cache-control', 'no-cache');
  if (path === '/config.json') return send(response, 200, 'application/json', JSON.stringify(gateway));
  const entry = FILES[path];
  const file = entry === undefined ? null : join(options.root, entry.file);
  if (entry === undefined || file === null || !existsSync(file)) return send(response, 404, 'text/plain; charset=utf-8', 'Not found');
  response.writeHead(200, { 'content-type': entry.type });
  if (request.method === 'HEAD') return void response.end();
  createReadStream(file).pipe(response);
}

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
  response.end(body);
}

/** The app's scripts and styles come from here; its network goes here (config.json) and to the gateway only. */
function contentSecurityPolicy(gateway: GatewaySettings): string {
  const connect = [new URL(gateway.httpUrl).origin, new URL(gateway.wsUrl).origin].join(' ');
  return `default-src 'self'; connect-src 'self' ${connect}; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'`;
}
