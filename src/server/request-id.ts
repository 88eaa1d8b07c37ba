import { randomUUID } from 'node:crypto';

export const REQUEST_ID_HEADER = 'x-request-id';

/** A caller's id is kept only when it is short and plain, so it cannot inject anything into logs. */
const ACCEPTABLE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The request id for a request: the caller's `x-request-id` when acceptable, otherwise a fresh UUID. */
export function requestIdFrom(headers: Readonly<Record<string, string | string[] | undefined>>): string {
  const value = headers[REQUEST_ID_HEADER];
  const candidate = Array.isArray(value) ? value[0] : value;
  return candidate !== undefined && ACCEPTABLE_REQUEST_ID.test(candidate) ? candidate : randomUUID();
}
