import { CreateGroupDocument, OperationDocument, UpdateGroupDocument } from '../../generated/graphql';
import { createTestRedis, testRedisUrl, uniquePrefix } from '../../helpers/redis';
import type { TestGateway } from '../../helpers/test-gateway';
import { startTestGateway } from '../../helpers/test-gateway';

/**
 * Two gateway instances sharing one Redis, with A's upstream (its embedded sandbox) delivering webhooks to B:
 * whatever A starts, B completes, and A sees it.
 */
describe('operations and idempotency keys across instances (Redis)', () => {
  const prefix = uniquePrefix('mutations');
  let a: TestGateway;
  let b: TestGateway;

  beforeAll(async () => {
    const env = { REDIS_URL: testRedisUrl(), REDIS_KEY_PREFIX: prefix };
    [a, b] = await Promise.all([startTestGateway({ env }), startTestGateway({ env })]);
    a.sandbox.setWebhookUrl(`${b.url}/webhooks/meta`);
  });
  afterAll(async () => {
    await Promise.all([a.dispose(), b.dispose()]);
    await createTestRedis(prefix).dispose();
  });

  it('createGroup on A with awaitCompletion gets the outcome B received by webhook', async () => {
    const response = await a.query(CreateGroupDocument, { input: { subject: 'Across', awaitCompletion: true } });
    const created = a.sandbox.control.state().groups.find((group) => group.subject === 'Across');
    expect(response.body.data?.createGroup.operation).toMatchObject({ status: 'SUCCEEDED', groupId: created?.id, inviteLink: created?.inviteLink });
    expect(b.gateway.ingress?.stats.eventsStored).toBeGreaterThan(0);
    expect(a.gateway.ingress?.stats.deliveries).toBe(0);
    const onB = await b.query(OperationDocument, { id: response.body.data?.createGroup.operation.id ?? '' });
    expect(onB.body.data?.operation).toEqual(response.body.data?.createGroup.operation);
  });

  it('a retry on B with the idempotencyKey used on A answers the first operation without a second create', async () => {
    const first = await a.query(CreateGroupDocument, { input: { subject: 'Once', idempotencyKey: 'shared-key' } });
    const retry = await b.query(CreateGroupDocument, { input: { subject: 'Once', idempotencyKey: 'shared-key' } });
    expect(retry.body.data?.createGroup.operation.id).toBe(first.body.data?.createGroup.operation.id);
    expect(b.sandbox.stats.requests.filter((request) => request.path.endsWith('/groups'))).toHaveLength(0);
    expect(a.sandbox.control.state().groups.filter((group) => group.subject === 'Once')).toHaveLength(1);
    // Authentication is off: every caller is the one `open` principal, on every instance.
    const records = createTestRedis(prefix);
    try {
      expect(await records.redis.keys(`${prefix}idempotency:*`)).toEqual([`${prefix}idempotency:createGroup/open/106540352242922/shared-key`]);
    } finally {
      await records.redis.quit();
    }
  });

  it('an update started on A is correlated on B from the shared pending index', async () => {
    const groupId = a.sandbox.control.state().groups[0]?.id ?? '';
    const response = await a.query(UpdateGroupDocument, { input: { groupId, description: 'Set on A, confirmed on B' } });
    await a.sandbox.webhooksIdle();
    const operation = await a.query(OperationDocument, { id: response.body.data?.updateGroup.operation.id ?? '' });
    expect(operation.body.data?.operation).toMatchObject({ kind: 'UPDATE_GROUP', status: 'SUCCEEDED', groupId });
  });
});
