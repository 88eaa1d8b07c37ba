import type { RedisClient } from '../events/redis-client';
import { defineRedisScript } from '../events/redis-script';
import { once } from '../lib/disposable';
import type { IdempotencyBegin, IdempotencyStore } from './idempotency';
import { assertBegin, encodeResult } from './idempotency';

export interface RedisIdempotencyStoreOptions {
  /** The commands connection. Borrowed. */
  redis: RedisClient;
  keyPrefix: string;
}

/** KEYS: the key's hash. ARGV: fingerprint, ttlMs. Returns {"new"} or {state, fingerprint, result}. */
const BEGIN_SCRIPT = defineRedisScript(`
if redis.call('EXISTS', KEYS[1]) == 0 then
  redis.call('HSET', KEYS[1], 'state', 'in-progress', 'fingerprint', ARGV[1])
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return { 'new' }
end
return redis.call('HMGET', KEYS[1], 'state', 'fingerprint', 'result')
`);

/** KEYS: the key's hash. ARGV: result JSON. HSET keeps the TTL. */
const FINISH_SCRIPT = defineRedisScript(`
if redis.call('HGET', KEYS[1], 'state') ~= 'in-progress' then return 0 end
redis.call('HSET', KEYS[1], 'state', 'done', 'result', ARGV[1])
return 1
`);

const ABANDON_SCRIPT = defineRedisScript(`
if redis.call('HGET', KEYS[1], 'state') == 'in-progress' then redis.call('DEL', KEYS[1]) end
return 0
`);

/** Idempotency keys shared by every instance: begin() is one script, so exactly one instance gets `new`. */
export function createRedisIdempotencyStore(options: RedisIdempotencyStoreOptions): IdempotencyStore {
  const { redis } = options;
  const keyOf = (key: string) => `${options.keyPrefix}idempotency:${key}`;
  return {
    async begin(key, fingerprint, ttlSeconds): Promise<IdempotencyBegin> {
      assertBegin('RedisIdempotencyStore', key, fingerprint, ttlSeconds);
      const reply = (await BEGIN_SCRIPT.run(redis, [keyOf(key)], [fingerprint, ttlSeconds * 1000])) as (string | null)[];
      if (reply.length === 1 && reply[0] === 'new') return { state: 'new' };
      const [state, storedFingerprint, resultJson] = reply;
      if (storedFingerprint !== fingerprint) return { state: 'mismatch' };
      if (state === 'done') return { state: 'done', result: JSON.parse(resultJson ?? 'null') as unknown };
      return { state: 'in-progress' };
    },
    async finish(key, result) {
      return Number(await FINISH_SCRIPT.run(redis, [keyOf(key)], [encodeResult('RedisIdempotencyStore', result)])) === 1;
    },
    async abandon(key) {
      await ABANDON_SCRIPT.run(redis, [keyOf(key)], []);
    },
    // The connection is borrowed; there is nothing of our own to release.
    dispose: once(async () => undefined).dispose,
  };
}
