import Redis from 'ioredis';
import { fixtureJsonsByKind, loadCodec, sandboxMetaProvider, timeCodec, unseen } from '../lib/event-codec.mjs';
import { projectLayout } from '../lib/layout-projection.mjs';
import { joinDeliveries, metaGroupId, statusDeliveries, textDeliveries } from '../lib/memory-deliveries.mjs';
import { startPrivateRedis } from '../lib/private-redis.mjs';

const TARGET = { kind: '<=', value: 700 };
const SCENARIO = '13 event memory';
const EVENTS_PER_GROUP = 200;

/**
 * Scenario 13: Redis memory per stored event, per event kind (issue 16: <= 700 B per event).
 *
 * The log as stored: posts signed Meta deliveries to the gateway and sums `MEMORY USAGE <key> SAMPLES 0` (exact for
 * streams) over every key under the run's prefix before and after each kind: the growth divided by the events stored
 * is what one event costs (its body in its group's stream, its dedupe key, its references in the phone and all-events
 * indexes); the detail splits it by part.
 *
 * Layout projection: the events those deliveries store (normalised again here by the same provider) written again, in
 * scratch keys, the way the per-group cluster layout stores them, with the body encoded by the event codec
 * (bench/lib/layout-projection.mjs has the key names and fields); measured the same way, and on a Redis of the
 * bench's own by INFO used_memory too, with the alternatives (type by name, dedupe key per event, dedupe folded in the
 * entry). The target applies to the projection: the log keeps today's layout until the cluster layout lands. Then the
 * codec's size and speed for these events, and an upper bound for every kind from every provider's fixtures.
 */
