import Redis, { Cluster } from 'ioredis';
import type { Logger } from '../lib/logger';
import { once } from '../lib/disposable';
import type { RedisClient, RedisTarget } from './redis-client';
import { isCluster } from './redis-client';

export interface RedisConnectionsOptions {
  /** A single server (its redis:// or rediss:// URL) or a cluster (seeds); `url` is short for a single server. */
  target?: RedisTarget;
  url?: string;
  logger: Logger;
  /** Shown in CLIENT LIST as `<name>:commands` / `<name>:subscriber`. @default 'gateway' */
  name?: string;
  /** A command on a live but unresponsive connection rejects after this long. @default 2_000 // 2 s */
  commandTimeoutMs?: number;
  /** A connection attempt is abandoned after this long. @default 2_000 // 2 s */
  connectTimeoutMs?: number;
  /** Reconnect backoff doubles from 50 ms up to this. @default 2_000 // 2 s */
  maxReconnectDelayMs?: number;
}

export interface RedisConnections<C extends RedisClient = RedisClient> {
  /** 'cluster': keys of one atomic step must share a hash slot, and the bus uses sharded pub/sub. */
  kind: 'single' | 'cluster';
  /** For ordinary commands (event log, cache, stores) and PUBLISH. */
  commands: C;
  /** In subscriber mode once anything subscribes; only (S)SUBSCRIBE/(S)UNSUBSCRIBE/PING on it. */
  subscriber: C;
  /** Quits both connections (disconnects them when Redis is unreachable). Idempotent. */
  dispose(): Promise<void>;
}

const DEFAULT_COMMAND_TIMEOUT_MS = 2_000;
const DEFAULT_CONNECT_TIMEOUT_MS = 2_000;
const DEFAULT_MAX_RECONNECT_DELAY_MS = 2_000;
const DISCONNECT_TIMEOUT_MS = 200;
const SLOTS_REFRESH_INTERVAL_MS = 1_000;

/**
 * Opens the two connections the gateway needs: a subscriber connection cannot send ordinary commands.
 *
 * Commands fail fast while Redis is down, so a webhook is answered 503 (and retried by the provider) instead of
 * hanging: after the first successful connect the offline queue is switched off (a command sent while
 * disconnected rejects at once), an in-flight command is given up after one reconnect attempt
 * (maxRetriesPerRequest 1) or after commandTimeoutMs. Both connections reconnect forever with capped backoff;
 * the subscriber re-subscribes its channels after a reconnect (ioredis autoResubscribe).
 */
export function createRedisConnections(options: RedisConnectionsOptions & { url: string; target?: undefined }): RedisConnections<Redis>;
export function createRedisConnections(options: RedisConnectionsOptions & { target: RedisTarget }): RedisConnections;
export function createRedisConnections(options: RedisConnectionsOptions): RedisConnections {
  const target = options.target ?? (options.url === undefined ? undefined : ({ kind: 'single', url: options.url } as const));
  if (target === undefined) {
    throw new Error('createRedisConnections: expected options.target (or options.url), got neither; fix: pass the Redis target from config.redis');
  }
  if (target.kind === 'cluster') return createClusterConnections(options, target);
  const url = target.url;
  const name = options.name ?? 'gateway';
  const commands = openConnection(url, options, `${name}:commands`, { readyCheck: true });
  // No INFO ready check on the subscriber: ioredis lets a SUBSCRIBE out while its handshake is still answering, and
  // the INFO after it is then refused (subscriber mode), failing the handshake and dropping the subscription.
  const subscriber = openConnection(url, options, `${name}:subscriber`, { readyCheck: false });
  nameOnReady(subscriber, `${name}:subscriber`);
  handleAutoResubscribe(subscriber);
  const closing = once(async () => {
    await Promise.all([closeConnection(commands), closeConnection(subscriber)]);
  });
  return { kind: 'single', commands, subscriber, dispose: closing.dispose };
}

/**
 * The same pair on a Redis Cluster: ioredis' Cluster follows MOVED/ASK redirections and refreshes its slot map, so a
 * failover or a slot migration reroutes commands by itself. The subscriber Cluster keeps one sharded subscriber
 * connection per master (`shardedSubscribers`): SSUBSCRIBE goes to the master that owns the channel's slot, and
 * ioredis re-subscribes a shard's channels on the new owner after a failover or migration (see redis-event-bus.ts).
 * Commands fail fast like on one server: no offline queue once ready, one retry, the command timeout.
 */
