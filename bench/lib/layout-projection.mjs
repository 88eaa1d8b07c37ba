/**
 * Issue 16's "layout projection": what one event would cost in Redis in the per-group layout, measured by writing
 * that layout for real (scratch keys under `prefix`, deleted afterwards) and summing `MEMORY USAGE <key> SAMPLES 0`
 * per family of keys. On a Redis of its own (`quiet`), the growth of INFO `used_memory` is measured too: it adds what
 * MEMORY USAGE leaves out (a key's entry in the expires table, the hash tables' bucket arrays).
 *
 * The layout measured (key names and fields, for the cluster log to align with), per event:
 * - `{g:<groupId>}s`       per-group stream, entry `t <type number> p <phoneNumberId or ""> b <encoded body>`; the body
 *                          is encodeEventBody(serializeEvent(event)), the only copy of the event; the type number is
 *                          `typeCode(type)` (0-14; the log needs a frozen, append-only table of them);
 * - `{p:<phoneNumberId>}s` per-phone reference, entry `g <groupId> e <group entry id> t <type number>`;
 * - `{all}s`               global reference, the same fields as the per-phone one;
 * - `{g:<groupId>}h:<day>` dedupe hash, one per group and day (days since the epoch, receive time): field
 *                          `<12 chars of the event id>`, value `<group entry id>`; it expires a ttl after its day ends,
 *                          and an append checks (HEXISTS) the buckets of the last ttl's days. Up to 512 fields
 *                          (hash-max-listpack-entries) Redis packs it in a listpack, ~35 B a field; a busier group's
 *                          day is a hash table, ~2.5 times that. Both are measured (`dedupeHashBusy`: the same fields
 *                          in one hash) and the total counts the dearer: busy groups are the ones that fill a Redis.
 * Alternatives, measured side by side:
 * - `names`: the three streams with the type's name (up to 24 bytes) instead of its number (keys ending `n`);
 * - dedupe `key`: a key per event, `{g:<groupId>}d:<12 chars of the event id>` `SET … <group entry id> PX <ttl>`
 *   (today's way);
 * - dedupe `folded`: the group stream entry carries `i <12 chars of the event id>` (a duplicate is then found by
 *   scanning the group's entries since the event's occurredAt); its cost is `{g:<groupId>}i` (the group entries plus
 *   `i`) minus `{g:<groupId>}s`.
 * Entry ids are written as a steady rate gives them (`ratePerSecond` events/s across all groups): ids close together
 * cost fewer bytes in a stream, so the rate matters a little.
 */
