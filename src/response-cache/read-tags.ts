import { EVERY_LIST, groupTag, listTag } from './read-change';

/**
 * What one request read, recorded by its loaders and resolvers: the tags its answer is stored with, so the events
 * that change any of it drop the answer.
 */
export interface ReadTags {
  group(groupId: string): void;
  list(phoneNumberId: string): void;
  tags(): string[];
}

export function createReadTags(): ReadTags {
  const tags = new Set<string>();
  return {
    group: (groupId) => void tags.add(groupTag(groupId)),
    list(phoneNumberId) {
      tags.add(listTag(phoneNumberId));
      // An event that does not know its number invalidates every list through this tag.
      tags.add(listTag(EVERY_LIST));
    },
    tags: () => [...tags],
  };
}

/** For a gateway that stores no answers: reads are not recorded, and there are no tags. */
export const IGNORED_READS: ReadTags = Object.freeze({
  group: () => undefined,
  list: () => undefined,
  tags: () => [],
});