function createClusterConnections(options: RedisConnectionsOptions, target: Extract<RedisTarget, { kind: 'cluster' }>): RedisConnections {
  const name = options.name ?? 'gateway';
  const commands = openCluster(options, target, `${name}:commands`, false);
  const subscriber = openCluster(options, target, `${name}:subscriber`, true);
  const closing = once(async () => {
    await Promise.all([closeConnection(commands), closeConnection(subscriber)]);
  });
  return { kind: 'cluster', commands, subscriber, dispose: closing.dispose };
}

/**
 * One more commands connection (a Cluster client on a cluster) with the same fail-fast settings as `commands`, named
 * `<name>:<purpose>`: for a part whose commands may block its connection (the event log's WAIT), so they never hold
 * up the commands of the other parts queued behind them on the shared connection.
 */
export function createRedisCommandConnection(options: RedisConnectionsOptions & { target: RedisTarget; purpose: string }): { client: RedisClient; dispose(): Promise<void> } {
  const connectionName = `${options.name ?? 'gateway'}:${options.purpose}`;
  const client = options.target.kind === 'cluster' ? openCluster(options, options.target, connectionName, false) : openConnection(options.target.url, options, connectionName, { readyCheck: true });
  return { client, dispose: once(() => closeConnection(client)).dispose };
}

function openCluster(options: RedisConnectionsOptions, target: Extract<RedisTarget, { kind: 'cluster' }>, connectionName: string, sharded: boolean): Cluster {
  const maxDelayMs = options.maxReconnectDelayMs ?? DEFAULT_MAX_RECONNECT_DELAY_MS;
  const cluster = new Cluster(
    target.nodes.map((node) => ({ host: node.host, port: node.port })),
    {
      enableOfflineQueue: true,
      enableReadyCheck: true,
      shardedSubscribers: sharded,
      // A failover takes the node timeout plus an election; commands redirected meanwhile wait this long per try.
      retryDelayOnFailover: 200,
      retryDelayOnClusterDown: 200,
      retryDelayOnTryAgain: 100,
      // ioredis otherwise re-reads the slot map only on a MOVED answer: commands for the slots of a master that died
      // would keep going to its address (and time out) until some command happens to be redirected. Reading it every
      // second finds the promoted replica within a second of the election.
      slotsRefreshInterval: SLOTS_REFRESH_INTERVAL_MS,
      clusterRetryStrategy: function cappedExponentialBackoff(attempt: number) {
        return Math.min(50 * 2 ** Math.min(attempt - 1, 16), maxDelayMs);
      },
      redisOptions: {
        connectionName,
        password: target.password ?? undefined,
        tls: target.tls ? {} : undefined,
        maxRetriesPerRequest: 1,
        commandTimeout: options.commandTimeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS,
        connectTimeout: options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
        disconnectTimeout: DISCONNECT_TIMEOUT_MS,
        autoResubscribe: true,
      },
    },
  );
  watchConnection(cluster, connectionName, options.logger);
  return cluster;
}

function openConnection(url: string, options: RedisConnectionsOptions, connectionName: string, { readyCheck }: { readyCheck: boolean }): Redis {
  const maxDelayMs = options.maxReconnectDelayMs ?? DEFAULT_MAX_RECONNECT_DELAY_MS;
  const redis = new Redis(url, {
    // Without a ready check ioredis declares the connection ready once its own handshake commands (CLIENT SETNAME,
    // SETINFO) settle, without checking that the socket survived them: a socket dropped in between leaves a
    // connection stuck in 'ready' on a dead stream, never reconnecting. So such a connection sends no handshake
    // commands (it is named on 'ready' instead, see nameOnReady).
    connectionName: readyCheck ? connectionName : undefined,
    disableClientInfo: !readyCheck,
    enableReadyCheck: readyCheck,
    // The first connect may queue (startup races Redis coming up); after that, fail fast (see 'ready' below).
    enableOfflineQueue: true,
    maxRetriesPerRequest: 1,
    commandTimeout: options.commandTimeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS,
    connectTimeout: options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    autoResubscribe: true,
    // How long a closing socket may linger before it is destroyed (ioredis keeps a timer that long).
    disconnectTimeout: DISCONNECT_TIMEOUT_MS,
    retryStrategy: function cappedExponentialBackoff(attempt: number) {
      return Math.min(50 * 2 ** Math.min(attempt - 1, 16), maxDelayMs);
    },
  });
  watchConnection(redis, connectionName, options.logger);
  return redis;
}

