import type { GroupField, UpstreamGroup } from '../upstream/types';
import type { CachedGroup } from './group-cache';

/** As stored: `createdAt` as ISO text. Entries written before subject and creation time were guaranteed may hold null. */
interface EncodedGroup {
  group: Omit<UpstreamGroup, 'createdAt' | 'subject'> & { createdAt?: string | null; subject?: string | null };
  fields: GroupField[];
}

/** JSON for a cached group. `createdAt` is the only Date; undefined (not fetched) fields stay undefined. */
export function encodeCachedGroup(entry: CachedGroup): string {
  const { createdAt, ...rest } = entry.group;
  const group: EncodedGroup['group'] = { ...rest };
  if (createdAt !== undefined) group.createdAt = createdAt.toISOString();
  return JSON.stringify({ group, fields: [...entry.fields] } satisfies EncodedGroup);
}

/**
 * A cached group. A null subject or creation time (an entry cached before every group was required to have both)
 * counts as not cached, so the loader fetches it again instead of answering a field every group has with nothing.
 */
export function decodeCachedGroup(json: string): CachedGroup {
  const encoded = JSON.parse(json) as EncodedGroup;
  const { createdAt, subject, ...rest } = encoded.group;
  const group: UpstreamGroup = { ...rest };
  const missing = new Set<GroupField>();
  if (typeof subject === 'string') group.subject = subject;
  else if (subject === null) missing.add('subject');
  if (typeof createdAt === 'string') group.createdAt = new Date(createdAt);
  else if (createdAt === null) missing.add('creation_timestamp');
  return { group, fields: encoded.fields.filter((field) => !missing.has(field)) };
}
