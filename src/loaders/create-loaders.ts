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
import type { ReadBatcher } from './read-batcher';
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
  return new LazyLoaders(options);
}

/**
 * Each loader is made when the request first asks for it: most requests read through one or two of them (a cold
 * `group(id)` only the group loader), and a context is made for every request (a class: its getters are shared,
 * not made per request).
 */
class LazyLoaders implements Loaders {
  readonly #options: CreateLoadersOptions;
  #group: GroupLoader | undefined;
  #groupPages: GroupPages | undefined;
  #inviteLink: InviteLinkLoader | undefined;
  #joinRequests: JoinRequestPages | undefined;
  #phoneNumbers: GroupPhoneNumbers | undefined;
  #batcher: ReadBatcher | undefined;

  constructor(options: CreateLoadersOptions) {
    this.#options = options;
  }

  get group(): GroupLoader {
    if (this.#group !== undefined) return this.#group;
    const { upstream, cache, batchMode, concurrency, logger, hooks, reads } = this.#options;
    const loader = createGroupLoader({ upstream, batchMode, concurrency, logger, ...(cache === undefined ? {} : { cache }), ...(hooks === undefined ? {} : { hooks }) });
    return (this.#group = reads === undefined ? loader : recordingGroups(loader, reads));
  }

  get groupPages(): GroupPages {
    if (this.#groupPages !== undefined) return this.#groupPages;
    const { upstream, caches, reads } = this.#options;
    const pages = createGroupPages({ upstream, ...(caches === undefined ? {} : { cache: caches.groupPages }) });
    return (this.#groupPages = reads === undefined ? pages : recordingPages(pages, reads));
  }

  get inviteLink(): InviteLinkLoader {
    if (this.#inviteLink !== undefined) return this.#inviteLink;
    const { upstream, caches, reads } = this.#options;
    const links = createInviteLinkLoader({ upstream, batcher: this.#sharedBatcher(), ...(caches === undefined ? {} : { cache: caches.inviteLinks }) });
    return (this.#inviteLink = reads === undefined ? links : recordingLinks(links, reads));
  }

  get joinRequests(): JoinRequestPages {
    if (this.#joinRequests !== undefined) return this.#joinRequests;
    const { upstream, caches, reads } = this.#options;
    const pages = createJoinRequestPages({ upstream, batcher: this.#sharedBatcher(), ...(caches === undefined ? {} : { cache: caches.joinRequestPages }) });
    return (this.#joinRequests = reads === undefined ? pages : recordingJoinRequests(pages, reads));
  }

  get phoneNumbers(): GroupPhoneNumbers {
    return (this.#phoneNumbers ??= createGroupPhoneNumbers());
  }

  /** One batcher for the request: invite links and join-request pages of a page of groups share its batch calls. */
  #sharedBatcher(): ReadBatcher {
    const { upstream, batchMode, concurrency } = this.#options;
    return (this.#batcher ??= createReadBatcher({ upstream, mode: batchMode, concurrency }));
  }
}

// The same loaders, telling `reads` about every group and list they are asked for (before asking, so failures count too).

function recordingGroups(group: GroupLoader, reads: ReadTags): GroupLoader {
  return {
    load(id, fields) {
      reads.group(id);
      return group.load(id, fields);
    },
    loadMany(ids, fields) {
      for (const id of ids) reads.group(id);
      return group.loadMany(ids, fields);
    },
  };
}

function recordingPages(groupPages: GroupPages, reads: ReadTags): GroupPages {
  return {
    async list(phoneNumberId, page) {
      reads.list(phoneNumberId);
      const listed = await groupPages.list(phoneNumberId, page);
      for (const item of listed.items) reads.group(item.id);
      return listed;
    },
  };
}

function recordingLinks(inviteLink: InviteLinkLoader, reads: ReadTags): InviteLinkLoader {
  return {
    load(groupId) {
      reads.group(groupId);
      return inviteLink.load(groupId);
    },
    remember: (groupId, link) => inviteLink.remember(groupId, link),
    forget: (groupId) => inviteLink.forget(groupId),
  };
}

function recordingJoinRequests(joinRequests: JoinRequestPages, reads: ReadTags): JoinRequestPages {
  return {
    list(groupId, page) {
      reads.group(groupId);
      return joinRequests.list(groupId, page);
    },
  };
}
