import { once } from 'node:events';
import type { Server, Socket } from 'node:net';
import { connect, createServer } from 'node:net';

export interface TcpProxy {
  readonly port: number;
  /** `redis://127.0.0.1:<port>` when the target is a Redis. */
  readonly url: string;
  /** Destroys every open connection and refuses new ones until restore(). Resolves when all are closed. */
  cut(): Promise<void>;
  /** Keeps connections open but stops forwarding bytes both ways (a hung network), until restore(). */
  freeze(): void;
  /** Accepts and forwards again. */
  restore(): void;
  /** Connections accepted and forwarded so far. */
  readonly connectionCount: number;
  /** Connections accepted and dropped at once while cut. */
  readonly droppedCount: number;
  /** Resolves once `count` connections in all have been dropped while cut. */
  dropped(count: number): Promise<void>;
  dispose(): Promise<void>;
}

/**
 * A tiny TCP proxy in front of a real server, so a test can make it unreachable without stopping it
 * (the shared Redis serves every test running in parallel).
 */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  type Mode = 'open' | 'cut' | 'frozen';
  let mode: Mode = 'open';
  let connectionCount = 0;
  let droppedCount = 0;
  const dropWaiters = new Set<{ count: number; resolve: () => void }>();
  const pairs = new Set<{ client: Socket; upstream: Socket }>();

  const server: Server = createServer(function onProxyConnection(client) {
    if (mode === 'cut') {
      client.destroy();
      droppedCount++;
      for (const waiter of [...dropWaiters]) {
        if (droppedCount >= waiter.count) {
          dropWaiters.delete(waiter);
          waiter.resolve();
        }
      }
      return;
    }
    connectionCount++;
    const upstream = connect(target.port, target.host);
    const pair = { client, upstream };
    pairs.add(pair);
    const forget = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', forget).on('close', forget);
    upstream.on('error', forget).on('close', forget);
    client.pipe(upstream);
    upstream.pipe(client);
    if (mode === 'frozen') pause(pair);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The TCP proxy has no port');
  const port = address.port;

  function pause(pair: { client: Socket; upstream: Socket }): void {
    pair.client.unpipe(pair.upstream);
    pair.upstream.unpipe(pair.client);
    pair.client.pause();
    pair.upstream.pause();
  }

  async function cut(): Promise<void> {
    mode = 'cut';
    const closing = [...pairs].map(async ({ client, upstream }) => {
      const closed = Promise.all([client.closed ? null : once(client, 'close'), upstream.closed ? null : once(upstream, 'close')]);
      client.destroy();
      upstream.destroy();
      await closed;
    });
    await Promise.all(closing);
  }

  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    get connectionCount() {
      return connectionCount;
    },
    get droppedCount() {
      return droppedCount;
    },
    dropped(count) {
      if (droppedCount >= count) return Promise.resolve();
      return new Promise<void>((resolve) => dropWaiters.add({ count, resolve }));
    },
    cut,
    freeze() {
      mode = 'frozen';
      for (const pair of pairs) pause(pair);
    },
    restore() {
      if (mode === 'frozen') {
        for (const { client, upstream } of pairs) {
          client.pipe(upstream);
          upstream.pipe(client);
          client.resume();
          upstream.resume();
        }
      }
      mode = 'open';
    },
    async dispose() {
      if (!server.listening) return;
      await cut();
      server.close();
      await once(server, 'close');
    },
  };
}
