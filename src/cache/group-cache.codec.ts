import type { GroupField, UpstreamGroup } from '../upstream/types';
import type { CachedGroup } from './group-cache';

interface EncodedGroup {
  group: Omit<UpstreamGroup, 'createdAt'> & { createdAt?: string };
  fields: GroupField[];
}

/** JSON for a cached group. `createdAt` is the only Date; undefined (not fetched) fields stay undefined. */
export function encodeCachedGroup(entry: CachedGroup): string {
  const { createdAt, ...rest } = entry.group;
  const group: EncodedGroup['group'] = { ...rest };
  if (createdAt !== undefined) group.createdAt = createdAt.toISOString();
  return JSON.stringify({ group, fields: [...entry.fields] } satisfies EncodedGroup);
}

export function decodeCachedGroup(json: string): CachedGroup {
  const encoded = JSON.parse(json) as EncodedGroup;
  const { createdAt, ...rest } = encoded.group;
  const group: UpstreamGroup = { ...rest };
  if (createdAt !== undefined) group.createdAt = new Date(createdAt);
  return { group, fields: encoded.fields };
}