export async function eventMemory({ gateway, redisUrl, keyPrefix, phoneNumberId, runId, events = 10_000 }) {
  const codec = await loadCodec();
  const provider = await sandboxMetaProvider();
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  const rows = [];
  const stored = [];
  try {
    // 200 events per group whatever the count (10,000 texts over 50 groups by default): a group stream's open node is
    // a fixed ~4.8 KB (README, Scaling: sizing), so fewer events per group would measure that, not the per-event cost.
    const groups = (count, kind) => Array.from({ length: Math.max(1, Math.round(count / EVENTS_PER_GROUP)) }, (_, i) => metaGroupId(`${runId}:${kind}`, i));
    const joins = Math.min(events, 2_000);
    const statuses = Math.min(events, 5_000);
    const kinds = [
      { name: 'inbound group text', deliveries: textDeliveries({ phoneNumberId, runId, events, groups: groups(events, 'text') }) },
      { name: 'participant joined', deliveries: joinDeliveries({ phoneNumberId, events: joins, groups: groups(joins, 'join') }) },
      { name: 'message status delivered', deliveries: statusDeliveries({ phoneNumberId, runId, events: statuses, groups: groups(statuses, 'status') }) },
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
      const perEvent = count === 0 ? null : (after.bytes - before.bytes) / count;
      const perEventByPart = Object.fromEntries(
        Object.keys(after.byPart).map((part) => [part, count === 0 ? null : Math.round(((after.byPart[part] ?? 0) - (before.byPart[part] ?? 0)) / count)]),
      );
      rows.push({
        scenario: SCENARIO,
        metric: `Redis B/event: ${kind.name}`,
        value: perEvent === null ? null : Math.round(perEvent),
        baseline: null,
        target: TARGET,
        detail: { stored: count, bytesBefore: before.bytes, bytesAfter: after.bytes, keysAfter: after.keys, perEventByPart },
      });
      // The events those deliveries store, normalised here by the same provider as the gateway's (whatever layout the log
      // keeps them in): what the projection writes again.
      stored.push({ kind, today: perEvent, events: storedEvents(provider, bodies) });
    }

    // Only for the used_memory cross-check: without a redis-server of its own the scenario still measures MEMORY USAGE.
    const quiet = await startPrivateRedis().catch((error) => {
      console.error(`bench: 13 event memory: no Redis of its own for used_memory (${error.message})`);
      return null;
    });
    try {
      for (const { kind, today, events: kindEvents } of stored) {
        const shared = await projectLayout({ redis, prefix: `${keyPrefix}proj:`, events: kindEvents, encode: codec.encode, typeCode: codec.typeCode });
        const own = quiet === null ? null : await projectLayout({ redis: quiet.redis, prefix: 'proj:', events: kindEvents, encode: codec.encode, typeCode: codec.typeCode, quiet: true });
        const detail = { events: shared.events, groups: shared.groups, jsonBytes: round(shared.jsonBytes), bodyBytes: round(shared.bodyBytes), memoryUsage: rounded(shared.memoryUsage), usedMemory: rounded(own?.usedMemory ?? null) };
        const todayValue = today === null ? null : Math.round(today);
        const row = (metric, value, baseline, extra = {}) => ({ scenario: SCENARIO, metric, value: Math.round(value), baseline, target: null, detail: null, ...extra });
        rows.push(
          row(`layout projection B/event: ${kind.name}`, shared.memoryUsage.total, todayValue, { target: TARGET, detail }),
          row(`layout projection B/event, the type by name: ${kind.name}`, shared.memoryUsage.totalTypeNames, Math.round(shared.memoryUsage.total)),
          row(`layout projection B/event, a dedupe key per event: ${kind.name}`, shared.memoryUsage.totalDedupeKey, Math.round(shared.memoryUsage.total)),
          row(`layout projection B/event, dedupe folded in the entry: ${kind.name}`, shared.memoryUsage.totalDedupeFolded, Math.round(shared.memoryUsage.total)),
        );
        if (own !== null) {
          // On a Redis of the bench's own: baseline is MEMORY USAGE of the same keys there.
          rows.push(row(`layout projection B/event (used_memory): ${kind.name}`, own.usedMemory.total, Math.round(own.memoryUsage.total), { detail: { redis: quiet.version } }));
        }
        if (kind === stored[0].kind) {
          // Dedupe costs about the same whatever the kind: shown once. MEMORY USAGE leaves out a key's expires-table
          // entry, so the key per event costs more than it says: used_memory (own Redis) is in the detail.
          const dedupe = shared.memoryUsage.dedupe;
          const used = own?.usedMemory.dedupe ?? null;
          const dedupeRow = (what, name) => row(`dedupe B/event, ${what}`, dedupe[name], Math.round(dedupe.key), { detail: { usedMemory: used === null ? null : round(used[name]) } });
          rows.push(
            row('dedupe B/event, key per event', dedupe.key, null, { detail: { usedMemory: used === null ? null : round(used.key) } }),
            dedupeRow('hash per group and day, <= 512 a day', 'hash'),
            dedupeRow('hash per group and day, > 512 a day', 'hashBusy'),
            dedupeRow('event id folded in the group entry', 'folded'),
          );
        }
      }
    } finally {
      await quiet?.stop();
    }

    for (const { kind, events: kindEvents } of stored) {
      const timing = timeCodec({ jsons: kindEvents.map((event) => event.json), encode: codec.encode, decode: codec.decode });
      rows.push(...codecRows(`codec: ${kind.name}`, timing));
    }
    // Every kind, from every provider's fixtures: `fixtureEvents` copies with other values (bench/lib/event-codec.mjs
    // `unseen`), over fixtureEvents / 200 groups, projected the same way. An upper bound, not a target row: the copies
    // share nothing with the dictionary, where real events share id prefixes and times (BENCHMARKS.md, scenario 13,
    // compares the two for delivered statuses).
    const fixtureEvents = Math.max(EVENTS_PER_GROUP, Math.min(events, 2_000));
    for (const [type, jsons] of [...(await fixtureJsonsByKind()).entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const copies = Array.from({ length: fixtureEvents }, (_, k) => unseen(jsons[k % jsons.length], k));
      // The copies' group and phone ids vary; the keys use the first few, so each group gets EVENTS_PER_GROUP events
      // and one business number has them all, as in the kinds above.
      const groupIds = [];
      let phone = null;
      const kindEvents = copies.flatMap((json, k) => {
        const { id, groupId, phoneNumberId } = JSON.parse(json);
        if (groupId === null) return []; // a create refused before the group existed: no group stream
        if (groupIds.length < fixtureEvents / EVENTS_PER_GROUP) groupIds.push(groupId);
        phone ??= phoneNumberId;
        return [{ id, type, groupId: groupIds[k % groupIds.length], phoneNumberId: phoneNumberId === null ? null : phone, json }];
      });
      const projected = await projectLayout({ redis, prefix: `${keyPrefix}proj:`, events: kindEvents, encode: codec.encode, typeCode: codec.typeCode });
      const timing = timeCodec({ jsons: copies, encode: codec.encode, decode: codec.decode, minMs: 100 });
      rows.push(
        { scenario: SCENARIO, metric: `layout projection B/event, fixtures (pessimistic bound): ${type}`, value: Math.round(projected.memoryUsage.total), baseline: null, target: null, detail: { events: projected.events, groups: projected.groups, bodyBytes: round(projected.bodyBytes), ...rounded(projected.memoryUsage) } },
        { scenario: SCENARIO, metric: `codec B/event, fixtures (pessimistic bound): ${type}`, value: Math.round(timing.bodyBytes), baseline: Math.round(timing.jsonBytes), target: null, detail: rounded(timing) },
      );
    }
  } finally {
    await redis.quit();
  }
  return rows;
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

/** The events a delivery stores, as the log keeps them: serializeEvent's JSON (no cursor), and what the keys need. */
function storedEvents(provider, bodies) {
  return bodies.flatMap((body) =>
    provider.parse(Buffer.from(body), new Date()).events.map((event) => ({ id: event.id, type: event.type, groupId: event.groupId, phoneNumberId: event.phoneNumberId, json: JSON.stringify(event) })),
  );
}

/** The event log's keys by part (src/events/redis-event-log-keys.ts); anything else under the prefix is "other". */
function partOf(key) {
  if (/\}:h$/.test(key)) return 'home streams';
  if (/\}:d:/.test(key)) return 'dedupe keys';
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
