/** What the Redis gauges need of an ioredis connection. */
export interface WatchedRedis {
  readonly status: string;
  on(event: 'error', listener: (error: Error) => void): unknown;
  off(event: 'error', listener: (error: Error) => void): unknown;
}

/**
 * Connection state (read at scrape time) and errors of the gateway's Redis connections, by role. Returns the
 * function that stops listening.
 */
export function watchRedisConnections(
  connections: Readonly<Record<'command' | 'subscriber', WatchedRedis>>,
  metrics: { setReader(read: () => Record<string, number>): void; onError(role: string): void },
): () => void {
  metrics.setReader(() => ({ command: connections.command.status === 'ready' ? 1 : 0, subscriber: connections.subscriber.status === 'ready' ? 1 : 0 }));
  const stops = (['command', 'subscriber'] as const).map((role) => {
    const listener = (): void => metrics.onError(role);
    connections[role].on('error', listener);
    return () => void connections[role].off('error', listener);
  });
  return () => {
    for (const stop of stops) stop();
  };
}
