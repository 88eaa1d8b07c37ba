import { WebhookPayloadError } from '../../webhook-errors';

// Parsing a delivery, and reading the parsed, untrusted JSON. Every read is an own-property read, so a hostile key
// such as "constructor" or "__proto__" never reaches Object.prototype, and every reader answers null (or an empty
// array) for the wrong shape instead of throwing: a bad item is ignored, not a crashed delivery.

/**
 * Deepest nesting a delivery may have. Real payloads stay under ~10 levels (Meta: envelope → entry → change →
 * value → groups[] → item → errors[] → error_data). The cap exists because JSON.parse copes with millions of
 * levels but JSON.stringify, recursion and the event log do not: such a body would crash far from here.
 */
export const MAX_JSON_DEPTH = 64;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;

/**
 * Parses a webhook body. Throws WebhookPayloadError for a body that is not JSON or nests deeper than
 * MAX_JSON_DEPTH. The depth is measured on the raw bytes before parsing (one linear pass; UTF-8
 * continuation bytes never equal an ASCII quote or bracket), so a hostile body is rejected before it is built.
 */
export function parseJsonBody(rawBody: Buffer, provider: string): unknown {
  assertDepthWithin(rawBody, MAX_JSON_DEPTH, provider);
  try {
    return JSON.parse(rawBody.toString('utf8')) as unknown;
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new WebhookPayloadError(`The ${provider} webhook body is not valid JSON: ${why}`);
  }
}

function assertDepthWithin(rawBody: Buffer, maxDepth: number, provider: string): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < rawBody.length; i += 1) {
    const byte = rawBody[i];
    if (inString) {
      if (byte === BACKSLASH) i += 1;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
      depth += 1;
      if (depth > maxDepth) {
        throw new WebhookPayloadError(`The ${provider} webhook body nests deeper than ${maxDepth} levels`);
      }
    } else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
      depth -= 1;
    }
  }
}

export type JsonObject = { readonly [key: string]: unknown };

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The own property `key` of `value`, or undefined when `value` is not an object or lacks it. */
export function own(value: unknown, key: string): unknown {
  if (!isJsonObject(value) || !Object.prototype.hasOwnProperty.call(value, key)) return undefined;
  return value[key];
}

export function objectAt(value: unknown, key: string): JsonObject | null {
  const found = own(value, key);
  return isJsonObject(found) ? found : null;
}

export function arrayAt(value: unknown, key: string): readonly unknown[] {
  const found = own(value, key);
  return Array.isArray(found) ? found : [];
}

/** A string, or a finite number rendered as one (providers send ids and codes either way). */
export function stringAt(value: unknown, key: string): string | null {
  return toText(own(value, key));
}

/** Like stringAt, but blank strings count as missing: for ids and identifiers. */
export function idAt(value: unknown, key: string): string | null {
  const text = stringAt(value, key);
  return text === null || text.trim() === '' ? null : text;
}

export function toText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

/** true/false, also spelled as strings ("true", "false"); anything else is unknown. */
export function booleanAt(value: unknown, key: string): boolean | null {
  const found = own(value, key);
  if (typeof found === 'boolean') return found;
  if (found === 'true') return true;
  if (found === 'false') return false;
  return null;
}

/**
 * Unix seconds (a number, or digits in a string as Meta's docs print them) → ISO 8601, or null for a missing,
 * placeholder ("TIMESTAMP"), zero or out-of-range value. Callers fall back to the receive time on null,
 * because a doc-placeholder timestamp must not stop an otherwise valid event.
 */
export function unixSecondsToIso(value: unknown): string | null {
  const seconds = unixSeconds(value);
  if (seconds === null) return null;
  const date = new Date(seconds * 1000);
  return Number.isFinite(date.getTime()) ? date.toISOString() : null;
}

/** A timestamp normalised for identity keys: 1755548877 and "1755548877" give the same key. */
export function timestampKey(value: unknown): string {
  const seconds = unixSeconds(value);
  return seconds === null ? (toText(value) ?? '') : String(seconds);
}

/** An RFC 3339 / ISO 8601 string → normalised ISO 8601, or null when it is not a date. */
export function isoTimeToIso(value: unknown): string | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  const millis = Date.parse(value);
  return Number.isFinite(millis) ? new Date(millis).toISOString() : null;
}

function unixSeconds(value: unknown): number | null {
  let seconds: number;
  if (typeof value === 'number') seconds = value;
  else if (typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value)) seconds = Number(value);
  else return null;
  return Number.isFinite(seconds) && seconds > 0 ? seconds : null;
}
