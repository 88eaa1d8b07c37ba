import { GroupDocument, GroupInviteLinkDocument, GroupJoinRequestsDocument, GroupSummaryDocument } from '../../generated/graphql';
import type { GroupJoinRequestsQuery } from '../../generated/graphql';
import type { GraphQLHttpResponse, TestGateway } from '../../helpers/test-gateway';
import { startTestGateway } from '../../helpers/test-gateway';
import { graphReadsEndingWith } from '../../helpers/sandbox-graph-api';

describe('group: one group through the real client and sandbox', () => {
  let t: TestGateway;
  let groupId: string;
  let approvalGroupId: string;

  beforeAll(async () => {
    t = await startTestGateway({ env: { GRAPH_API_MAX_RETRIES: '1' } });
    const groups = t.sandbox.control.state().groups;
    groupId = groups.find((group) => group.participants.length >= 3)?.id ?? '';
    approvalGroupId = groups.find((group) => group.joinApprovalMode === 'approval_required' && group.joinRequests.length >= 2)?.id ?? '';
  });
  afterAll(() => t.dispose());
  beforeEach(() => t.sandbox.stats.reset());

  it('answers every Group field from one upstream call', async () => {
    const response = await t.query(GroupDocument, { id: groupId });
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    const snapshot = t.sandbox.control.group(groupId);
    expect(response.body.data?.group).toEqual({
      id: groupId,
      phoneNumberId: null, // not reached through a phone number's list in this request
      subject: snapshot?.subject,
      description: snapshot?.description,
      suspended: false,
      createdAt: new Date((snapshot?.createdAt ?? 0) * 1000).toISOString(),
      joinApprovalMode: 'AUTO_APPROVE',
      totalParticipantCount: snapshot?.participants.length,
      participants: snapshot?.participants.map((p) => ({ waId: p.waId, userId: p.userId, parentUserId: null, username: p.username })),
    });
    expect(t.sandbox.stats.requests).toHaveLength(1);
  });

  it('answers null for a group the upstream does not know (131041)', async () => {
    const response = await t.query(GroupSummaryDocument, { id: 'Y2FwaV9ncm91cDpub25lOjEZD' });
    expect(response.body).toEqual({ data: { group: null } });
  });

  it('fetches the invite link only when it is selected', async () => {
    await t.query(GroupSummaryDocument, { id: groupId });
    expect(graphReadsEndingWith(t.sandbox, '/invite_link')).toEqual([]);
    t.sandbox.stats.reset();
    const response = await t.query(GroupInviteLinkDocument, { id: groupId });
    expect(response.body.data?.group).toEqual({ id: groupId, inviteLink: t.sandbox.control.group(groupId)?.inviteLink });
    expect(response.body.data?.group?.inviteLink).toMatch(/^https:\/\/chat\.whatsapp\.com\/\S+$/);
    expect(graphReadsEndingWith(t.sandbox, '/invite_link')).toHaveLength(1);
  });

  it('fetches join requests only when selected, paged with their own cursors', async () => {
    await t.query(GroupSummaryDocument, { id: approvalGroupId });
    expect(graphReadsEndingWith(t.sandbox, '/join_requests')).toEqual([]);
    const pending = t.sandbox.control.group(approvalGroupId)?.joinRequests ?? [];
    const seen: string[] = [];
    let after: string | null = null;
    let hasNextPage = true;
    while (hasNextPage) {
      const response: GraphQLHttpResponse<GroupJoinRequestsQuery> = await t.query(GroupJoinRequestsDocument, { id: approvalGroupId, first: 1, after });
      expect(response.body.errors).toBeUndefined();
      const connection = response.body.data?.group?.joinRequests;
      expect(response.body.data?.group?.joinApprovalMode).toBe('APPROVAL_REQUIRED');
      for (const edge of connection?.edges ?? []) {
        expect(edge.node.group).toEqual({ id: approvalGroupId });
        seen.push(edge.node.id);
      }
      after = connection?.pageInfo.endCursor ?? null;
      hasNextPage = connection?.pageInfo.hasNextPage ?? false;
    }
    expect(seen).toEqual(pending.map((request) => request.joinRequestId));
    expect(graphReadsEndingWith(t.sandbox, '/join_requests')).toHaveLength(pending.length);
  });
});

