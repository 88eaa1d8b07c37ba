import type { Logger } from '../lib/logger';
import type { GroupsApi } from '../upstream/types';
import type { GroupCacheLike } from './group-cache';
import type { BatchMode, GroupLoader, LoaderHooks } from './group.loader';
import { createGroupLoader } from './group.loader';
import type { GroupPhoneNumbers } from './group-phone-numbers';
import { createGroupPhoneNumbers } from './group-phone-numbers';
import type { InviteLinkLoader } from './invite-link.loader';
import { createInviteLinkLoader } from './invite-link.loader';
import type { JoinRequestPages } from './join-requests.loader';
import { createJoinRequestPages } from './join-requests.loader';

/** Everything a request reads through; created once per request so nothing leaks between callers. */
export interface Loaders {
  group: GroupLoader;
  inviteLink: InviteLinkLoader;
  joinRequests: JoinRequestPages;
  phoneNumbers: GroupPhoneNumbers;
}

export interface CreateLoadersOptions {
  upstream: GroupsApi;
  cache?: GroupCacheLike;
  /** 'batch': Graph batch requests of at most 50; 'parallel': single GETs, at most `concurrency` in flight. */
  batchMode: BatchMode;
  concurrency: number;
  /** For cache failures, which are logged and otherwise ignored. */
  logger: Logger;
  /** Metrics and tracing of the group loader's batches. @default none */
  hooks?: LoaderHooks;
}

export function createLoaders(options: CreateLoadersOptions): Loaders {
  const { upstream, cache, batchMode, concurrency, logger, hooks } = options;
  return {
    group: createGroupLoader({ upstream, batchMode, concurrency, logger, ...(cache === undefined ? {} : { cache }), ...(hooks === undefined ? {} : { hooks }) }),
    inviteLink: createInviteLinkLoader({ upstream, concurrency }),
    joinRequests: createJoinRequestPages({ upstream }),
    phoneNumbers: createGroupPhoneNumbers(),
  };
}
