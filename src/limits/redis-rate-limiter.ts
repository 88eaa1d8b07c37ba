import type { RedisClient } from '../events/redis-client';
import { defineRedisScript } from '../events/redis-script';
import type { RateLimiter } from './rate-limiter';
import { assertCount, assertPolicy, burstToleranceMs, emissionIntervalMs, toBatchDecision, toDecision } from './rate-limiter';

/** gcraStep in Lua. KEYS[1]: the subject's hash {tat, blocked}. ARGV: now, interval, tolerance (ms). Returns {allowed, retryAfterMs}. */
const CONSUME_SCRIPT = defineRedisScript(`
local now = tonumber(ARGV[1])
local interval = tonumber(ARGV[2])
local tolerance = tonumber(ARGV[3])
local state = redis.call('HMGET', KEYS[1], 'tat', 'blocked')
local blocked = tonumber(state[2]) or 0
if now < blocked then return {0, blocked - now} end
local tat = tonumber(state[1]) or now
if tat < now then tat = now end
local allowAt = tat - tolerance
if now < allowAt then return {0, allowAt - now} end
local nextTat = tat + interval
redis.call('HSET', KEYS[1], 'tat', string.format('%d', nextTat))
redis.call('PEXPIRE', KEYS[1], math.max(nextTat, blocked) - now + 1000)
return {1, 0}
`);

/**
 * CONSUME_SCRIPT for ARGV[4] requests at once (gcraSteps in Lua): admits the first ones while the rate allows, one
 * write for all of them. Returns {admitted, retryAfterMs}.
 */
const CONSUME_MANY_SCRIPT = defineRedisScript(`
local now = tonumber(ARGV[1])
local interval = tonumber(ARGV[2])
local tolerance = tonumber(ARGV[3])
local count = tonumber(ARGV[4])
local state = redis.call('HMGET', KEYS[1], 'tat', 'blocked')
local blocked = tonumber(state[2]) or 0
if now < blocked then return {0, blocked - now} end
local tat = tonumber(state[1]) or now
if tat < now then tat = now end
local admitted = 0
local retry = 0
while admitted < count do
  local allowAt = tat - tolerance
  if now < allowAt then
    retry = allowAt - now
    break
  end
  tat = tat + interval
  admitted = admitted + 1
end
if admitted > 0 then
  redis.call('HSET', KEYS[1], 'tat', string.format('%d', tat))
  redis.call('PEXPIRE', KEYS[1], math.max(tat, blocked) - now + 1000)
end
return {admitted, retry}
`);

/** KEYS[1]: the subject's hash. ARGV: now, until (ms). Keeps the later block; the key lives until both expire. */
const BLOCK_SCRIPT = defineRedisScript(`
local now = tonumber(ARGV[1])
local untilMs = tonumber(ARGV[2])
local state = redis.call('HMGET', KEYS[1], 'tat', 'blocked')
local blocked = tonumber(state[2]) or 0
if untilMs > blocked then
  redis.call('HSET', KEYS[1], 'blocked', string.format('%d', untilMs))
  blocked = untilMs
end
local tat = tonumber(state[1]) or now
redis.call('PEXPIRE', KEYS[1], math.max(tat, blocked) - now + 1000)
return blocked
`);

/**
 * The limiter shared by every instance: one small hash per subject, updated atomically by a script. The callers'
 * clocks are used (not Redis TIME) so every instance and the in-memory limiter compute the same answers.
 */
export function createRedisRateLimiter(options: { redis: RedisClient; keyPrefix: string; now?: () => number }): RateLimiter {
  const { redis } = options;
  const now = options.now ?? Date.now;
  const keyOf = (subject: string): string => `${options.keyPrefix}ratelimit:${subject}`;
  return {
    async consume(subject, policy) {
      assertPolicy(policy);
      const reply = (await CONSUME_SCRIPT.run(redis, [keyOf(subject)], [now(), emissionIntervalMs(policy), burstToleranceMs(policy)])) as [number, number];
      return toDecision({ allowed: Number(reply[0]) === 1, retryAfterMs: Number(reply[1]) });
    },
    async consumeMany(subject, policy, count) {
      assertPolicy(policy);
      assertCount(count);
      const reply = (await CONSUME_MANY_SCRIPT.run(redis, [keyOf(subject)], [now(), emissionIntervalMs(policy), burstToleranceMs(policy), count])) as [number, number];
      return toBatchDecision({ admitted: Number(reply[0]), retryAfterMs: Number(reply[1]) });
    },
    async block(subject, seconds) {
      const at = now();
      await BLOCK_SCRIPT.run(redis, [keyOf(subject)], [at, at + Math.ceil(seconds * 1000)]);
    },
    async blockedFor(subject) {
      const until = Number((await redis.hget(keyOf(subject), 'blocked')) ?? 0);
      return Math.max(0, Math.ceil((until - now()) / 1000));
    },
    // The connection is borrowed; nothing of ours to close.
    async dispose() {},
  };
}
