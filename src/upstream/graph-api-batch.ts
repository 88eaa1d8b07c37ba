import { parseGraphError } from './graph-api-error-parser';
import type { HeaderReader } from './graph-api-error-parser';
import type { BatchItemResult, BatchRequest } from './types';
import { UpstreamError } from './upstream-error';
import { isWireObject, readNumber, readString, unexpectedAnswer } from './wire-values';
import type { WireObject } from './wire-values';

/** Graph API hard limit of sub-requests per batch (docs/groups-api.md#batch-requests). */
export const GRAPH_BATCH_LIMIT = 50;

export function assertBatchSize(requests: readonly BatchRequest[]): void {
  if (requests.length > GRAPH_BATCH_LIMIT) {
    throw new TypeError(
      `GroupsApi.batch: expected at most ${GRAPH_BATCH_LIMIT} sub-requests, got ${requests.length}; split them into chunks of ${GRAPH_BATCH_LIMIT} (getGroups does this for you)`,
    );
  }
}

/** `{ batch: [{method, relative_url, body?}], include_headers: false }`, sent as JSON to `POST /<version>/`. */
export function toBatchBody(requests: readonly BatchRequest[]): WireObject {
  return {
    batch: requests.map((request) => ({
      method: request.method,
      relative_url: request.relativeUrl.replace(/^\/+/, ''),
      ...(request.body === undefined ? {} : { body: request.body }),
    })),
    include_headers: false,
  };
}

/**
 * The batch answer is an array in request order of `{code, headers?, body: "<json string>"}`, or `null` for
 * a sub-request Meta gave up on (a timeout inside the batch): that item becomes a transient error.
 */
export function parseBatchAnswer(answer: unknown, requests: readonly BatchRequest[]): BatchItemResult[] {
  if (!Array.isArray(answer) || answer.length !== requests.length) {
    throw unexpectedAnswer('batch', `an array of ${requests.length} sub-responses`, answer);
  }
  return answer.map((item, index) => parseBatchItem(item, requests[index]!));
}

function parseBatchItem(item: unknown, request: BatchRequest): BatchItemResult {
  if (!isWireObject(item)) {
    const error = new UpstreamError({
      message: `Graph batch sub-request ${request.method} ${request.relativeUrl} got no answer (timed out inside the batch)`,
      httpStatus: null,
      isTransient: true,
    });
    return { ok: false, status: 504, error };
  }
  const status = readNumber(item, 'code') ?? 0;
  const bodyText = typeof item.body === 'string' ? item.body : item.body === undefined || item.body === null ? '' : JSON.stringify(item.body);
  if (status >= 200 && status < 300) return { ok: true, status, body: parseJsonOrText(bodyText) };
  return { ok: false, status, error: parseGraphError({ httpStatus: status, bodyText, headers: headersOf(item.headers) }) };
}

function parseJsonOrText(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** With `include_headers: true` each item carries `headers: [{name, value}]`, which may hold Retry-After. */
function headersOf(raw: unknown): HeaderReader | null {
  if (!Array.isArray(raw)) return null;
  const map = new Map<string, string>();
  for (const header of raw) {
    if (!isWireObject(header)) continue;
    const name = readString(header, 'name');
    const value = readString(header, 'value');
    if (name !== null && value !== null) map.set(name.toLowerCase(), value);
  }
  return { get: (name) => map.get(name.toLowerCase()) ?? null };
}
