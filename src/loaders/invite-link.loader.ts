import DataLoader from 'dataloader';
import { ensureError } from '../lib/errors';
import { mapWithConcurrency } from '../upstream/map-with-concurrency';
import type { GroupsApi } from '../upstream/types';

/** Invite links by group id, for one request. */
export interface InviteLinkLoader {
  load(groupId: string): Promise<string>;
  /** The link a write just answered (resetInviteLink): later reads of this request use it. */
  remember(groupId: string, inviteLink: string): void;
}

/**
 * Invite links by group id, fetched only for groups whose `inviteLink` is selected. The Groups API has one
 * GET per group, so a page of groups asks with at most `concurrency` requests in flight; a failure is that
 * group's error only.
 */
export function createInviteLinkLoader(options: { upstream: Pick<GroupsApi, 'getInviteLink'>; concurrency: number }): InviteLinkLoader {
  const { upstream, concurrency } = options;
  const loader = new DataLoader<string, string>((groupIds) =>
    mapWithConcurrency(groupIds, concurrency, (groupId) => upstream.getInviteLink(groupId).catch((error: unknown) => ensureError(error))),
  );
  return {
    load: (groupId) => loader.load(groupId),
    remember: (groupId, inviteLink) => void loader.clear(groupId).prime(groupId, inviteLink),
  };
}
