import type { RedisClient } from '../events/redis-client';
import { slotTag } from '../events/redis-client';
import type { Clock } from '../events/clock';
import { systemClock } from '../events/clock';
import { assertPositiveSeconds } from '../events/event-log-support';
import { defineRedisScript, pairsToRecord } from '../events/redis-script';
import { once } from '../lib/disposable';
import type { OperationKind, OperationRecord } from './operation';
import { assertNewOperation, completionFields, pendingRecord } from './operation';
import type { OperationStore } from './operation-store';

export interface RedisOperationStoreOptions {
  /** The commands connection. Borrowed. */
  redis: RedisClient;
  keyPrefix: string;
  ttlSeconds: number;
  /** Source of createdAt/updatedAt. @default systemClock */
  clock?: Clock;
}

/*
 * A record is a hash with one field per OperationRecord property, each value JSON-encoded, so the scripts can
 * compare the status and overwrite fields without parsing JSON in Lua.
 */

/**
 * KEYS: record, early completion, pending index. ARGV: ttlMs, score (createdAt ms), indexed ("1"/"0"), id, fields...
 * Returns the stored record's fields (the existing record when the id was taken).
 */
const CREATE_SCRIPT = defineRedisScript(`
if redis.call('EXISTS', KEYS[1]) == 1 then return redis.call('HGETALL', KEYS[1]) end
local fields = {}
for i = 5, #ARGV do fields[#fields + 1] = ARGV[i] end
redis.call('HSET', KEYS[1], unpack(fields))
redis.call('PEXPIRE', KEYS[1], ARGV[1])
if redis.call('EXISTS', KEYS[2]) == 1 then
  redis.call('HSET', KEYS[1], unpack(redis.call('HGETALL', KEYS[2])))
  redis.call('DEL', KEYS[2])
elseif ARGV[3] == '1' then
  redis.call('ZADD', KEYS[3], ARGV[2], ARGV[4])
  redis.call('PEXPIRE', KEYS[3], ARGV[1])
end
return redis.call('HGETALL', KEYS[1])
`);

/**
 * KEYS: record, early completion. ARGV: ttlMs, fields... Returns { changed (0/1), record fields }.
 * Unknown id: the completion is kept (first one wins) for create to apply.
 */
const COMPLETE_SCRIPT = defineRedisScript(`
local fields = {}
for i = 2, #ARGV do fields[#fields + 1] = ARGV[i] end
if redis.call('EXISTS', KEYS[1]) == 0 then
  if redis.call('EXISTS', KEYS[2]) == 0 then
    redis.call('HSET', KEYS[2], unpack(fields))
    redis.call('PEXPIRE', KEYS[2], ARGV[1])
  end
  return { 0, {} }
end
if redis.call('HGET', KEYS[1], 'status') ~= '"PENDING"' then return { 0, redis.call('HGETALL', KEYS[1]) } end
redis.call('HSET', KEYS[1], unpack(fields))
return { 1, redis.call('HGETALL', KEYS[1]) }
`);

/**
 * `tag`: slotTag(redis, 'operation'). The create script writes the record, its early completion and the group's
 * pending index together, so on a cluster the operations share one slot (few keys: they expire after the TTL).
 */
export function operationKeys(keyPrefix: string, tag = '') {
  const base = `${keyPrefix}${tag}`;
  return {
    record: (id: string) => `${base}operation:${id}`,
    early: (id: string) => `${base}operation-early:${id}`,
    pending: (groupId: string, kind: OperationKind) => `${base}operation-pending:${kind}:${groupId}`,
  };
}

/** Operations shared by every instance. Completion is one script: exactly one caller sees `changed: true`. */
export function createRedisOperationStore(options: RedisOperationStoreOptions): OperationStore {
  assertPositiveSeconds('createRedisOperationStore', 'ttlSeconds', options.ttlSeconds);
  const { redis } = options;
  const ttlMs = options.ttlSeconds * 1000;
  const clock = options.clock ?? systemClock;
  const keys = operationKeys(options.keyPrefix, slotTag(redis, 'operation'));

  async function get(id: string): Promise<OperationRecord | null> {
    return decodeRecord(await redis.hgetall(keys.record(id)));
  }

  return {
    async create(operation) {
      assertNewOperation('RedisOperationStore', operation);
      const nowMs = clock.now();
      const record = pendingRecord(operation, new Date(nowMs).toISOString());
      const indexed = record.groupId !== null;
      const pendingKey = indexed ? keys.pending(record.groupId as string, record.kind) : keys.record(record.id);
      const reply = await CREATE_SCRIPT.run(
        redis,
        [keys.record(record.id), keys.early(record.id), pendingKey],
        [ttlMs, nowMs, indexed ? '1' : '0', record.id, ...encodeFields(record)],
      );
      return decodeRecord(pairsToRecord(reply)) as OperationRecord;
    },

    get,

    async complete(id, completion) {
      const fields = completionFields(completion, new Date(clock.now()).toISOString());
      const reply = (await COMPLETE_SCRIPT.run(redis, [keys.record(id), keys.early(id)], [ttlMs, ...encodeFields(fields)])) as [number, unknown];
      return { changed: Number(reply[0]) === 1, record: decodeRecord(pairsToRecord(reply[1])) };
    },

    async findPendingForCorrelation({ groupId, kind, occurredBefore }) {
      const key = keys.pending(groupId, kind);
      for (;;) {
        const ids = await redis.zrevrangebyscore(key, occurredBefore.getTime(), '-inf', 'LIMIT', 0, 20);
        if (ids.length === 0) return null;
        const records = await Promise.all(ids.map(get));
        const found = records.findIndex((record) => record !== null && record.status === 'PENDING');
        // Completed or expired operations before the match are no longer pending: drop them from the index.
        const stale = ids.slice(0, found === -1 ? ids.length : found);
        if (stale.length > 0) await redis.zrem(key, ...stale);
        if (found !== -1) return records[found];
      }
    },

    // The connection is borrowed; there is nothing of our own to release.
    dispose: once(async () => undefined).dispose,
  };
}

function encodeFields(fields: Partial<OperationRecord>): string[] {
  return Object.entries(fields).flatMap(([name, value]) => [name, JSON.stringify(value ?? null)]);
}

function decodeRecord(hash: Record<string, string>): OperationRecord | null {
  if (Object.keys(hash).length === 0) return null;
  const record: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(hash)) record[name] = JSON.parse(value);
  return record as unknown as OperationRecord;
}
