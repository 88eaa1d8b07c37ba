import type WebSocket from 'ws';
import { RateLimitedError } from '../errors/gateway-errors';

export interface WsConnectionCap {
  /**
   * Counts `socket` as one of the key's open connections until it closes. Throws RATE_LIMITED (closed with 4429)
   * when the key already holds `maxPerKey` on this instance.
   */
  hold(keyId: string, socket: WebSocket): void;
  /** Open connections of a key, for tests and logs. */
  openFor(keyId: string): number;
}

/**
 * Open WebSocket connections per API key, on this instance (a socket lives on one instance; the rate of
 * `connection_init`, shared through Redis, bounds how fast a key can spread sockets over many instances).
 */
export function createWsConnectionCap(options: { maxPerKey: number }): WsConnectionCap {
  const { maxPerKey } = options;
  if (!Number.isInteger(maxPerKey) || maxPerKey < 1) throw new TypeError(`createWsConnectionCap expects maxPerKey to be an integer >= 1, got ${String(maxPerKey)}; use config.subscriptions.maxConnectionsPerKey`);
  const open = new Map<string, number>();
  return {
    hold(keyId, socket) {
      const count = open.get(keyId) ?? 0;
      if (count >= maxPerKey) {
        throw new RateLimitedError(`This API key already holds ${maxPerKey} open WebSocket connections; close one before opening another`, { limit: 'connections', maximum: maxPerKey });
      }
      open.set(keyId, count + 1);
      socket.once('close', () => {
        const left = (open.get(keyId) ?? 1) - 1;
        if (left <= 0) open.delete(keyId);
        else open.set(keyId, left);
      });
    },
    openFor: (keyId) => open.get(keyId) ?? 0,
  };
}