describe('group: upstream failures as typed GraphQL errors', () => {
  let t: TestGateway;
  let groupId: string;

  beforeAll(async () => {
    t = await startTestGateway({ env: { GRAPH_API_MAX_RETRIES: '1', NODE_ENV: 'production', SANDBOX: 'on' } });
    groupId = t.sandbox.control.state().groups[0]?.id ?? '';
  });
  afterAll(() => t.dispose());

  it('answers RATE_LIMITED with retryAfterSeconds once the retries are used up', async () => {
    t.sandbox.failNext({ operation: 'batch', code: 130429, httpStatus: 429, retryAfterSeconds: 1, times: 2 });
    const response = await t.query(GroupSummaryDocument, { id: groupId }, { headers: { 'x-request-id': 'rate-limit-test' } });
    expect(response.body.data).toEqual({ group: null });
    expect(response.body.errors).toEqual([
      {
        message: 'The WhatsApp Groups API rate limit was reached (upstream 130429); retry after 1 seconds',
        locations: [{ line: 2, column: 3 }],
        path: ['group'],
        extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 1, upstream: { code: 130429, subcode: null, fbtraceId: expect.any(String) }, requestId: 'rate-limit-test' },
      },
    ]);
  });

  it('answers UPSTREAM_UNAVAILABLE when the upstream keeps failing with 5xx', async () => {
    t.sandbox.failNext({ operation: 'batch', code: 2, httpStatus: 503, times: 2 });
    const response = await t.query(GroupSummaryDocument, { id: groupId });
    expect(response.body.errors?.[0]).toMatchObject({
      message: 'The WhatsApp Groups API answered HTTP 503 after retries; try again later',
      extensions: { code: 'UPSTREAM_UNAVAILABLE', upstream: { code: 2 } },
    });
  });

  it('answers FORBIDDEN with the reason for a suspended group (131207)', async () => {
    t.sandbox.failNext({ operation: 'getGroup', code: 131207, details: 'The group was suspended for violating policies' });
    const response = await t.query(GroupSummaryDocument, { id: groupId });
    expect(response.body.errors?.[0]).toMatchObject({
      message: 'The group is suspended by WhatsApp: The group was suspended for violating policies (upstream 131207)',
      extensions: { code: 'FORBIDDEN', upstream: { code: 131207 } },
    });
  });

  it('answers NOT_FOUND on inviteLink alone when only that call fails, keeping the group', async () => {
    t.sandbox.failNext({ operation: 'getInviteLink', code: 131041 });
    const response = await t.query(GroupInviteLinkDocument, { id: groupId });
    expect(response.body.data).toEqual({ group: { id: groupId, inviteLink: null } });
    expect(response.body.errors?.[0]).toMatchObject({ path: ['group', 'inviteLink'], extensions: { code: 'NOT_FOUND', upstream: { code: 131041 } } });
  });

  it('never sends stack traces or internal messages in production', async () => {
    t.sandbox.failNext({ operation: 'batch', code: 2, httpStatus: 500, times: 2 });
    const failing = await t.query(GroupSummaryDocument, { id: groupId });
    const invalid = await t.query('{ groups(first: 0) { nodes { id } } }');
    for (const error of [...(failing.body.errors ?? []), ...(invalid.body.errors ?? [])]) {
      expect(error.extensions).not.toHaveProperty('stacktrace');
      expect(error.extensions).toHaveProperty('requestId');
    }
    expect(invalid.body.errors?.[0]?.message).toBe('`first` must be between 1 and 1024, got 0');
  });
});
