/**
 * Issue 16's "layout projection": what one event would cost in Redis in the per-group layout, measured by writing
 * that layout for real (scratch keys under `prefix`, deleted afterwards) and summing `MEMORY USAGE <key> SAMPLES 0`
 * per family of keys. On a Redis of its own (`quiet`), the growth of INFO `used_memory` is measured too: it adds what
 * MEMORY USAGE leaves out (a key's entry in the expires table, the hash tables' bucket arrays).
 *
 * Per event, as the cluster layout stores it (the key names and fields measured, for the log to align with):
 * - `{g:<groupId>}s`       per-group stream, entry `t <type> p <phoneNumberId or ""> b <encoded body>` (the body is
 *                          encodeEventBody(serializeEvent(event)): the only copy of the event);
 * - `{p:<phoneNumberId>}s` per-phone reference, entry `g <groupId> e <group entry id> t <type>`;
 * - `{all}s`               global reference, the same fields as the per-phone one;
 * - `{g:<groupId>}h:<day>` dedupe hash, one per group and day (days since the epoch, receive time): field
 *                          `<12 chars of the event id>`, value `<group entry id>`; it expires a ttl after its day ends,
 *                          and an append checks (HEXISTS) the buckets of the last ttl's days. Up to 512 fields
 *                          (hash-max-listpack-entries) Redis packs it in a listpack, ~36 B a field; a busier group's
 *                          day is a hash table, ~2.5 times that: measured both ways (`dedupeHashBusy`: the same
 *                          fields in one hash), and the total counts the dearer.
 * Dedupe alternatives, measured side by side (each replaces the hash):
 * - key: a key per event, `{g:<groupId>}d:<12 chars of the event id>` `SET … <group entry id> PX <ttl>` (today's way);
 * - folded: the group stream entry carries `i <12 chars of the event id>` (a duplicate is then found by scanning the
 *   group's entries since the event's occurredAt); the cost is `{g:<groupId>}S` (same entries plus `i`) minus `s`.
 * And the three streams again with the type as a number (`typeCode(type)`, 0-14) instead of its name (up to 24 bytes),
 * in keys ending `c` instead of `s`: what that choice would save.
 * Entry ids are written as a steady rate gives them (`ratePerSecond` events/s across all groups): ids close together
 * cost fewer bytes in a stream, so the rate matters a little.
 */
export async function projectLayout({ redis, prefix, events, encode, typeCode, quiet = false, ratePerSecond = 10, ttlMs = 7 * 24 * 3600 * 1000, startMs = Date.now() }) {
  const families = { group: [], groupFolded: [], phone: [], global: [], dedupeKey: [], dedupeHash: [], dedupeHashBusy: [], groupCoded: [], phoneCoded: [], globalCoded: [] };
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
    const phone = event.phoneNumberId ?? '';
    const refFields = ['g', event.groupId, 'e', id, 't', event.type];
    const day = Math.floor(ms / 86_400_000);
    families.group.push([`${group}s`, ['XADD', `${group}s`, id, 't', event.type, 'p', phone, 'b', body]]);
    families.groupFolded.push([`${group}S`, ['XADD', `${group}S`, id, 't', event.type, 'p', phone, 'b', body, 'i', short]]);
    if (phone !== '') families.phone.push([`${prefix}{p:${phone}}s`, ['XADD', `${prefix}{p:${phone}}s`, id, ...refFields]]);
    families.global.push([`${prefix}{all}s`, ['XADD', `${prefix}{all}s`, id, ...refFields]]);
    // The same entries with the type as its small number (typeCode) instead of its name, in keys of their own (`c`).
    const code = String(typeCode(event.type));
    const codedRefFields = ['g', event.groupId, 'e', id, 't', code];
    families.groupCoded.push([`${group}c`, ['XADD', `${group}c`, id, 't', code, 'p', phone, 'b', body]]);
    if (phone !== '') families.phoneCoded.push([`${prefix}{p:${phone}}c`, ['XADD', `${prefix}{p:${phone}}c`, id, ...codedRefFields]]);
    families.globalCoded.push([`${prefix}{all}c`, ['XADD', `${prefix}{all}c`, id, ...codedRefFields]]);
    families.dedupeKey.push([`${group}d:${short}`, ['SET', `${group}d:${short}`, id, 'PX', ttlMs]]);
    families.dedupeHash.push([`${group}h:${day}`, ['HSET', `${group}h:${day}`, short, id], ['PEXPIRE', `${group}h:${day}`, (day + 1) * 86_400_000 - ms + ttlMs]]);
    // The same fields in one hash (one group that had all the events): past 512 fields Redis stores it as a table.
    const busy = `${prefix}{g:busy}h:${day}`;
    families.dedupeHashBusy.push([busy, ['HSET', busy, short, id], ['PEXPIRE', busy, (day + 1) * 86_400_000 - ms + ttlMs]]);
  }
  const n = events.length;
  const perEvent = {};
  const usedPerEvent = {};
  const keyCount = {};
  // On the quiet Redis, a first pass (its figures dropped) grows what stays allocated once (the keyspace's hash
  // tables, the client's query buffer), so that each family's used_memory growth in the second is its own.
  for (const pass of quiet ? [1, 2] : [2]) {
    await writeFamilies(pass === 2);
  }
  async function writeFamilies(record) {
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
    await unlinkAll(redis, keys);
  }
  }
  const summary = (bytes) =>
    bytes.group === undefined
      ? null
      : {
          perEvent: bytes,
          /**
           * The layout as proposed: group stream + phone and global references + the per-group, per-day dedupe hash,
           * counted as a busy group's (a table: the dearer form), since busy groups are the ones that fill a Redis.
           */
          total: bytes.group + bytes.phone + bytes.global + bytes.dedupeHashBusy,
          totalWithDedupeKey: bytes.group + bytes.phone + bytes.global + bytes.dedupeKey,
          totalWithTypeCodes: bytes.groupCoded + bytes.phoneCoded + bytes.globalCoded + bytes.dedupeHashBusy,
          dedupe: { key: bytes.dedupeKey, folded: bytes.groupFolded - bytes.group, hash: bytes.dedupeHash, hashBusy: bytes.dedupeHashBusy },
        };
  return { events: n, groups: keyCount.group, phones: keyCount.phone, jsonBytes: jsonBytes / n, bodyBytes: bodyBytes / n, memoryUsage: summary(perEvent), usedMemory: quiet ? summary(usedPerEvent) : null };
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

async function unlinkAll(redis, keys) {
  for (let i = 0; i < keys.length; i += 500) await redis.del(...keys.slice(i, i + 500));
}
