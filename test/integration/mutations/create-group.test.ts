import { CreateGroupDocument, GroupDocument, OperationDocument } from '../../generated/graphql';
import type { TestGateway } from '../../helpers/test-gateway';
import { startTestGateway } from '../../helpers/test-gateway';
import { groupItems, upstreamCalls } from './helpers/sandbox-webhooks';
import { SANDBOX_PHONE_A } from '../../helpers/constants';

describe('createGroup: an asynchronous create tracked as an operation', () => {
  let t: TestGateway;

  beforeAll(async () => {
    t = await startTestGateway();
  });
  afterAll(() => t.dispose());
  beforeEach(() => t.sandbox.stats.reset());

  it('answers a PENDING operation keyed by the upstream request_id, completed SUCCEEDED by the webhook', async () => {
    const response = await t.query(CreateGroupDocument, {
      input: { clientMutationId: 'c-1', subject: '  Book Club  ', description: 'Monthly reads', joinApprovalMode: 'APPROVAL_REQUIRED' },
    });
    expect(response.body.errors).toBeUndefined();
    const payload = response.body.data?.createGroup;
    expect(upstreamCalls(t.sandbox)).toEqual([
      {
        method: 'POST',
        path: `/v23.0/${SANDBOX_PHONE_A}/groups`,
        body: { messaging_product: 'whatsapp', subject: 'Book Club', description: 'Monthly reads', join_approval_mode: 'approval_required' },
      },
    ]);
    const requestId = groupItems(t.sandbox, 'group_lifecycle_update').at(-1)?.request_id as string;
    expect(payload).toMatchObject({ clientMutationId: 'c-1', group: null, operation: { id: requestId, kind: 'CREATE_GROUP', phoneNumberId: SANDBOX_PHONE_A } });

    await t.sandbox.webhooksIdle();
    const created = t.sandbox.control.state().groups.find((group) => group.subject === 'Book Club');
    const operation = await t.query(OperationDocument, { id: requestId });
    expect(operation.body.data?.operation).toMatchObject({
      id: requestId,
      status: 'SUCCEEDED',
      groupId: created?.id,
      inviteLink: created?.inviteLink,
      errors: [],
      group: { id: created?.id },
    });
    const group = await t.query(GroupDocument, { id: created?.id ?? '' });
    expect(group.body.data?.group).toMatchObject({ subject: 'Book Club', description: 'Monthly reads', joinApprovalMode: 'APPROVAL_REQUIRED' });
  });
});

