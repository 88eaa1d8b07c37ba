import type WebSocket from 'ws';
import type { WebSocketServer } from 'ws';

export interface Heartbeat {
  /** Includes the socket in the pings (starting the timer if it is the first). */
  watch(socket: WebSocket): void;
  stop(): void;
}

/**
 * One keep-alive timer for all sockets of a server, instead of graphql-ws' adapter's interval and timeout per
 * socket: each tick cuts the sockets that did not answer the previous tick's ping and pings the others, so every
 * socket is on the same phase and a half-open one is cut on the tick after the one it missed. The timer runs
 * while the server has sockets. `intervalMs` 0 disables pings.
 */
export function createHeartbeat(wss: WebSocketServer, intervalMs: number): Heartbeat {
  const unanswered = new WeakSet<WebSocket>();
  let timer: NodeJS.Timeout | null = null;

  function stop(): void {
    if (timer === null) return;
    clearInterval(timer);
    timer = null;
  }

  function tick(): void {
    if (wss.clients.size === 0) return stop();
    for (const socket of wss.clients) {
      if (socket.readyState !== socket.OPEN) continue;
      if (unanswered.has(socket)) {
        socket.terminate();
        continue;
      }
      unanswered.add(socket);
      socket.ping();
    }
  }

  return {
    watch(socket) {
      if (intervalMs <= 0) return;
      socket.on('pong', () => unanswered.delete(socket));
      if (timer !== null) return;
      timer = setInterval(tick, intervalMs);
      timer.unref();
    },
    stop,
  };
}
