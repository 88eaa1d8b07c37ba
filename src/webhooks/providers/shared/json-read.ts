/**
 * Readers over untrusted, already-parsed JSON. Every read is an own-property read, so a hostile key such as
 * "constructor" or "__proto__" never reaches Object.prototype, and every reader answers null (or an empty
 * array) for the wrong shape instead of throwing: a bad item is ignored, not a crashed delivery.
 */
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
