import type { Rng } from './prng';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

/** One way to damage a delivery: a name for the report and the bytes to send. */
export interface Mutant {
  kind: string;
  body: Buffer;
}

function paths(value: Json, at: Path = [], into: Path[] = []): Path[] {
  into.push(at);
  if (Array.isArray(value)) value.forEach((item, index) => paths(item, [...at, index], into));
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) paths(item, [...at, key], into);
  return into;
}

function get(value: Json, path: Path): Json {
  return path.reduce<Json>((node, key) => (node as Record<string | number, Json>)[key]!, value);
}

/** A copy of `value` with the node at `path` replaced (the root when the path is empty). */
function replaced(value: Json, path: Path, by: Json): Json {
  if (path.length === 0) return by;
  const copy = structuredClone(value);
  const parent = get(copy, path.slice(0, -1)) as Record<string | number, Json>;
  parent[path[path.length - 1]!] = by;
  return copy;
}

function removed(value: Json, path: Path): Json {
  if (path.length === 0) return value;
  const copy = structuredClone(value);
  const parent = get(copy, path.slice(0, -1));
  const key = path[path.length - 1]!;
  if (Array.isArray(parent)) parent.splice(key as number, 1);
  else delete (parent as Record<string, Json>)[key as string];
  return copy;
}

function otherType(current: Json, rng: Rng): Json {
  const candidates: Json[] = [null, true, false, 0, -1, 1e308, -0.5, 2 ** 53 + 1, '', 'x', '1755549000', [], [null], {}, { a: 1 }];
  const differs = candidates.filter((candidate) => typeof candidate !== typeof current || Array.isArray(candidate) !== Array.isArray(current) || (candidate === null) !== (current === null));
  return rng.pick(differs);
}

function nested(depth: number, asObject: boolean): string {
  return asObject ? `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}` : `${'['.repeat(depth)}1${']'.repeat(depth)}`;
}

const INVALID_UTF8: readonly number[][] = [[0xff], [0xc3, 0x28], [0xe2, 0x28, 0xa1], [0xf0, 0x28, 0x8c, 0x28], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0x80]];

/**
 * The mutants of one fixture: truncations, wrong types, huge strings and arrays, deep nesting, invalid UTF-8,
 * missing and extra fields, and plain garbage. Deterministic for a given rng.
 */
export function mutantsOf(raw: string, rng: Rng): Mutant[] {
  const value = JSON.parse(raw) as Json;
  const all = paths(value);
  const text = (kind: string, json: Json | string): Mutant => ({ kind, body: Buffer.from(typeof json === 'string' ? json : JSON.stringify(json), 'utf8') });
  const ofType = (test: (node: Json) => boolean): Path[] => all.filter((path) => test(get(value, path)));
  const strings = ofType((node) => typeof node === 'string');
  const arrays = ofType((node) => Array.isArray(node));
  const mutants: Mutant[] = [];

  // Cut inside the document (a trailing newline is not part of it, so cutting only that would still be valid JSON).
  const content = raw.trimEnd();
  for (let i = 0; i < 3; i++) mutants.push(text('truncated', content.slice(0, rng.int(0, Math.max(0, content.length - 2)))));
  for (let i = 0; i < 6; i++) {
    const path = rng.pick(all);
    mutants.push(text(`wrong type at ${path.join('.') || 'root'}`, replaced(value, path, otherType(get(value, path), rng))));
  }
  for (let i = 0; i < 3; i++) {
    const path = rng.pick(all.filter((p) => p.length > 0).length > 0 ? all.filter((p) => p.length > 0) : all);
    mutants.push(text(`missing ${path.join('.')}`, removed(value, path)));
  }
  if (strings.length > 0) {
    mutants.push(text('huge string', replaced(value, rng.pick(strings), 'é𝄞x'.repeat(rng.int(50_000, 300_000)))));
    mutants.push(text('huge string of escapes', replaced(value, rng.pick(strings), '\\"\u0000\n'.repeat(rng.int(10_000, 50_000)))));
  }
  const arrayPath = arrays.length > 0 ? rng.pick(arrays) : rng.pick(all);
  const element = get(value, arrayPath);
  const seed = Array.isArray(element) && element.length > 0 ? element[0]! : { group_id: 'g', type: 'x' };
  mutants.push(text('huge array', replaced(value, arrayPath, Array.from({ length: rng.int(2_000, 8_000) }, () => seed))));
  mutants.push(text('huge array of scalars', replaced(value, rng.pick(all), Array.from({ length: 100_000 }, (_, index) => index))));
  for (const depth of [70, 5_000]) {
    const marker = '"__deep__"';
    const withMarker = JSON.stringify(replaced(value, rng.pick(all), '__deep__'));
    mutants.push(text(`nested ${depth} deep`, withMarker.replace(marker, nested(depth, rng.chance(0.5)))));
  }
  mutants.push(text('nested 200000 deep at the root', nested(200_000, false)));
  for (let i = 0; i < 3; i++) {
    const bytes = Buffer.from(raw, 'utf8');
    const quotes = [...bytes.keys()].filter((index) => bytes[index] === 0x22);
    const at = quotes.length > 0 ? rng.pick(quotes) + 1 : rng.int(0, bytes.length);
    mutants.push({ kind: 'invalid UTF-8', body: Buffer.concat([bytes.subarray(0, at), Buffer.from(rng.pick(INVALID_UTF8)), bytes.subarray(at)]) });
  }
  mutants.push({ kind: 'UTF-16 encoded', body: Buffer.from(raw, 'utf16le') });
  mutants.push({ kind: 'random bytes', body: Buffer.from(Array.from({ length: rng.int(1, 512) }, () => rng.int(0, 255))) });
  mutants.push(text('duplicate keys', raw.replace('{', `{"object":"not_whatsapp","entry":[],"event":null,"groups":1,`)));
  mutants.push(text('empty body', ''));
  mutants.push(text('JSON scalar', rng.pick(['null', 'true', '0', '"text"', '[]', '{}'])));
  return mutants;
}
