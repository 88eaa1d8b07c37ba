import { UpstreamError } from './upstream-error';
import { isWireObject, readBoolean, readNumber, readString, toNumber } from './wire-values';
import type { WireObject } from './wire-values';

/** The part of `Headers` the parser reads; batch sub-responses have none. */
export interface HeaderReader {
  get(name: string): string | null;
}

/**
 * One UpstreamError from any non-2xx Graph answer: the `{error:{...}}` envelope when there is one, otherwise
 * the status and the start of the body (proxies and load balancers answer 502/503 with HTML).
 */
export function parseGraphError(input: { httpStatus: number; bodyText: string; headers?: HeaderReader | null; now?: number }): UpstreamError {
  const retryAfterSeconds = input.headers ? parseRetryAfterSeconds(input.headers, input.now ?? Date.now()) : null;
  let parsed: unknown;
  try {
    parsed = input.bodyText === '' ? undefined : JSON.parse(input.bodyText);
  } catch {
    return new UpstreamError({
      message: `Graph API answered HTTP ${input.httpStatus} with a non-JSON body: ${snippet(input.bodyText)}`,
      httpStatus: input.httpStatus,
      retryAfterSeconds,
    });
  }
  if (isWireObject(parsed) && isWireObject(parsed.error)) {
    return upstreamErrorFromEnvelope(input.httpStatus, parsed.error, retryAfterSeconds);
  }
  return new UpstreamError({
    message: `Graph API answered HTTP ${input.httpStatus} without an error envelope: ${snippet(input.bodyText)}`,
    httpStatus: input.httpStatus,
    retryAfterSeconds,
  });
}

/** The `error` object of Graph's envelope (`message`, `type`, `code`, `error_subcode`, `error_data`, `fbtrace_id`, ...). */
function upstreamErrorFromEnvelope(httpStatus: number | null, error: WireObject, retryAfterSeconds: number | null = null): UpstreamError {
  const code = readNumber(error, 'code');
  const isTransient = readBoolean(error, 'is_transient');
  return new UpstreamError({
    message: readString(error, 'message') ?? `Graph API error${code === null ? '' : ` ${code}`}`,
    httpStatus,
    code,
    subcode: readNumber(error, 'error_subcode'),
    type: readString(error, 'type'),
    fbtraceId: readString(error, 'fbtrace_id'),
    details: readErrorDetails(error),
    userTitle: readString(error, 'error_user_title'),
    userMessage: readString(error, 'error_user_msg'),
    ...(isTransient === null ? {} : { isTransient }),
    retryAfterSeconds,
  });
}

/** `error_data.details`; older Graph errors send `error_data` as a JSON string. */
export function readErrorDetails(error: WireObject): string | null {
  const data = error.error_data;
  if (isWireObject(data)) return readString(data, 'details');
  if (typeof data === 'string' && data !== '') {
    try {
      const inner: unknown = JSON.parse(data);
      if (isWireObject(inner)) return readString(inner, 'details') ?? data;
    } catch {
      return data;
    }
    return data;
  }
  return null;
}

/**
 * Seconds until the caller may try again: `Retry-After` (seconds or an HTTP date) first, else the largest
 * `estimated_time_to_regain_access` (minutes) of `X-Business-Use-Case-Usage`. Null when neither says.
 */
export function parseRetryAfterSeconds(headers: HeaderReader, now: number): number | null {
  const retryAfter = headers.get('retry-after');
  if (retryAfter !== null && retryAfter.trim() !== '') {
    const seconds = toNumber(retryAfter);
    if (seconds !== null && seconds >= 0) return Math.ceil(seconds);
    const at = Date.parse(retryAfter);
    if (!Number.isNaN(at)) return Math.max(0, Math.ceil((at - now) / 1000));
  }
  return businessUseCaseWaitSeconds(headers.get('x-business-use-case-usage'));
}

function businessUseCaseWaitSeconds(header: string | null): number | null {
  if (header === null || header.trim() === '') return null;
  let usage: unknown;
  try {
    usage = JSON.parse(header);
  } catch {
    return null;
  }
  if (!isWireObject(usage)) return null;
  let maxMinutes = 0;
  for (const entries of Object.values(usage)) {
    if (!Array.isArray(entries)) continue;
    for (const entry of entries) {
      const minutes = isWireObject(entry) ? readNumber(entry, 'estimated_time_to_regain_access') : null;
      if (minutes !== null && minutes > maxMinutes) maxMinutes = minutes;
    }
  }
  return maxMinutes > 0 ? Math.ceil(maxMinutes * 60) : null;
}

function snippet(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat === '') return '(empty)';
  return flat.length > 200 ? `${flat.slice(0, 200)}…` : flat;
}
