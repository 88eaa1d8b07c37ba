import DataLoader from 'dataloader';
import { ensureError } from '../lib/errors';
import { groupTag } from '../response-cache/read-change';
import type { TaggedCache } from '../response-cache/tagged-cache';
import { inviteLinkRead } from '../upstream/batchable-reads';
import type { GroupsApi } from '../upstream/types';
import type { ReadBatcher } from './read-batcher';

/** Invite links by group id, for one request. */
export interface InviteLinkLoader {
  load(groupId: string): Promise<string>;
  /** The link a write just answered (resetInviteLink): later reads of this request use it. */
  remember(groupId: string, inviteLink: string): void;
  /** A link a write just deleted (deleteInviteLink): a later read of this request asks again. */
  forget(groupId: string): void;
}

/**
 * Invite links by group id, fetched only for groups whose `inviteLink` is selected: from the instance's cache, else
 * as sub-requests of the request's Graph batches (read-batcher.ts), so a page of groups costs one call, not one
 * per group. A failure is that group's error only. Cached links are dropped by any change of their group (a reset
 * or deletion by the gateway among them) and by the TTL.
 */
export function createInviteLinkLoader(options: { upstream: Pick<GroupsApi, 'getInviteLink'>; batcher: ReadBatcher; cache?: TaggedCache<string> }): InviteLinkLoader {
  const { upstream, batcher, cache } = options;
  const fetch = async (groupId: string): Promise<string> => {
    const cached = cache?.get(groupId);
    if (cached != null) return cached;
    const ticket = cache?.ticket();
    const link = await batcher.read(inviteLinkRead(groupId), () => upstream.getInviteLink(groupId));
    if (ticket !== undefined) cache?.set(groupId, link, [groupTag(groupId)], ticket);
    return link;
  };
  const loader = new DataLoader<string, string>((groupIds) => Promise.all(groupIds.map((groupId) => fetch(groupId).catch((error: unknown) => ensureError(error)))));
  return {
    load: (groupId) => loader.load(groupId),
    remember: (groupId, inviteLink) => void loader.clear(groupId).prime(groupId, inviteLink),
    forget: (groupId) => void loader.clear(groupId),
  };
}
