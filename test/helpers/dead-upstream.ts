import type { AddressInfo, Server, Socket } from 'node:net';
import { createServer } from 'node:net';

/** A real TCP server that accepts every connection, reads the requests and never answers. */
export interface DeadUpstream {
  url: string;
  /** HTTP requests that arrived (request lines seen), i.e. upstream attempts. */
  attempts(): number;
  dispose(): Promise<void>;
}

export async function startDeadUpstream(): Promise<DeadUpstream> {
  const sockets = new Set<Socket>();
  let attempts = 0;
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('data', (chunk) => (attempts += (String(chunk).match(/^(GET|POST|DELETE) \//gm) ?? []).length));
    socket.on('error', () => undefined); // the client aborts its timed-out requests
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    attempts: () => attempts,
    async dispose() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
