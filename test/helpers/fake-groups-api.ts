import type {
  GroupField,
  GroupsApi,
  Page,
  PageRequest,
  UpstreamGroup,
  UpstreamGroupSummary,
  UpstreamJoinRequest,
} from '../../src/upstream/types';
import { UpstreamError } from '../../src/upstream/upstream-error';

export interface FakeCall {
  method: string;
  args: unknown[];
}

/**
 * An in-memory GroupsApi with Meta's paging semantics (cursors point at items: `after` = the last item of the
 * page, `before` = the first), recording every call so tests can assert what reached the "upstream".
 */
export interface FakeGroupsApi extends GroupsApi {
  calls: FakeCall[];
  callsOf(method: string): FakeCall[];
  /** Makes the next calls of `method` for `id` (or any id) fail with `error`. */
  failFor(id: string, error: UpstreamError): void;
}

export function notFound(): UpstreamError {
  return new UpstreamError({ message: '(#131041) Group unknown', httpStatus: 400, code: 131041 });
}

/** Like Meta, the fake has a subject and a creation time for every group; a test group may leave them out. */
function subjectOf(group: UpstreamGroup): string {
  return group.subject ?? `Group ${group.id}`;
}

function createdAtOf(group: UpstreamGroup): Date {
  return group.createdAt ?? new Date(0);
}

export function createFakeGroupsApi(options: { phoneNumberId: string; groups: UpstreamGroup[]; joinRequests?: Record<string, UpstreamJoinRequest[]> }): FakeGroupsApi {
  const calls: FakeCall[] = [];
  const failures = new Map<string, UpstreamError>();
  const byId = new Map(options.groups.map((group) => [group.id, group]));

  const project = (group: UpstreamGroup, fields: readonly GroupField[]): UpstreamGroup => {
    const out: UpstreamGroup = { id: group.id };
    for (const field of fields) {
      if (field === 'subject') out.subject = subjectOf(group);
      if (field === 'description') out.description = group.description ?? null;
      if (field === 'join_approval_mode') out.joinApprovalMode = group.joinApprovalMode ?? null;
      if (field === 'suspended') out.suspended = group.suspended ?? null;
      if (field === 'creation_timestamp') out.createdAt = createdAtOf(group);
      if (field === 'participants') out.participants = group.participants ?? null;
      if (field === 'total_participant_count') out.totalParticipantCount = group.totalParticipantCount ?? null;
    }
    return out;
  };

  const lookup = (id: string, fields: readonly GroupField[]): UpstreamGroup | UpstreamError => {
    const failure = failures.get(id);
    if (failure !== undefined) return failure;
    const group = byId.get(id);
    return group === undefined ? notFound() : project(group, fields);
  };

  const unsupported = (method: string) => async (): Promise<never> => {
    throw new Error(`FakeGroupsApi.${method} is not used by the read path`);
  };

  return {
    calls,
    callsOf: (method) => calls.filter((call) => call.method === method),
    failFor: (id, error) => void failures.set(id, error),
    async listGroups(phoneNumberId, page) {
      calls.push({ method: 'listGroups', args: [phoneNumberId, page] });
      const items: UpstreamGroupSummary[] = phoneNumberId === options.phoneNumberId
        ? options.groups.map((group) => ({ id: group.id, subject: subjectOf(group), createdAt: createdAtOf(group) }))
        : [];
      return pageOf(items, page);
    },
    async getGroup(groupId, fields) {
      calls.push({ method: 'getGroup', args: [groupId, fields] });
      const result = lookup(groupId, fields);
      if (result instanceof UpstreamError) throw result;
      return result;
    },
    async getGroups(groupIds, fields, fetchOptions) {
      calls.push({ method: 'getGroups', args: [[...groupIds], [...fields], fetchOptions] });
      return groupIds.map((id) => lookup(id, fields));
    },
    async getInviteLink(groupId) {
      calls.push({ method: 'getInviteLink', args: [groupId] });
      const failure = failures.get(groupId);
      if (failure !== undefined) throw failure;
      if (!byId.has(groupId)) throw notFound();
      return `https://chat.whatsapp.com/${groupId}-link`;
    },
    async listJoinRequests(groupId, page) {
      calls.push({ method: 'listJoinRequests', args: [groupId, page] });
      return pageOf(options.joinRequests?.[groupId] ?? [], page);
    },
    async ping() {
      calls.push({ method: 'ping', args: [] });
    },
    createGroup: unsupported('createGroup'),
    updateGroupSettings: unsupported('updateGroupSettings'),
    deleteGroup: unsupported('deleteGroup'),
    removeParticipants: unsupported('removeParticipants'),
    resetInviteLink: unsupported('resetInviteLink'),
    deleteInviteLink: unsupported('deleteInviteLink'),
    approveJoinRequests: unsupported('approveJoinRequests'),
    rejectJoinRequests: unsupported('rejectJoinRequests'),
    sendGroupMessage: unsupported('sendGroupMessage'),
    sendGroupInviteTemplate: unsupported('sendGroupInviteTemplate'),
    uploadMedia: unsupported('uploadMedia'),
    batch: unsupported('batch'),
  };
}

/** Meta-style cursor paging over a fixed list: cursors name items, `after`/`before` exclude the named item. */
export function pageOf<T>(items: readonly T[], request: PageRequest): Page<T> {
  const limit = request.limit ?? 25;
  let start: number;
  let end: number;
  if (request.after !== undefined) {
    start = indexOfCursor(request.after) + 1;
    end = Math.min(items.length, start + limit);
  } else if (request.before !== undefined) {
    end = indexOfCursor(request.before);
    start = Math.max(0, end - limit);
  } else {
    start = 0;
    end = Math.min(items.length, limit);
  }
  const slice = items.slice(start, end);
  return {
    items: slice,
    paging: {
      after: slice.length > 0 ? cursorOf(end - 1) : null,
      before: slice.length > 0 ? cursorOf(start) : null,
      hasNext: end < items.length,
      hasPrevious: start > 0,
    },
  };
}

function cursorOf(index: number): string {
  return Buffer.from(`item:${index}`).toString('base64');
}

function indexOfCursor(cursor: string): number {
  const match = /^item:(\d+)$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
  if (match === null) throw new UpstreamError({ message: '(#131059) Invalid cursor', httpStatus: 400, code: 131059 });
  return Number(match[1]);
}