/**
 * Names a connection that skips ioredis' handshake. 'ready' is emitted before ioredis re-subscribes or flushes its
 * offline queue, so the name goes out first; if a SUBSCRIBE beat it (subscriber mode refuses CLIENT), the
 * connection simply stays unnamed: the name only helps operators reading CLIENT LIST.
 */
function nameOnReady(redis: Redis, connectionName: string): void {
  redis.on('ready', function nameConnection() {
    redis.client('SETNAME', connectionName).catch(() => undefined);
  });
}

/**
 * ioredis re-sends SUBSCRIBE after a reconnect and drops the promise: when the socket closes again before Redis
 * answers (an outage that flaps, or a stop right after a reconnect), that promise rejects unhandled, which ends a
 * Node process. Every subscribe promise is marked handled here; callers awaiting their own still see the rejection,
 * and the bus confirms its channels itself after each reconnect.
 */
function handleAutoResubscribe(redis: Redis): void {
  const methods = redis as unknown as Record<'subscribe' | 'psubscribe' | 'ssubscribe', (...args: unknown[]) => Promise<unknown>>;
  for (const method of ['subscribe', 'psubscribe', 'ssubscribe'] as const) {
    const original = methods[method].bind(redis);
    methods[method] = (...args: unknown[]) => {
      const pending = original(...args);
      pending.catch(() => undefined);
      return pending;
    };
  }
}

function watchConnection(redis: RedisClient, connectionName: string, logger: Logger): void {
  let wasReady = false;
  let reportedDown = false;
  redis.on('ready', function onRedisReady() {
    // ioredis reads this option on every command, so flipping it here takes effect for the next one. Not on a
    // cluster: there it would also refuse commands to a node connection that is still connecting (each node connects
    // on its first command, and again after a failover), which ioredis then retries on a timer, out of order. A
    // cluster's node connections fail fast by themselves (one retry, the command timeout).
    if (!isCluster(redis)) redis.options.enableOfflineQueue = false;
    if (wasReady) logger.info({ connection: connectionName }, 'Redis connection restored');
    wasReady = true;
    reportedDown = false;
  });
  redis.on('error', function onRedisError(error: Error) {
    // Without a listener ioredis prints every reconnect failure; log the first of an outage as a warning only.
    if (!reportedDown) logger.warn({ err: error, connection: connectionName }, 'Redis connection error');
    else logger.debug({ err: error, connection: connectionName }, 'Redis connection error');
    reportedDown = true;
  });
}

async function closeConnection(redis: RedisClient): Promise<void> {
  try {
    await closeSocket(redis);
  } finally {
    if (isCluster(redis)) stopSlotsRefresh(redis);
  }
}

/**
 * ioredis' Cluster re-arms its slotsRefreshInterval timer whenever a slot-map refresh finishes, even one that was in
 * flight when the client was closed (the refresh then fails with "Cluster is disconnected" and schedules the next
 * round): a closed client would re-read nothing every second forever and keep the process alive. Once it is closed,
 * no refresh may run again: its pending timer is cleared and any round already scheduled ends without re-arming.
 */
function stopSlotsRefresh(cluster: Cluster): void {
  cluster.refreshSlotsCache = function refreshAfterClose() {
    // Closed: nothing to refresh, and not calling back is what stops the interval's next round.
  };
  (cluster as unknown as { clearNodesRefreshInterval?: () => void }).clearNodesRefreshInterval?.();
}

async function closeSocket(redis: RedisClient): Promise<void> {
  if (redis.status === 'end') return;
  if (redis.status === 'reconnecting' || redis.status === 'close' || redis.status === 'wait') {
    // No socket to close: disconnect() cancels the pending reconnect (ioredis emits no 'end' in this state).
    redis.disconnect();
    return;
  }
  // Not events.once: it would reject on the 'error' a dying socket emits on the way to 'end'.
  const ended = new Promise<void>((resolve) => redis.once('end', () => resolve()));
  if (redis.status === 'ready') {
    // QUIT lets Redis finish what is in flight; if it cannot be sent or times out, close the socket instead.
    redis.quit().catch(() => redis.disconnect());
  } else {
    redis.disconnect();
  }
  await ended;
}
