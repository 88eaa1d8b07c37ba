import { GRAPH_BATCH_LIMIT } from './graph-api-batch';
import { parseGroup } from './group-parsers';
import { mapWithConcurrency } from './map-with-concurrency';
import type { BatchItemResult, BatchRequest, GroupField, UpstreamGroup } from './types';
import { UpstreamError } from './upstream-error';

export interface GroupFetcherDeps {
  getGroup(groupId: string, fields: readonly GroupField[]): Promise<UpstreamGroup>;
  batch(requests: readonly BatchRequest[]): Promise<BatchItemResult[]>;
  /** Groups parsed from batch items that other callers may share (one flight's answer): parsed once. @default none */
  parsedGroups?: WeakMap<BatchItemResult, UpstreamGroup>;
}

export type GroupOrError = UpstreamGroup | UpstreamError;

/**
 * Many groups, aligned to `groupIds`, one UpstreamError per id that failed (as DataLoader expects: a missing
 * group is a value, not a crashed batch). A whole chunk that fails gives its error to each of its ids, so
 * one bad chunk does not sink the others. Ids are not de-duplicated here: the loader does that.
 */
export async function fetchGroups(
  deps: GroupFetcherDeps,
  groupIds: readonly string[],
  fields: readonly GroupField[],
  options: { mode: 'batch' | 'parallel'; concurrency: number },
): Promise<GroupOrError[]> {
  assertOptions(groupIds, options);
  if (groupIds.length === 0) return [];
  if (options.mode === 'parallel') {
    return mapWithConcurrency(groupIds, options.concurrency, (id) => settle(deps.getGroup(id, fields)));
  }
  const chunks: string[][] = [];
  for (let i = 0; i < groupIds.length; i += GRAPH_BATCH_LIMIT) chunks.push(groupIds.slice(i, i + GRAPH_BATCH_LIMIT));
  const chunkResults = await mapWithConcurrency(chunks, options.concurrency, (chunk) => fetchChunk(deps, chunk, fields));
  return chunkResults.flat();
}

async function fetchChunk(deps: GroupFetcherDeps, ids: readonly string[], fields: readonly GroupField[]): Promise<GroupOrError[]> {
  const query = fields.length > 0 ? `?fields=${encodeURIComponent([...new Set(fields)].join(','))}` : '';
  const requests: BatchRequest[] = ids.map((id) => ({ method: 'GET', relativeUrl: `${encodeURIComponent(id)}${query}` }));
  let items: BatchItemResult[];
  try {
    items = await deps.batch(requests);
  } catch (error) {
    if (error instanceof UpstreamError) return ids.map(() => error);
    throw error;
  }
  return items.map((item) => {
    if (!item.ok) return item.error;
    const known = deps.parsedGroups?.get(item);
    if (known !== undefined) return known;
    try {
      const group = parseGroup(item.body, fields);
      deps.parsedGroups?.set(item, group);
      return group;
    } catch (error) {
      if (error instanceof UpstreamError) return error;
      throw error;
    }
  });
}

async function settle(promise: Promise<UpstreamGroup>): Promise<GroupOrError> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof UpstreamError) return error;
    throw error;
  }
}

function assertOptions(groupIds: readonly string[], options: { mode: string; concurrency: number }): void {
  if (!Array.isArray(groupIds) || groupIds.some((id) => typeof id !== 'string' || id === '')) {
    throw new TypeError('GroupsApi.getGroups: expected groupIds to be an array of non-empty strings; drop empty ids before calling');
  }
  if (options.mode !== 'batch' && options.mode !== 'parallel') {
    throw new TypeError(`GroupsApi.getGroups: expected mode 'batch' or 'parallel', got ${JSON.stringify(options.mode)}`);
  }
  if (!Number.isInteger(options.concurrency) || options.concurrency < 1) {
    throw new TypeError(`GroupsApi.getGroups: expected concurrency to be an integer >= 1, got ${String(options.concurrency)}; use config.upstream.concurrency`);
  }
}
