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
 * Every event the providers normalise from test/fixtures/webhooks, as stored JSON, by kind; each with its values
 * changed (`unseen`, as in test/unit/events/event-codec.test.ts): the dictionary was built from these fixtures, so
 * as they are they would compress unrealistically well.
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
        list.push(unseen(JSON.stringify(event)));
        byKind.set(event.type, list);
      }
    }
  }
  return byKind;
}

function unseen(json) {
  const rotate = (text) =>
    text
      .replace(/[0-9]/g, (d) => String((Number(d) * 7 + 3) % 10))
      .replace(/[a-z]/g, (c) => String.fromCharCode(((c.charCodeAt(0) - 97 + 11) % 26) + 97))
      .replace(/[A-Z]/g, (c) => String.fromCharCode(((c.charCodeAt(0) - 65 + 11) % 26) + 65));
  return JSON.stringify(JSON.parse(json), (_key, value) => (typeof value === 'string' && /[0-9 ]/.test(value) ? rotate(value) : value));
}
