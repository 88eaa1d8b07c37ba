import type { GraphCall, GraphHandler } from './graph-api-call';
import { ok } from './graph-api-call';
import { splitGraphPath } from './graph-api-path';
import { badRequest } from './sandbox-graph-api-error';

const BATCH_LIMIT = 50;

/**
 * POST / with `batch=[{method, relative_url, body?}]` (JSON or form-encoded) → an array, in request order,
 * of `{code, headers?, body: "<json string>"}`. Sub-requests run in order through the same routes,
 * failure rules included; `include_headers` defaults to true, as on Graph.
 */
export const batch: GraphHandler = (call, deps) => {
  const items = readBatch(call.params.batch);
  const includeHeaders = !(call.params.include_headers === false || call.params.include_headers === 'false');
  const answers = items.map((item, index) => {
    const sub = subCall(call, item, index);
    const result = deps.dispatch(sub);
    if (result.status >= 200 && result.status < 300) call.outbox.push(...sub.outbox);
    const headers = [{ name: 'Content-Type', value: 'application/json; charset=UTF-8' }, ...Object.entries(result.headers ?? {}).map(([name, value]) => ({ name, value }))];
    return { code: result.status, ...(includeHeaders ? { headers } : {}), body: JSON.stringify(result.body) };
  });
  return ok(answers);
};

function readBatch(raw: unknown): Record<string, unknown>[] {
  if (raw === undefined) throw badRequest('The parameter batch is required');
  let value = raw;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      throw badRequest('Param batch must be a JSON-encoded array of {method, relative_url, body?}');
    }
  }
  if (!Array.isArray(value) || value.length === 0) throw badRequest('Param batch must be a non-empty array of {method, relative_url, body?}');
  if (value.length > BATCH_LIMIT) throw badRequest(`Too many requests in batch message. Maximum batch size is ${BATCH_LIMIT}, got ${value.length}`);
  return value.map((item, index) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) throw badRequest(`batch[${index}] must be an object with method and relative_url`);
    return item as Record<string, unknown>;
  });
}

function subCall(parent: GraphCall, item: Record<string, unknown>, index: number): GraphCall {
  const method = typeof item.method === 'string' ? item.method.toUpperCase() : '';
  if (!['GET', 'POST', 'DELETE'].includes(method)) throw badRequest(`batch[${index}].method must be GET, POST or DELETE, got ${JSON.stringify(item.method)}`);
  if (typeof item.relative_url !== 'string' || item.relative_url === '') throw badRequest(`batch[${index}].relative_url is required`);
  const url = new URL(item.relative_url.replace(/^\/*/, '/'), 'http://batch.invalid');
  const { version, segments } = splitGraphPath(url.pathname);
  const params: Record<string, unknown> = Object.fromEntries(url.searchParams);
  if (typeof item.body === 'string') Object.assign(params, Object.fromEntries(new URLSearchParams(item.body)));
  else if (typeof item.body === 'object' && item.body !== null) Object.assign(params, item.body);
  return { method, segments, params, file: null, version: version ?? parent.version, baseUrl: parent.baseUrl, outbox: [] };
}
