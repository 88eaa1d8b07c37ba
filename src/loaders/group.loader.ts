import DataLoader from 'dataloader';
import { ensureError } from '../lib/errors';
import type { Logger } from '../lib/logger';
import type { GroupField, GroupsApi, UpstreamGroup } from '../upstream/types';
import { UpstreamError } from '../upstream/upstream-error';
import { GROUP_FIELDS } from '../upstream/types';
import { coversFields } from '../cache/group-cache';
import type { CachedGroup, GroupCacheLike, GroupCacheTicket } from './group-cache';

export type BatchMode = 'batch' | 'parallel';

export interface GroupLoaderOptions {
  upstream: Pick<GroupsApi, 'getGroups'>;
  /** Shared cache consulted before the upstream; optional so the gateway runs without one. */
  cache?: GroupCacheLike;
  batchMode: BatchMode;
  /** Single GETs in flight when `batchMode` is 'parallel'. */
  concurrency: number;
  logger: Logger;
  hooks?: LoaderHooks;
}

/** What the loaders tell (metrics, tracing). Hooks must not throw. */
export interface LoaderHooks {
  /** Ids of one batch the cache answered with every field they need (hits) and the rest (misses). */
  onCacheRead?(read: { hits: number; misses: number }): void;
  /** Runs one batch (a tracing span around cache read and fetch); must call `run` once and return its promise. */
  aroundBatch?<T>(batch: { loader: string; keys: number }, run: () => Promise<T>): Promise<T>;
}

/** Per-request group lookups. Create one per request: it memoises what the request has seen. */
export interface GroupLoader {
  /**
   * The group with at least `fields` filled in, or null when the upstream does not know it (131041).
   * Rejects with the UpstreamError for any other failure of that group.
   */
  load(id: string, fields: readonly GroupField[]): Promise<UpstreamGroup | null>;
  /** Aligned to `ids`: group, null (not found) or the error of that id. */
  loadMany(ids: readonly string[], fields: readonly GroupField[]): Promise<(UpstreamGroup | null | Error)[]>;
}

interface GroupKey {
  id: string;
  fields: readonly GroupField[];
}

interface Known {
  group: UpstreamGroup | null;
  fields: Set<GroupField>;
}

/**
 * Every lookup of one tick becomes one `getGroups` call: ids de-duplicated, the fields each lookup needs merged
 * into one `fields=` list, cache hits that cover a group's fields left out. A missing group is a per-id null, and
 * any other per-id failure a per-id error, never a failed batch.
 */
export function createGroupLoader(options: GroupLoaderOptions): GroupLoader {
  const { upstream, cache, batchMode, concurrency, logger, hooks } = options;
  const known = new Map<string, Known>();

  const remember = (id: string, group: UpstreamGroup | null, fields: readonly GroupField[]): void => {
    const entry = known.get(id);
    if (group === null || entry === undefined || entry.group === null) {
      known.set(id, { group, fields: new Set(fields) });
      return;
    }
    entry.group = { ...entry.group, ...definedFields(group) };
    for (const field of fields) entry.fields.add(field);
  };

  /** Ids the cache cannot answer with every field they need, and the ticket to write their fetch back with. */
  const readCache = async (ids: readonly string[], needs: ReadonlyMap<string, Set<GroupField>>): Promise<{ misses: string[]; ticket: GroupCacheTicket | null }> => {
    if (cache === undefined) return { misses: [...ids], ticket: null };
    let lookup: Awaited<ReturnType<GroupCacheLike['lookup']>>;
    try {
      lookup = await cache.lookup(ids);
    } catch (error) {
      logger.warn({ err: ensureError(error), groups: ids.length }, 'group cache read failed; asking the upstream');
      return { misses: [...ids], ticket: null };
    }
    const misses: string[] = [];
    ids.forEach((id, index) => {
      const entry = lookup.entries[index];
      const needed = needs.get(id) ?? new Set<GroupField>();
      if (entry != null && coversFields(entry, [...needed])) remember(id, entry.group, entry.fields);
      else misses.push(id);
    });
    hooks?.onCacheRead?.({ hits: ids.length - misses.length, misses: misses.length });
    return { misses, ticket: lookup.ticket };
  };

  const writeCache = async (entries: readonly CachedGroup[], ticket: GroupCacheTicket | null): Promise<void> => {
    if (cache === undefined || ticket === null || entries.length === 0) return;
    try {
      await cache.setMany(entries, ticket);
    } catch (error) {
      logger.warn({ err: ensureError(error), groups: entries.length }, 'group cache write failed; answers are unaffected');
    }
  };

  const batchGroups = async (keys: readonly GroupKey[]): Promise<(UpstreamGroup | null | Error)[]> => {
    const needs = new Map<string, Set<GroupField>>();
    for (const key of keys) {
      const fields = needs.get(key.id) ?? new Set<GroupField>();
      for (const field of key.fields) fields.add(field);
      needs.set(key.id, fields);
    }
    const failures = new Map<string, Error>();
    const { misses: toFetch, ticket } = await readCache([...needs.keys()], needs);
    if (toFetch.length > 0) {
      const fields = GROUP_FIELDS.filter((field) => toFetch.some((id) => needs.get(id)?.has(field)));
      const results = await upstream.getGroups(toFetch, fields, { mode: batchMode, concurrency });
      if (results.length !== toFetch.length) {
        throw new TypeError(`GroupsApi.getGroups must answer one result per id: expected ${toFetch.length}, got ${results.length}`);
      }
      const fresh: CachedGroup[] = [];
      toFetch.forEach((id, index) => {
        const result = results[index] as UpstreamGroup | Error;
        if (!(result instanceof Error)) {
          remember(id, result, fields);
          fresh.push({ group: result, fields });
        } else if (isNotFound(result)) remember(id, null, fields);
        else failures.set(id, result);
      });
      await writeCache(fresh, ticket);
    }
    return keys.map((key) => failures.get(key.id) ?? known.get(key.id)?.group ?? null);
  };

  const aroundBatch = hooks?.aroundBatch;
  const batch = aroundBatch === undefined ? batchGroups : (keys: readonly GroupKey[]) => aroundBatch({ loader: 'group', keys: keys.length }, () => batchGroups(keys));
  const loader = new DataLoader<GroupKey, UpstreamGroup | null, string>(batch, {
    cacheKeyFn: (key) => `${key.id}\u0000${key.fields.join(',')}`,
  });

  const load = async (id: string, fields: readonly GroupField[]): Promise<UpstreamGroup | null> => {
    const entry = known.get(id);
    if (entry !== undefined && entry.group === null) return null;
    const missing = GROUP_FIELDS.filter((field) => fields.includes(field) && !entry?.fields.has(field));
    if (entry !== undefined && missing.length === 0) return entry.group;
    await loader.load({ id, fields: missing });
    return known.get(id)?.group ?? null;
  };

  return {
    load,
    loadMany: (ids, fields) => Promise.all(ids.map((id) => load(id, fields).catch((error: unknown) => ensureError(error)))),
  };
}

function isNotFound(error: Error): boolean {
  return error instanceof UpstreamError && error.isNotFound;
}

function definedFields(group: UpstreamGroup): Partial<UpstreamGroup> {
  return Object.fromEntries(Object.entries(group).filter(([, value]) => value !== undefined)) as Partial<UpstreamGroup>;
}
