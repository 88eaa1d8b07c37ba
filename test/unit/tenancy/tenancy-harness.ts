import type { Principal } from '../../../src/auth/api-key';
import type { GroupsApi, Page, UpstreamGroupSummary } from '../../../src/upstream/types';

export function keyFor(phoneNumberIds: string[] | null, scopes: Principal['scopes'] = new Set(['read', 'write', 'subscribe'])): Principal {
  return { id: 'k', anonymous: false, scopes, phoneNumberIds: phoneNumberIds === null ? null : new Set(phoneNumberIds), rateLimitPerMinute: null };
}

/** A Groups API whose list endpoint pages over fixed groups per number and records each call. */
export function fakeListingApi(groupsByNumber: Record<string, string[]>, pageSize = 2): { api: GroupsApi; calls: string[] } {
  const calls: string[] = [];
  const api = {
    async listGroups(phoneNumberId: string, page: { after?: string }): Promise<Page<UpstreamGroupSummary>> {
      calls.push(`${phoneNumberId}:${page.after ?? ''}`);
      const all = groupsByNumber[phoneNumberId] ?? [];
      const start = page.after === undefined ? 0 : Number(page.after);
      const items = all.slice(start, start + pageSize).map((id) => ({ id, subject: `Group ${id}`, createdAt: new Date(0) }));
      const next = start + pageSize < all.length ? String(start + pageSize) : null;
      return { items, paging: { after: next, before: null, hasNext: next !== null, hasPrevious: start > 0 } };
    },
  } as unknown as GroupsApi;
  return { api, calls };
}
