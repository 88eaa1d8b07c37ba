import type { Cluster } from 'ioredis';
import type Redis from 'ioredis';

/**
 * The one Redis client type every Redis-backed part takes: a single server (REDIS_URL) or a Redis Cluster
 * (REDIS_CLUSTER_NODES). Both send the same commands; on a cluster every command and script must touch keys of one
 * hash slot, which is why multi-key steps put a hash tag (`{...}`) in their keys (README "Scaling").
 */
export type RedisClient = Redis | Cluster;

/** Where the gateway's Redis is: from config.redis, once; created in redis-connections.ts only. */
export type RedisTarget =
  | { readonly kind: 'single'; readonly url: string }
  | {
      readonly kind: 'cluster';
      readonly nodes: readonly { readonly host: string; readonly port: number }[];
      readonly password: string | null;
      readonly tls: boolean;
    };

/** True for an ioredis Cluster (structural: ioredis marks its Cluster with `isCluster`). */
export function isCluster(client: RedisClient): client is Cluster {
  return (client as { isCluster?: boolean }).isCluster === true;
}

/**
 * The key segment that pins one part's keys to one hash slot on a cluster (`{name}:`), or nothing on one server, where
 * key names stay what they always were. Every key a multi-key script or MULTI touches must carry the same segment.
 */
export function slotTag(client: RedisClient, name: string): string {
  return isCluster(client) ? `{${name}}:` : '';
}

const SLOT_COUNT = 16_384;

/** Redis Cluster's hash slot of a key: CRC16 (XMODEM) of its hash tag (the first non-empty `{...}`), or of the whole key. */
export function keySlot(key: string): number {
  const bytes = Buffer.from(key, 'utf8');
  const open = bytes.indexOf(0x7b);
  let hashed = bytes;
  if (open !== -1) {
    const close = bytes.indexOf(0x7d, open + 1);
    if (close > open + 1) hashed = bytes.subarray(open + 1, close);
  }
  let crc = 0;
  for (const byte of hashed) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc % SLOT_COUNT;
}

/**
 * The connection to the master that owns `key` (the client itself on one server). A write that must be confirmed by
 * WAIT is sent on this connection, and so is the WAIT: WAIT counts the replicas that have the writes of the connection
 * it is sent on. Commands on it are not redirected: if the slot moved (a failover), they fail, and the caller retries.
 */
export async function masterFor(client: RedisClient, key: string): Promise<Redis> {
  if (!isCluster(client)) return client;
  if (client.status !== 'ready') await readyWithin(client, CLUSTER_READY_WAIT_MS, key);
  const slot = keySlot(key);
  const nodeKey = client.slots[slot]?.[0];
  const node = nodeKey === undefined ? undefined : client.nodes('master').find((candidate) => `${candidate.options.host}:${candidate.options.port}` === nodeKey);
  if (node === undefined) throw new Error(`Redis Cluster: no master connection for slot ${slot} (${nodeKey ?? 'unassigned'}) of ${key}`);
  return node;
}

/** How long a write waits for a Cluster client that is still connecting (it has no slot map yet), like a command timeout. */
const CLUSTER_READY_WAIT_MS = 2_000;

function readyWithin(client: Cluster, ms: number, key: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      clearTimeout(timer);
      client.off('ready', onReady);
      client.off('end', onEnd);
      if (error === undefined) resolve();
      else reject(error);
    };
    const onReady = () => done();
    const onEnd = () => done(new Error(`Redis Cluster client ended before it was ready: no slot map to route ${key}`));
    const timer = setTimeout(() => done(new Error(`Redis Cluster client is ${client.status}, not ready within ${ms} ms: no slot map to route ${key}`)), ms);
    client.on('ready', onReady);
    client.on('end', onEnd);
    if (client.status === 'ready') done();
    else if (client.status === 'end') onEnd();
  });
}
