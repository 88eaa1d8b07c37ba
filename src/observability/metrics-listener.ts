import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';
import { once } from '../lib/disposable';
import type { Logger } from '../lib/logger';

export interface MetricsListener {
  /** Where Prometheus scrapes, e.g. `http://127.0.0.1:9464/metrics`. */
  readonly url: string;
  readonly port: number;
  /** Stops listening and closes open scrapes. Idempotent. */
  close(): Promise<void>;
}

export const METRICS_PATH = '/metrics';

/**
 * `GET /metrics` in the Prometheus text format on a listener of its own, off the public GraphQL port: scrapers
 * reach it on the pod network, clients of the API never do. Anything else is 404.
 */
export async function startMetricsListener(options: { registry: Registry; host: string; port: number; logger: Logger }): Promise<MetricsListener> {
  const { registry, logger } = options;
  const server = createServer((request, response) => {
    const path = (request.url ?? '').split('?')[0];
    if (path !== METRICS_PATH || (request.method !== 'GET' && request.method !== 'HEAD')) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not Found: metrics are at GET /metrics\n');
      return;
    }
    registry.metrics().then(
      (text) => response.writeHead(200, { 'content-type': registry.contentType, 'cache-control': 'no-store' }).end(request.method === 'HEAD' ? undefined : text),
      (error: unknown) => {
        logger.error({ err: error }, 'metrics could not be collected');
        response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('metrics could not be collected\n');
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.address === '0.0.0.0' ? '127.0.0.1' : address.address === '::' ? '::1' : address.address;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}${METRICS_PATH}`;
  const closing = once(async () => {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  });
  return { url, port: address.port, close: closing.dispose };
}
