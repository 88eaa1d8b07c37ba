import { parseInviteLink } from './answer-parsers';
import { parseJoinRequestPage } from './join-request-parsers';
import type { BatchRequest, Page, PageRequest, UpstreamJoinRequest } from './types';

/**
 * A read of one group that can ride in a Graph batch request (docs/groups-api.md#batch-requests): its sub-request,
 * and how its answer's body is read. The single-GET methods of GroupsApi make the same call on their own.
 */
export interface BatchableRead<T> {
  readonly request: BatchRequest;
  parse(body: unknown): T;
}

/** `GET <GROUP_ID>/invite_link`. */
export function inviteLinkRead(groupId: string): BatchableRead<string> {
  return { request: { method: 'GET', relativeUrl: `${encodeURIComponent(groupId)}/invite_link` }, parse: (body) => parseInviteLink(body, 'getInviteLink') };
}

/** `GET <GROUP_ID>/join_requests?limit=&after=|before=`. */
export function joinRequestsRead(groupId: string, page: PageRequest): BatchableRead<Page<UpstreamJoinRequest>> {
  const query = new URLSearchParams();
  if (page.limit !== undefined) query.set('limit', String(page.limit));
  if (page.after !== undefined) query.set('after', page.after);
  if (page.before !== undefined) query.set('before', page.before);
  const search = query.size === 0 ? '' : `?${query.toString()}`;
  return { request: { method: 'GET', relativeUrl: `${encodeURIComponent(groupId)}/join_requests${search}` }, parse: parseJoinRequestPage };
}