export async function projectLayout({ redis, prefix, events, encode, typeCode, quiet = false, ratePerSecond = 10, ttlMs = 7 * 24 * 3600 * 1000, startMs = Date.now() }) {
  const families = { group: [], phone: [], global: [], dedupeHash: [], dedupeHashBusy: [], dedupeKey: [], groupFolded: [], groupNames: [], phoneNames: [], globalNames: [] };
  const stepMs = Math.max(1, Math.round(1000 / ratePerSecond));
  let bodyBytes = 0;
  let jsonBytes = 0;
  for (const [index, event] of events.entries()) {
    const ms = startMs + index * stepMs;
    const id = `${ms}-0`;
    const short = event.id.slice(4, 16);
    const body = encode(event.json);
    bodyBytes += body.length;
    jsonBytes += Buffer.byteLength(event.json);
    const group = `${prefix}{g:${event.groupId}}`;
    const phoneKey = event.phoneNumberId === null ? null : `${prefix}{p:${event.phoneNumberId}}`;
    const phone = event.phoneNumberId ?? '';
    const code = String(typeCode(event.type));
    const day = Math.floor(ms / 86_400_000);
    const expireMs = (day + 1) * 86_400_000 - ms + ttlMs;
    const stream = (family, key, ...fields) => families[family].push([key, ['XADD', key, id, ...fields]]);
    stream('group', `${group}s`, 't', code, 'p', phone, 'b', body);
    if (phoneKey !== null) stream('phone', `${phoneKey}s`, 'g', event.groupId, 'e', id, 't', code);
    stream('global', `${prefix}{all}s`, 'g', event.groupId, 'e', id, 't', code);
    families.dedupeHash.push([`${group}h:${day}`, ['HSET', `${group}h:${day}`, short, id], ['PEXPIRE', `${group}h:${day}`, expireMs]]);
    // The same fields in one hash (as if one group had all the events): past 512 fields Redis stores it as a table.
    const busy = `${prefix}{g:busy}h:${day}`;
    families.dedupeHashBusy.push([busy, ['HSET', busy, short, id], ['PEXPIRE', busy, expireMs]]);
    families.dedupeKey.push([`${group}d:${short}`, ['SET', `${group}d:${short}`, id, 'PX', ttlMs]]);
    stream('groupFolded', `${group}i`, 't', code, 'p', phone, 'b', body, 'i', short);
    stream('groupNames', `${group}n`, 't', event.type, 'p', phone, 'b', body);
    if (phoneKey !== null) stream('phoneNames', `${phoneKey}n`, 'g', event.groupId, 'e', id, 't', event.type);
    stream('globalNames', `${prefix}{all}n`, 'g', event.groupId, 'e', id, 't', event.type);
  }
  const n = events.length;
  const perEvent = {};
  const usedPerEvent = {};
  const keyCount = {};
  const writeFamilies = async (record) => {
    for (const [family, writes] of Object.entries(families)) {
      const usedBefore = quiet ? await usedMemory(redis) : 0;
      for (let i = 0; i < writes.length; i += 1_000) {
        const pipeline = redis.pipeline();
        for (const [, ...commands] of writes.slice(i, i + 1_000)) for (const command of commands) pipeline.call(...command);
        for (const [error] of await pipeline.exec()) if (error) throw error;
      }
      const keys = [...new Set(writes.map(([key]) => key))];
      const usedAfter = quiet ? await usedMemory(redis) : 0;
      if (record) {
        keyCount[family] = keys.length;
        perEvent[family] = (await memoryOf(redis, keys)) / n;
        if (quiet) usedPerEvent[family] = (usedAfter - usedBefore) / n;
      }
      await deleteAll(redis, keys);
    }
  };
  // On the quiet Redis, a first pass (its figures dropped) grows what stays allocated once (the keyspace's hash
  // tables, the client's query buffer), so that each family's used_memory growth in the second is its own.
  if (quiet) await writeFamilies(false);
  await writeFamilies(true);
  const summary = (bytes) => {
    const streams = bytes.group + bytes.phone + bytes.global;
    return {
      perEvent: bytes,
      /** The layout measured: the three streams and the dedupe hash as a busy group's. */
      total: streams + bytes.dedupeHashBusy,
      totalTypeNames: bytes.groupNames + bytes.phoneNames + bytes.globalNames + bytes.dedupeHashBusy,
      totalDedupeKey: streams + bytes.dedupeKey,
      totalDedupeFolded: bytes.groupFolded + bytes.phone + bytes.global,
      dedupe: { hash: bytes.dedupeHash, hashBusy: bytes.dedupeHashBusy, key: bytes.dedupeKey, folded: bytes.groupFolded - bytes.group },
    };
  };
  return {
    events: n,
    groups: keyCount.group,
    phones: keyCount.phone,
    jsonBytes: jsonBytes / n,
    bodyBytes: bodyBytes / n,
    memoryUsage: summary(perEvent),
    usedMemory: quiet ? summary(usedPerEvent) : null,
  };
}

async function usedMemory(redis) {
  const info = await redis.info('memory');
  return Number(/used_memory:(\d+)/.exec(info)?.[1] ?? 0);
}

async function memoryOf(redis, keys) {
  let total = 0;
  for (const key of keys) total += Number((await redis.call('MEMORY', 'USAGE', key, 'SAMPLES', '0')) ?? 0);
  return total;
}

/** DEL, not UNLINK: the memory must be freed before the next family's used_memory is read. */
async function deleteAll(redis, keys) {
  for (let i = 0; i < keys.length; i += 500) await redis.del(...keys.slice(i, i + 500));
}
