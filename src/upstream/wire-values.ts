import { UpstreamError } from './upstream-error';

/**
 * Lenient readers for Graph API answers. Meta's docs and spec disagree on scalar types (numbers and booleans
 * quoted as strings, timestamps as either), so every reader accepts each documented spelling and answers null
 * for anything else instead of throwing: one odd field must not fail a whole group.
 */

export type WireObject = Record<string, unknown>;

export function isWireObject(value: unknown): value is WireObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function readString(source: WireObject, key: string): string | null {
  const value = source[key];
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

/** A number, or a string holding one ("2"). */
export function readNumber(source: WireObject, key: string): number | null {
  return toNumber(source[key]);
}

export function toNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

/** A boolean, or its string spelling ("true"/"false", any case). */
export function readBoolean(source: WireObject, key: string): boolean | null {
  const value = source[key];
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const lower = value.trim().toLowerCase();
    if (lower === 'true') return true;
    if (lower === 'false') return false;
  }
  return null;
}

/** Unix seconds as a number or numeric string ("683731200"); an ISO date string is accepted too. */
export function readUnixDate(source: WireObject, key: string): Date | null {
  const value = source[key];
  const seconds = toNumber(value);
  if (seconds !== null) return new Date(seconds * 1000);
  if (typeof value === 'string') {
    const ms = Date.parse(value);
    if (!Number.isNaN(ms)) return new Date(ms);
  }
  return null;
}

export function readArray(source: WireObject, key: string): unknown[] | null {
  const value = source[key];
  return Array.isArray(value) ? value : null;
}

export function readObject(source: WireObject, key: string): WireObject | null {
  const value = source[key];
  return isWireObject(value) ? value : null;
}

/** For answers that lack what the operation cannot do without (a group without `id`, a send without a wamid). */
export function unexpectedAnswer(operation: string, expected: string, got: unknown, httpStatus: number | null = null): UpstreamError {
  return new UpstreamError({
    message: `Unexpected Graph API answer to ${operation}: expected ${expected}, got ${describe(got)}`,
    httpStatus,
    isTransient: false,
  });
}

function describe(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
