import { createHash } from 'node:crypto';
import Redis from 'ioredis';
import { fixtureJsonsByKind, loadCodec, loadEventLog, sandboxMetaProvider, timeCodec, unseen } from '../lib/event-codec.mjs';
import { joinDeliveries, metaGroupId, statusDeliveries, textDeliveries } from '../lib/memory-deliveries.mjs';

const TARGET = { kind: '<=', value: 700 };
const SCENARIO = '13 event memory';
const EVENTS_PER_GROUP = 200;

/**
 * Scenario 13: Redis memory per stored event, per event kind (issue 16: <= 700 B per event).
 *
 * Posts signed Meta deliveries to the gateway and sums `MEMORY USAGE <key> SAMPLES 0` (exact for streams and hashes)
 * over every key under the run's prefix before and after each kind: the growth divided by the events stored is what
 * one event costs in the log as it is stored (its encoded body in its group's stream, its field in the group's dedupe
 * hash of the day, its references in the phone and all-events indexes); `detail.perEventByPart` splits it by part.
 * 200 events per group (a group stream's open node is a fixed ~4.8 KB: fewer per group would measure that), plus
 * one busy group with more than 512 events in a day (its dedupe hash leaves Redis' compact encoding).
 * Then the codec's size and speed for these events, and a bound for every kind from every provider's fixtures, appended
 * through the gateway's own event log (dist/) to a scratch prefix and measured the same way.
 */
