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

/**
 * The slot the event log's streams, dedupe keys and event channels share on a cluster: the append script writes them
 * together and SPUBLISHes from inside itself, and a shard channel is only delivered by the master owning its slot.
 */
export const EVENT_LOG_SLOT = 'log';
