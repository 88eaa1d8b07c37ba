import type { RedisClient } from '../events/redis-client';
import { randomUUID } from 'node:crypto';
import { defineRedisScript } from '../events/redis-script';
import { ensureError } from '../lib/errors';
import type { Logger } from '../lib/logger';
import type { SlotRelease, SubscriptionSlots } from './subscription-slots';
import { assertMaxPerSubject } from './subscription-slots';

/**
 * KEYS[1]: the subject's sorted set (member: one held slot, score: its lease's end). ARGV: now, lease end, max,
 * member, key ttl (ms). Drops expired leases (instances that died holding slots), then takes a slot if one is free.
 */
const ACQUIRE_SCRIPT = defineRedisScript(`
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then return 0 end
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[4])
redis.call('PEXPIRE', KEYS[1], ARGV[5])
return 1
`);

/** KEYS[1]: the subject's sorted set. ARGV: lease end, key ttl (ms), members... Extends the leases still held. */
const RENEW_SCRIPT = defineRedisScript(`
for i = 3, #ARGV do redis.call('ZADD', KEYS[1], 'XX', ARGV[1], ARGV[i]) end
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1
`);

export interface RedisSubscriptionSlotsOptions {
  redis: RedisClient;
  keyPrefix: string;
  maxPerSubject: number;
  logger: Logger;
  /** A slot whose instance stopped renewing it (crashed) is free again after this. @default 30_000 (30 s) */
  leaseMs?: number;
  /** @default Date.now: every instance's clock, as the rate limiter (leases are far longer than clock skew) */
  now?: () => number;
  /** Renewal runs every leaseMs / 3 on a timer; tests drive it themselves. @default true */
  autoRenew?: boolean;
}

export interface RedisSubscriptionSlots extends SubscriptionSlots {
  /** Extends every lease this instance holds (the timer calls it; tests may too). */
  renew(): Promise<void>;
}

const DEFAULT_LEASE_MS = 30_000;

/**
 * The per-key cap across every instance: each live subscription holds a leased member in one sorted set per key.
 * An instance renews its leases every third of the lease and removes them when subscriptions end; an instance that
 * dies without removing them frees them when their lease ends, so a crash costs a key at most one lease of slots.
 */
export function createRedisSubscriptionSlots(options: RedisSubscriptionSlotsOptions): RedisSubscriptionSlots {
  const { redis, maxPerSubject, logger } = options;
  assertMaxPerSubject(maxPerSubject, 'createRedisSubscriptionSlots');
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const now = options.now ?? Date.now;
  const instance = randomUUID();
  const keyOf = (subject: string): string => `${options.keyPrefix}subscription-slots:${subject}`;
  /** The members this instance holds, by subject. */
  const held = new Map<string, Set<string>>();
  let sequence = 0;
  let disposed = false;

  function forget(subject: string, member: string): void {
    const members = held.get(subject);
    members?.delete(member);
    if (members?.size === 0) held.delete(subject);
  }

  async function renew(): Promise<void> {
    const leaseEnd = now() + leaseMs;
    await Promise.all(
      [...held].map(async ([subject, members]) => {
        if (members.size === 0) return;
        await RENEW_SCRIPT.run(redis, [keyOf(subject)], [leaseEnd, leaseMs, ...members]);
      }),
    );
  }

  const timer =
    options.autoRenew === false
      ? null
      : setInterval(() => {
          renew().catch((error: unknown) => logger.warn({ err: ensureError(error) }, 'Could not renew subscription slot leases; retrying on the next interval'));
        }, Math.max(1, Math.floor(leaseMs / 3)));
  timer?.unref();

  return {
    maxPerSubject,
    renew,
    async acquire(subject) {
      if (disposed) throw new Error('Subscription slots are disposed; no new subscription can start');
      const member = `${instance}:${sequence++}`;
      const at = now();
      let taken: boolean;
      try {
        taken = Number(await ACQUIRE_SCRIPT.run(redis, [keyOf(subject)], [at, at + leaseMs, maxPerSubject, member, leaseMs])) === 1;
      } catch (error) {
        // As the rate limiter: a guard rail, not a lock. Without Redis the subscription fails on its own anyway.
        logger.warn({ err: ensureError(error), subject }, 'Could not count subscription slots; admitting the subscription');
        return () => undefined;
      }
      if (!taken) return null;
      let members = held.get(subject);
      if (members === undefined) {
        members = new Set();
        held.set(subject, members);
      }
      members.add(member);
      let released = false;
      const release: SlotRelease = () => {
        if (released) return;
        released = true;
        forget(subject, member);
        // If this fails (Redis down), the lease ends on its own: renewal no longer includes the member.
        redis.zrem(keyOf(subject), member).catch((error: unknown) => logger.warn({ err: ensureError(error), subject }, 'Could not free a subscription slot; it frees itself when its lease ends'));
      };
      return release;
    },
    async dispose() {
      disposed = true;
      if (timer !== null) clearInterval(timer);
      const leftovers = [...held];
      held.clear();
      await Promise.all(leftovers.map(([subject, members]) => redis.zrem(keyOf(subject), ...members).catch(() => undefined)));
    },
  };
}