export async function eventMemory({ gateway, redisUrl, keyPrefix, phoneNumberId, runId, events = 10_000 }) {
  const codec = await loadCodec();
  const provider = await sandboxMetaProvider();
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  const rows = [];
  const stored = [];
  try {
    const groups = (count, kind) => Array.from({ length: Math.max(1, Math.round(count / EVENTS_PER_GROUP)) }, (_, i) => metaGroupId(`${runId}:${kind}`, i));
    const joins = Math.min(events, 2_000);
    const statuses = Math.min(events, 5_000);
    const busy = Math.min(events, 2_000);
    const kinds = [
      { name: 'inbound group text', deliveries: textDeliveries({ phoneNumberId, runId, events, groups: groups(events, 'text') }) },
      { name: 'participant joined', deliveries: joinDeliveries({ phoneNumberId, events: joins, groups: groups(joins, 'join') }) },
      { name: 'message status delivered', deliveries: statusDeliveries({ phoneNumberId, runId, events: statuses, groups: groups(statuses, 'status') }) },
      { name: 'inbound group text, one busy group', deliveries: textDeliveries({ phoneNumberId, runId: `${runId}-busy`, events: busy, groups: [metaGroupId(`${runId}:busy`, 0)] }) },
    ];
    for (const kind of kinds) {
      const before = await memoryUnder(redis, keyPrefix);
      const storedBefore = (await gateway.call('ingressStats')).eventsStored;
      const bodies = [];
      for (const { body, headers } of kind.deliveries) {
        bodies.push(body);
        const response = await fetch(`${gateway.url}/webhooks/meta`, { method: 'POST', body, headers });
        if (response.status !== 200) throw new Error(`event memory: a delivery was answered ${response.status}`);
        await response.arrayBuffer();
      }
      const count = (await gateway.call('ingressStats')).eventsStored - storedBefore;
      const after = await memoryUnder(redis, keyPrefix);
      rows.push({ scenario: SCENARIO, metric: `Redis B/event: ${kind.name}`, ...growth(before, after, count), baseline: null, target: TARGET });
      // The events those deliveries stored, normalised again here by the same provider: the codec rows time them.
      stored.push({ kind, jsons: bodies.flatMap((body) => provider.parse(Buffer.from(body), new Date()).events.map((event) => JSON.stringify(event))) });
    }

    for (const { kind, jsons } of stored.slice(0, 3)) {
      rows.push(...codecRows(`codec: ${kind.name}`, timeCodec({ jsons, encode: codec.encode, decode: codec.decode })));
    }

    // Every kind, from every provider's fixtures: copies with other values (bench/lib/event-codec.mjs `unseen`) and
    // ids of eventId()'s shape, 200 per group, one business number, appended by the gateway's own log. A bound, not a
    // target row: the copies share nothing with the codec's dictionary, where real events share id prefixes and times.
    const fixtureEvents = Math.max(EVENTS_PER_GROUP, Math.min(events, 2_000));
    const scratch = `${keyPrefix}fixtures:`;
    const log = await loadEventLog({ redis, keyPrefix: scratch });
    try {
      for (const [type, jsons] of [...(await fixtureJsonsByKind()).entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
        const copies = Array.from({ length: fixtureEvents }, (_, k) => unseen(jsons[k % jsons.length], k));
        const kindEvents = copies.flatMap((json, k) => {
          const event = JSON.parse(json);
          if (event.groupId === null) return []; // a create refused before the group existed: stored with its phone
          const id = `evt_${createHash('sha256').update(`${runId}:${type}:${k}`).digest('base64url').slice(0, 32)}`;
          return [{ ...event, id, groupId: metaGroupId(`${runId}:${type}`, Math.floor(k / EVENTS_PER_GROUP)), phoneNumberId: event.phoneNumberId === null ? null : phoneNumberId }];
        });
        const before = await memoryUnder(redis, scratch);
        for (let i = 0; i < kindEvents.length; i += 100) await log.append(kindEvents.slice(i, i + 100));
        const after = await memoryUnder(redis, scratch);
        const timing = timeCodec({ jsons: copies, encode: codec.encode, decode: codec.decode, minMs: 100 });
        rows.push(
          { scenario: SCENARIO, metric: `Redis B/event, fixtures (pessimistic bound): ${type}`, ...growth(before, after, kindEvents.length), baseline: null, target: null },
          { scenario: SCENARIO, metric: `codec B/event, fixtures (pessimistic bound): ${type}`, value: Math.round(timing.bodyBytes), baseline: Math.round(timing.jsonBytes), target: null, detail: rounded(timing) },
        );
      }
    } finally {
      await log.dispose();
      await deleteUnder(redis, scratch);
    }
  } finally {
    await redis.quit();
  }
  return rows;
}

/** A row's value and detail: the growth per event, in all and by part. */
function growth(before, after, count) {
  const perEventByPart = Object.fromEntries(Object.keys(after.byPart).map((part) => [part, count === 0 ? null : Math.round(((after.byPart[part] ?? 0) - (before.byPart[part] ?? 0)) / count)]));
  return { value: count === 0 ? null : Math.round((after.bytes - before.bytes) / count), detail: { stored: count, bytesBefore: before.bytes, bytesAfter: after.bytes, keysAfter: after.keys, perEventByPart } };
}

function codecRows(name, timing) {
  return [
    { scenario: SCENARIO, metric: `${name} body B/event (baseline: JSON)`, value: Math.round(timing.bodyBytes), baseline: Math.round(timing.jsonBytes), target: null, detail: rounded(timing) },
    { scenario: SCENARIO, metric: `${name} encode µs/event`, value: round(timing.encodeUs), baseline: null, target: null, detail: null },
    { scenario: SCENARIO, metric: `${name} decode µs/event (baseline: JSON.parse)`, value: round(timing.decodeUs), baseline: round(timing.parseUs), target: null, detail: null },
  ];
}

const round = (n) => Math.round(n * 10) / 10;
function rounded(value) {
  if (value === null || typeof value !== 'object') return typeof value === 'number' ? round(value) : value;
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, rounded(inner)]));
}

/** The event log's keys by part (src/events/redis-event-log-keys.ts); anything else under the prefix is "other". */
function partOf(key) {
  if (/\}:h$/.test(key)) return 'home streams';
  if (/\}:d:\d+$/.test(key)) return 'dedupe hashes';
  if (/\}:x$/.test(key)) return 'index streams';
  if (/\}:i$/.test(key)) return 'index progress';
  return 'other';
}

async function memoryUnder(redis, prefix) {
  let bytes = 0;
  let keys = 0;
  const byPart = {};
  for await (const batch of redis.scanStream({ match: `${prefix}*`, count: 1000 })) {
    for (const key of batch) {
      const usage = Number((await redis.call('MEMORY', 'USAGE', key, 'SAMPLES', '0')) ?? 0);
      bytes += usage;
      keys += 1;
      byPart[partOf(key)] = (byPart[partOf(key)] ?? 0) + usage;
    }
  }
  return { bytes, keys, byPart };
}

async function deleteUnder(redis, prefix) {
  for await (const batch of redis.scanStream({ match: `${prefix}*`, count: 1000 })) if (batch.length > 0) await redis.del(...batch);
}
