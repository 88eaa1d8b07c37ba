/** The sandbox's control API over HTTP (src/sandbox/README.md): what WhatsApp users do, each sending its webhook. */
export interface SandboxControlClient {
  sendText(groupId: string, waId: string, text: string): Promise<{ messageId: string }>;
  joinByInviteLink(inviteLink: string, waId: string, username?: string): Promise<{ status: string; groupId: string }>;
  requestToJoin(groupId: string, waId: string, username?: string): Promise<{ groupId: string; joinRequestId: string }>;
  seedGroups(phoneNumberId: string, count: number, subjectPrefix: string): Promise<{ groupIds: string[] }>;
  /** Resolves once every webhook sent so far was delivered (and so stored by the gateway, which answered 200). */
  webhooksIdle(): Promise<void>;
}

export function sandboxControl(sandboxUrl: string): SandboxControlClient {
  const call = async <T>(method: string, path: string, body?: Record<string, unknown>): Promise<T> => {
    const response = await fetch(`${sandboxUrl}${path}`, {
      method,
      ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`sandbox ${method} ${path} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as T;
  };
  return {
    sendText: (groupId, waId, text) => call('POST', `/sandbox/groups/${encodeURIComponent(groupId)}/messages`, { waId, text }),
    joinByInviteLink: (inviteLink, waId, username) => call('POST', '/sandbox/join', { inviteLink, waId, ...(username === undefined ? {} : { username }) }),
    requestToJoin: (groupId, waId, username) => call('POST', '/sandbox/join-requests', { groupId, waId, ...(username === undefined ? {} : { username }) }),
    seedGroups: (phoneNumberId, count, subjectPrefix) => call('POST', '/sandbox/seed', { phoneNumberId, count, subjectPrefix }),
    webhooksIdle: async () => void (await call('GET', '/sandbox/webhooks/idle')),
  };
}
