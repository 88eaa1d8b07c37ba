import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { EVENT_CODEC_DICTIONARY_V1_EVENTS } from './event-codec-dictionary';

/**
 * The stored form of an event body (the event's JSON without its cursor, as serializeEvent writes it): what the
 * Redis log keeps once per event. Format version 1, all integers big-endian:
 *
 *   byte 0          version = 1
 *   bytes 1..n      the JSON's UTF-8 length, unsigned LEB128 (bounds the inflate, and a first corruption check)
 *   bytes n+1..n+4  CRC-32 of the JSON's UTF-8 bytes (raw deflate has no checksum of its own)
 *   the rest        the JSON, raw deflate (RFC 1951) with the version-1 preset dictionary
 *
 * Compressing the JSON as it is, rather than a hand-made compact form, keeps decode byte-identical to what was
 * stored, and costs little: what `details` repeats of `raw` (a message's content, the group id three times) becomes
 * back-references, and the keys and shapes every event shares are found in the dictionary (typical events of every
 * provider and kind). An inbound text of about 1.3 KB of JSON stores in about 260 B (BENCHMARKS.md, scenario 13).
 * A new format (another dictionary, another algorithm) takes the next version number; decode keeps reading the old.
 */
const VERSION_1 = 1;
/** The versions this build reads, for the error that names them. */
const READABLE_VERSIONS = [VERSION_1];
/**
 * zlib's defaults, measured on the fixtures: level 9 saved about 1 B per event, memLevel 9 nothing, and each cost CPU
 * on the webhook path (memLevel 9: +70% encode time). Most of an encode is priming the dictionary, so it is 16 KB
 * (15.8 KB: the common kinds of every provider, Meta's last), not the 30 KB all kinds would take: half the encode time
 * alone for the same bytes on Meta's texts, statuses and joins (scripts/build-event-codec-dictionary.ts). Most of what
 * is left is zlib creating a stream per call (BENCHMARKS.md, Redis memory per event).
 */
const DEFLATE_LEVEL = 6;
const MEM_LEVEL = 8;
const CRC_BYTES = 4;
/** A length field longer than this (5 LEB128 bytes = 35 bits) is corruption, not a big event. */
const MAX_LENGTH_BYTES = 5;

const DICTIONARY_V1 = Buffer.from(EVENT_CODEC_DICTIONARY_V1_EVENTS.join(''));

/** A stored body that cannot be decoded: an unknown format version, or bytes that are not what was written. */
export class EventBodyDecodeError extends Error {
  override readonly name = 'EventBodyDecodeError';
  constructor(
    message: string,
    /** 'unknown-version': written by a newer build; 'corrupt': damaged, truncated or not an event body at all. */
    readonly reason: 'unknown-version' | 'corrupt',
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** Encodes an event's JSON (serializeEvent's output) for storage. The webhook path calls it once per event. */
export function encodeEventBody(json: string): Buffer {
  if (typeof json !== 'string' || json.length === 0) {
    throw new TypeError(`encodeEventBody expects the event's JSON (a non-empty string), got ${describe(json)}; pass serializeEvent(event).`);
  }
  const text = Buffer.from(json, 'utf8');
  const deflated = deflateRawSync(text, { level: DEFLATE_LEVEL, memLevel: MEM_LEVEL, dictionary: DICTIONARY_V1 });
  const length = leb128(text.length);
  const body = Buffer.allocUnsafe(1 + length.length + CRC_BYTES + deflated.length);
  body[0] = VERSION_1;
  length.copy(body, 1);
  body.writeUInt32BE(crc32(text), 1 + length.length);
  deflated.copy(body, 1 + length.length + CRC_BYTES);
  return body;
}

/**
 * Decodes a stored body back to the exact JSON string that was encoded. Throws EventBodyDecodeError for a body of an
 * unknown version or one that is damaged (the length and CRC-32 are checked, so damage is never returned as an event).
 */
export function decodeEventBody(body: Buffer): string {
  if (!Buffer.isBuffer(body)) {
    throw new TypeError(`decodeEventBody expects the stored body as a Buffer, got ${describe(body)}; read the field as binary (ioredis: the *Buffer command variants).`);
  }
  if (body.length === 0) throw corrupt('the body is empty');
  const version = body[0];
  if (version !== VERSION_1) {
    throw new EventBodyDecodeError(
      `decodeEventBody: unknown event body format version ${version} (this build reads version ${READABLE_VERSIONS.join(', ')}); ${versionHint(version as number)}`,
      'unknown-version',
    );
  }
  const { value: length, next } = readLeb128(body, 1);
  const dataStart = next + CRC_BYTES;
  if (dataStart > body.length) throw corrupt(`the body is ${body.length} bytes, shorter than its ${dataStart}-byte header`);
  let text: Buffer;
  try {
    // maxOutputLength: damaged input must never inflate to more than the event that was written.
    text = inflateRawSync(body.subarray(dataStart), { dictionary: DICTIONARY_V1, maxOutputLength: Math.max(1, length) });
  } catch (error) {
    throw corrupt(`the deflate data does not inflate (${(error as Error).message})`, error);
  }
  if (text.length !== length) throw corrupt(`it inflates to ${text.length} bytes, not the ${length} its header says`);
  const expected = body.readUInt32BE(next);
  if (crc32(text) !== expected) throw corrupt(`its CRC-32 is ${hex(crc32(text))}, not the ${hex(expected)} its header says`);
  return text.toString('utf8');
}

function versionHint(version: number): string {
  // '{': an event stored as plain JSON, as the log did before this codec.
  if (version === 0x7b) return 'the bytes start with "{": this is event JSON stored without the codec, read it as JSON.';
  if (version > VERSION_1) return 'the event was written by a newer gateway: run the same version on every instance, or upgrade this one.';
  return 'no gateway writes this version: the stored bytes are not an event body.';
}

function corrupt(what: string, cause?: unknown): EventBodyDecodeError {
  return new EventBodyDecodeError(`decodeEventBody: corrupt event body: ${what}; the stored bytes are not the body that was written.`, 'corrupt', cause === undefined ? undefined : { cause });
}

function leb128(value: number): Buffer {
  const bytes: number[] = [];
  let rest = value;
  while (rest >= 0x80) {
    bytes.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  bytes.push(rest);
  return Buffer.from(bytes);
}

function readLeb128(body: Buffer, start: number): { value: number; next: number } {
  let value = 0;
  let scale = 1;
  for (let at = start; at < body.length && at < start + MAX_LENGTH_BYTES; at++) {
    const byte = body[at] as number;
    value += (byte & 0x7f) * scale;
    if (byte < 0x80) return { value, next: at + 1 };
    scale *= 0x80;
  }
  throw corrupt('its length field is truncated or longer than 5 bytes');
}

function hex(n: number): string {
  return `0x${n.toString(16).padStart(8, '0')}`;
}

function describe(value: unknown): string {
  if (Buffer.isBuffer(value)) return `a Buffer of ${value.length} bytes`;
  if (typeof value === 'string') return value.length === 0 ? 'an empty string' : 'a string';
  return value === null ? 'null' : typeof value;
}

