import { createHash } from 'node:crypto';
import type { RedisClient } from './redis-client';

/** A Lua script run by EVALSHA, loaded with EVAL the first time a server has not seen it. */
export interface RedisScript {
  run(redis: RedisClient, keys: readonly string[], args: readonly (string | number | Buffer)[]): Promise<unknown>;
  /** The same, with every bulk string of the reply as a Buffer (binary values such as encoded event bodies). */
  runBuffer(redis: RedisClient, keys: readonly string[], args: readonly (string | number | Buffer)[]): Promise<unknown>;
}

/**
 * Unlike `redis.defineCommand`, this does not add methods to a connection we only borrow.
 * The script must be deterministic in its writes: it may be re-sent after a reconnect.
 */
export function defineRedisScript(source: string): RedisScript {
  const sha = createHash('sha1').update(source).digest('hex');
  return {
    async run(redis, keys, args) {
      try {
        return await redis.evalsha(sha, keys.length, ...keys, ...args);
      } catch (error) {
        if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
        return redis.eval(source, keys.length, ...keys, ...args);
      }
    },
    async runBuffer(redis, keys, args) {
      try {
        return await redis.callBuffer('EVALSHA', sha, keys.length, ...keys, ...args);
      } catch (error) {
        if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
        return redis.callBuffer('EVAL', source, keys.length, ...keys, ...args);
      }
    },
  };
}

/** HGETALL-style flat reply `[field, value, ...]` to a record. */
export function pairsToRecord(reply: unknown): Record<string, string> {
  const record: Record<string, string> = {};
  if (!Array.isArray(reply)) return record;
  for (let i = 0; i + 1 < reply.length; i += 2) record[String(reply[i])] = String(reply[i + 1]);
  return record;
}
