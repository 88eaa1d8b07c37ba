import { toText } from './json-read';

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
