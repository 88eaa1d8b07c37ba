import type { Logger } from '../lib/logger';
import type { ReadTags } from '../response-cache/read-tags';
import type { GroupsApi } from '../upstream/types';
import type { GroupCacheLike } from './group-cache';
import type { BatchMode, GroupLoader, LoaderHooks } from './group.loader';
import { createGroupLoader } from './group.loader';
import type { GroupPages } from './group-pages.loader';
import { createGroupPages } from './group-pages.loader';
import type { GroupPhoneNumbers } from './group-phone-numbers';
import { createGroupPhoneNumbers } from './group-phone-numbers';
import type { InviteLinkLoader } from './invite-link.loader';
import { createInviteLinkLoader } from './invite-link.loader';
import type { JoinRequestPages } from './join-requests.loader';
import { createJoinRequestPages } from './join-requests.loader';
import type { LoaderCaches } from './loader-caches';
import { createReadBatcher } from './read-batcher';

/** Everything a request reads through; created once per request so nothing leaks between callers. */
export interface Loaders {
  group: GroupLoader;
  groupPages: GroupPages;
  inviteLink: InviteLinkLoader;
  joinRequests: JoinRequestPages;
  phoneNumbers: GroupPhoneNumbers;
}

export interface CreateLoadersOptions {
  upstream: GroupsApi;
  cache?: GroupCacheLike;
  /** The instance's caches of list pages, invite links and join-request pages. @default none */
  caches?: LoaderCaches;
  /** 'batch': Graph batch requests of at most 50; 'parallel': single GETs, at most `concurrency` in flight. */
  batchMode: BatchMode;
  concurrency: number;
  /** For cache failures, which are logged and otherwise ignored. */
  logger: Logger;
  /** Metrics and tracing of the group loader's batches. @default none */
  hooks?: LoaderHooks;
  /** Told every group and list read, so a cached answer carries the tags the events that change it invalidate. @default none */
  reads?: ReadTags;
}

export function createLoaders(options: CreateLoadersOptions): Loaders {
  const { upstream, cache, caches, batchMode, concurrency, logger, reads, hooks } = options;
  // One batcher for the request: invite links and join-request pages of a page of groups share its batch calls.
  const batcher = createReadBatcher({ upstream, mode: batchMode, concurrency });
  const loaders: Loaders = {
    group: createGroupLoader({ upstream, batchMode, concurrency, logger, ...(cache === undefined ? {} : { cache }), ...(hooks === undefined ? {} : { hooks }) }),
    groupPages: createGroupPages({ upstream, ...(caches === undefined ? {} : { cache: caches.groupPages }) }),
    inviteLink: createInviteLinkLoader({ upstream, batcher, ...(caches === undefined ? {} : { cache: caches.inviteLinks }) }),
    joinRequests: createJoinRequestPages({ upstream, batcher, ...(caches === undefined ? {} : { cache: caches.joinRequestPages }) }),
    phoneNumbers: createGroupPhoneNumbers(),
  };
  return reads === undefined ? loaders : recording(loaders, reads);
}

/** The same loaders, telling `reads` about every group and list they are asked for (before asking, so failures count too). */
function recording(loaders: Loaders, reads: ReadTags): Loaders {
  const { group, groupPages, inviteLink, joinRequests } = loaders;
  return {
    ...loaders,
    group: {
      load(id, fields) {
        reads.group(id);
        return group.load(id, fields);
      },
      loadMany(ids, fields) {
        for (const id of ids) reads.group(id);
        return group.loadMany(ids, fields);
      },
    },
    groupPages: {
      async list(phoneNumberId, page) {
        reads.list(phoneNumberId);
        const listed = await groupPages.list(phoneNumberId, page);
        for (const item of listed.items) reads.group(item.id);
        return listed;
      },
    },
    inviteLink: {
      load(groupId) {
        reads.group(groupId);
        return inviteLink.load(groupId);
      },
      remember: (groupId, link) => inviteLink.remember(groupId, link),
      forget: (groupId) => inviteLink.forget(groupId),
    },
    joinRequests: {
      list(groupId, page) {
        reads.group(groupId);
        return joinRequests.list(groupId, page);
      },
    },
  };
}