describe('createGroup: awaitCompletion, failures and idempotency', () => {
  let t: TestGateway;

  beforeAll(async () => {
    t = await startTestGateway();
  });
  afterAll(() => t.dispose());
  beforeEach(() => t.sandbox.stats.reset());

  const groupCount = (): number => t.sandbox.control.state().groups.length;

  it('with awaitCompletion answers the new group and its invite link in the same response', async () => {
    const response = await t.query(CreateGroupDocument, { input: { subject: 'Hiking', awaitCompletion: true } });
    expect(response.body.errors).toBeUndefined();
    const payload = response.body.data?.createGroup;
    const created = t.sandbox.control.state().groups.find((group) => group.subject === 'Hiking');
    expect(payload?.operation).toMatchObject({ status: 'SUCCEEDED', kind: 'CREATE_GROUP', groupId: created?.id, inviteLink: created?.inviteLink, group: { id: created?.id } });
    expect(payload?.group).toEqual({ id: created?.id, subject: 'Hiking', description: null, joinApprovalMode: 'AUTO_APPROVE', inviteLink: created?.inviteLink });
    expect(payload?.operation.inviteLink).toMatch(/^https:\/\/chat\.whatsapp\.com\/\S+$/);
  });

  it('reports an asynchronous create failure (131211 in the webhook) as a FAILED operation with the upstream code', async () => {
    const before = groupCount();
    t.sandbox.failNext({ operation: 'createGroup', code: 131211, async: true });
    const response = await t.query(CreateGroupDocument, { input: { subject: 'One too many', awaitCompletion: true, awaitTimeoutSeconds: 5 } });
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data?.createGroup.group).toBeNull();
    expect(response.body.data?.createGroup.operation).toMatchObject({ status: 'FAILED', groupId: null, inviteLink: null, group: null, errors: [{ code: 131211 }] });
    expect(groupCount()).toBe(before);
    const operation = await t.query(OperationDocument, { id: response.body.data?.createGroup.operation.id ?? '' });
    expect(operation.body.data?.operation?.status).toBe('FAILED');
  });

  it('maps a synchronous refusal to a clear error that keeps the upstream numbers', async () => {
    t.sandbox.failNext({ operation: 'createGroup', code: 131215 });
    const ineligible = await t.query(CreateGroupDocument, { input: { subject: 'Nope' } });
    expect(ineligible.body.data).toBeNull();
    expect(ineligible.body.errors?.[0]?.message).toMatch(/^This business phone number is not eligible for the Groups API .*\(upstream 131215\)/);
    expect(ineligible.body.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_ERROR', upstream: { code: 131215, fbtraceId: expect.any(String) } });

    t.sandbox.failNext({ operation: 'createGroup', code: 131214 });
    const disabled = await t.query(CreateGroupDocument, { input: { subject: 'Nope' } });
    expect(disabled.body.errors?.[0]?.message).toMatch(/^Group creation is temporarily disabled .*marketing messages.*\(upstream 131214\)/);

    t.sandbox.failNext({ operation: 'createGroup', code: 130429, retryAfterSeconds: 7 });
    const limited = await t.query(CreateGroupDocument, { input: { subject: 'Nope' } });
    expect(limited.body.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 7, upstream: { code: 130429 } });
  });

  it('creates one group for repeated calls with the same idempotencyKey, answering the first operation', async () => {
    const before = groupCount();
    const input = { subject: 'Idempotent', idempotencyKey: 'create-once-1' };
    const first = await t.query(CreateGroupDocument, { input: { ...input, clientMutationId: 'a' } });
    await t.sandbox.webhooksIdle();
    const second = await t.query(CreateGroupDocument, { input: { ...input, clientMutationId: 'b' } });
    const third = await t.query(CreateGroupDocument, { input: { ...input, awaitCompletion: true } });
    const creates = t.sandbox.stats.requests.filter((request) => request.method === 'POST' && request.path.endsWith('/groups'));
    expect(creates).toHaveLength(1);
    expect(groupCount()).toBe(before + 1);
    const id = first.body.data?.createGroup.operation.id;
    expect(second.body.data?.createGroup).toMatchObject({ clientMutationId: 'b', operation: { id, status: 'SUCCEEDED' } });
    expect(third.body.data?.createGroup.operation.id).toBe(id);
    expect(third.body.data?.createGroup.group?.subject).toBe('Idempotent');
  });

  it('refuses the same idempotencyKey with a different input, without calling the upstream', async () => {
    await t.query(CreateGroupDocument, { input: { subject: 'Keyed', idempotencyKey: 'create-once-2' } });
    t.sandbox.stats.reset();
    const response = await t.query(CreateGroupDocument, { input: { subject: 'Keyed differently', idempotencyKey: 'create-once-2' } });
    expect(response.body.errors?.[0]).toMatchObject({
      message: '`input.idempotencyKey` "create-once-2" was already used for createGroup with a different input; use a new key for a different request',
      extensions: { code: 'BAD_USER_INPUT', argumentName: 'input.idempotencyKey' },
    });
    expect(t.sandbox.stats.requests).toHaveLength(0);
  });

  it('releases the key of a refused create, so the retry runs again', async () => {
    t.sandbox.failNext({ operation: 'createGroup', code: 131208 });
    const refused = await t.query(CreateGroupDocument, { input: { subject: 'Retry me', idempotencyKey: 'create-once-3' } });
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    const retried = await t.query(CreateGroupDocument, { input: { subject: 'Retry me', idempotencyKey: 'create-once-3', awaitCompletion: true } });
    expect(retried.body.data?.createGroup.operation.status).toBe('SUCCEEDED');
    expect(t.sandbox.stats.requests.filter((request) => request.path.endsWith('/groups'))).toHaveLength(2);
  });
});
