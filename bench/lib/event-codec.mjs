import { readdirSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** The built gateway (dist/, or BENCH_DIST like the gateway child): the codec and the providers, as production runs them. */
const dist = process.env.BENCH_DIST ? pathToFileURL(`${process.env.BENCH_DIST.replace(/\/+$/, '')}/`) : new URL('../../dist/', import.meta.url);

export async function loadCodec() {
  const { encodeEventBody, decodeEventBody } = await import(new URL('events/event-codec.js', dist).href);
  const { GROUP_EVENT_TYPES } = await import(new URL('events/event-model.js', dist).href);
  return { encode: encodeEventBody, decode: decodeEventBody, typeCode: (type) => GROUP_EVENT_TYPES.indexOf(type) };
}

/**
 * The gateway's own Redis event log (as built), over the bench's connection and a prefix of the caller's, with the
 * gateway's defaults for retention and dedupe: what scenario 13 appends fixture events with.
 */
export async function loadEventLog({ redis, keyPrefix }) {
  const { createRedisEventLog } = await import(new URL('events/redis-event-log.js', dist).href);
  const { createTopics } = await import(new URL('events/topics.js', dist).href);
  const week = 7 * 24 * 3600;
  return createRedisEventLog({ redis, topics: createTopics(keyPrefix), keyPrefix, retentionSeconds: week, dedupeTtlSeconds: week });
}

/** The Meta provider as the bench's sandbox-mode gateway runs it (sandbox app secret, source SANDBOX). */
export async function sandboxMetaProvider() {
  const { createMetaProvider } = await import(new URL('webhooks/providers/meta/meta.provider.js', dist).href);
  return createMetaProvider({ appSecrets: ['sandbox-app-secret'], verifyToken: 'bench', source: 'SANDBOX' });
}

/**
 * µs per encode and per decode (and per JSON.parse of the same JSON, the work a read does today), each looped over
 * `jsons` until `minMs` have passed, after one warm-up pass. Bytes are averages per event.
 */
export function timeCodec({ jsons, encode, decode, minMs = 300 }) {
  const bodies = jsons.map(encode);
  const time = (work) => {
    work();
    let runs = 0;
    const start = process.hrtime.bigint();
    let elapsedNs = 0n;
    while (elapsedNs < BigInt(minMs) * 1_000_000n) {
      work();
      runs += jsons.length;
      elapsedNs = process.hrtime.bigint() - start;
    }
    return Number(elapsedNs) / 1000 / runs;
  };
  return {
    events: jsons.length,
    jsonBytes: jsons.reduce((sum, json) => sum + Buffer.byteLength(json), 0) / jsons.length,
    bodyBytes: bodies.reduce((sum, body) => sum + body.length, 0) / bodies.length,
    encodeUs: time(() => jsons.forEach((json) => encode(json))),
    decodeUs: time(() => bodies.forEach((body) => decode(body))),
    parseUs: time(() => jsons.forEach((json) => JSON.parse(json))),
  };
}

/**
 * Every event the providers normalise from test/fixtures/webhooks, as stored JSON, by kind (as they are: the
 * dictionary was built from them, so use `unseen` copies to measure).
 */
export async function fixtureJsonsByKind() {
  const providers = {
    meta: (await import(new URL('webhooks/providers/meta/meta.provider.js', dist).href)).createMetaProvider({ appSecrets: ['bench'], verifyToken: 'bench' }),
    whapi: (await import(new URL('webhooks/providers/whapi/whapi.provider.js', dist).href)).createWhapiProvider({ tokens: ['bench'] }),
    ycloud: (await import(new URL('webhooks/providers/ycloud/ycloud.provider.js', dist).href)).createYCloudProvider({ secrets: ['bench'], toleranceSeconds: 300 }),
  };
  const byKind = new Map();
  for (const [name, provider] of Object.entries(providers)) {
    const folder = new URL(`../../test/fixtures/webhooks/${name}/`, import.meta.url);
    for (const file of readdirSync(folder).filter((f) => f.endsWith('.json')).sort()) {
      const { events } = provider.parse(readFileSync(new URL(file, folder)), new Date('2026-06-01T12:00:00.000Z'));
      for (const event of events) {
        const list = byKind.get(event.type) ?? [];
        list.push(JSON.stringify(event));
        byKind.set(event.type, list);
      }
    }
  }
  return byKind;
}

/**
 * Copy number `variant` of an event with other values: in every string holding a digit or a space (ids, phone
 * numbers, times, free text) each digit and letter is shifted by a non-zero amount that depends on the variant and its
 * place in the string, so copies differ from each other and from the dictionary, while a value the event repeats (the
 * group id, a message id in `raw` and in `details`) stays the same everywhere in it; keys and enum values stay.
 * Pessimistic on purpose, like the unit test's bound: real ids share prefixes (`wamid.`, `@g.us`) this breaks.
 */
export function unseen(json, variant) {
  const shift = (char, index, base, range) => {
    const step = 1 + (mix(variant, index) % (range - 1));
    return String.fromCharCode(base + ((char.charCodeAt(0) - base + step) % range));
  };
  const rotate = (text) =>
    text.replace(/[0-9a-zA-Z]/g, (c, index) => (c <= '9' ? shift(c, index, 48, 10) : c <= 'Z' ? shift(c, index, 65, 26) : shift(c, index, 97, 26)));
  return JSON.stringify(JSON.parse(json), (_key, value) => (typeof value === 'string' && /[0-9 ]/.test(value) ? rotate(value) : value));
}

/** A well-mixed non-negative integer of two (murmur3's finaliser), so copies' values never repeat in step. */
function mix(a, b) {
  let h = Math.imul(a + 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x7f4a7c15, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
