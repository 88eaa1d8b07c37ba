import { createTestRedis, testRedisUrl, uniquePrefix } from '../../helpers/redis';
import type { TestGateway } from '../../helpers/test-gateway';
import { SANDBOX_PHONE_A as PHONE_A } from '../../helpers/constants';
import type { KeyName } from '../../helpers/secure-gateway';
import { bearer, startSecureGateway } from '../../helpers/secure-gateway';

const CREATE = 'mutation($input: CreateGroupInput!) { createGroup(input: $input) { operation { id kind phoneNumberId } } }';
const SEND = 'mutation($input: SendGroupMessageInput!) { sendGroupMessage(input: $input) { messageId } }';

interface Created {
  createGroup: { operation: { id: string; kind: string; phoneNumberId: string } } | null;
}

/**
 * Idempotency keys belong to the caller that sent them: two API keys that may both act for phone number A use the
 * same `idempotencyKey` on a gateway whose stores are on Redis. Neither sees the other's claim, and each one's
 * retries still answer its own first result.
 */
describe('idempotency keys are scoped by API key (Redis)', () => {
  const prefix = uniquePrefix('idem-scope');
  let t: TestGateway;
  const redis = createTestRedis(prefix);
  /** The idempotency records on Redis (one per claim). */
  const idempotencyRecords = (): Promise<string[]> => redis.redis.keys(`${prefix}idempotency:*`);
  const as = <T>(key: KeyName, query: string, input: Record<string, unknown>) => t.query<T, Record<string, unknown>>(query, { input }, { headers: bearer(key) });
  const creates = (): number => t.sandbox.stats.requests.filter((request) => request.method === 'POST' && request.path === `/v23.0/${PHONE_A}/groups`).length;

  beforeAll(async () => {
    t = await startSecureGateway({ REDIS_URL: testRedisUrl(), REDIS_KEY_PREFIX: prefix });
  });
  // Every create is answered by a webhook: let the sandbox deliver it before the gateway stops.
  afterEach(() => t.sandbox.webhooksIdle());
  afterAll(async () => {
    await t.dispose();
    await redis.dispose();
  });
  beforeEach(() => t.sandbox.stats.reset());

  it("lets key A use a key B already used, with another input, as a new operation; each caller's retry answers its own", async () => {
    const byB = await as<Created>('admin', CREATE, { subject: 'Order for B', phoneNumberId: PHONE_A, idempotencyKey: 'order-1' });
    expect(byB.body.errors).toBeUndefined();
    const byA = await as<Created>('tenantA', CREATE, { subject: 'Order for A', idempotencyKey: 'order-1' });
    expect(byA.body.errors).toBeUndefined();
    const opB = byB.body.data?.createGroup?.operation;
    const opA = byA.body.data?.createGroup?.operation;
    expect(opA).toMatchObject({ kind: 'CREATE_GROUP', phoneNumberId: PHONE_A });
    expect(opA?.id).not.toBe(opB?.id);
    expect(creates()).toBe(2);
    expect((await idempotencyRecords()).sort()).toEqual([`${prefix}idempotency:createGroup/key:admin/${PHONE_A}/order-1`, `${prefix}idempotency:createGroup/key:tenantA/${PHONE_A}/order-1`]);

    const retryA = await as<Created>('tenantA', CREATE, { subject: 'Order for A', idempotencyKey: 'order-1' });
    const retryB = await as<Created>('admin', CREATE, { subject: 'Order for B', phoneNumberId: PHONE_A, idempotencyKey: 'order-1' });
    expect(retryA.body.data?.createGroup?.operation.id).toBe(opA?.id);
    expect(retryB.body.data?.createGroup?.operation.id).toBe(opB?.id);
    expect(creates()).toBe(2);
  });

  it("never answers one caller with another's result, even for the same key and the same input", async () => {
    const input = { subject: 'Same order', phoneNumberId: PHONE_A, idempotencyKey: 'order-2' };
    const first = await as<Created>('admin', CREATE, input);
    const second = await as<Created>('tenantAB', CREATE, input);
    expect([first.body.errors, second.body.errors]).toEqual([undefined, undefined]);
    expect(second.body.data?.createGroup?.operation.id).not.toBe(first.body.data?.createGroup?.operation.id);
    expect(creates()).toBe(2);
  });

  it('scopes sendGroupMessage keys the same way', async () => {
    const groupId = t.sandbox.control.state().groups.find((group) => group.phoneNumberId === PHONE_A)?.id as string;
    const input = { groupId, phoneNumberId: PHONE_A, text: { body: 'Shipped' }, idempotencyKey: 'msg-1' };
    const fromAdmin = await as<{ sendGroupMessage: { messageId: string } }>('admin', SEND, input);
    const fromA = await as<{ sendGroupMessage: { messageId: string } }>('tenantA', SEND, input);
    const retryA = await as<{ sendGroupMessage: { messageId: string } }>('tenantA', SEND, input);
    expect([fromAdmin.body.errors, fromA.body.errors, retryA.body.errors]).toEqual([undefined, undefined, undefined]);
    expect(fromA.body.data?.sendGroupMessage.messageId).not.toBe(fromAdmin.body.data?.sendGroupMessage.messageId);
    expect(retryA.body.data?.sendGroupMessage.messageId).toBe(fromA.body.data?.sendGroupMessage.messageId);
    expect(t.sandbox.stats.requests.filter((request) => request.method === 'POST' && request.path.endsWith('/messages'))).toHaveLength(2);
  });
});

describe('idempotency keys outside the documented format (Redis)', () => {
  const prefix = uniquePrefix('idem-format');
  let t: TestGateway;
  const redis = createTestRedis(prefix);

  beforeAll(async () => {
    t = await startSecureGateway({ REDIS_URL: testRedisUrl(), REDIS_KEY_PREFIX: prefix });
  });
  // Every create is answered by a webhook: let the sandbox deliver it before the gateway stops.
  afterEach(() => t.sandbox.webhooksIdle());
  afterAll(async () => {
    await t.dispose();
    await redis.dispose();
  });

  it.each([
    ['129 characters', 'k'.repeat(129), '`input.idempotencyKey` must be at most 128 characters, got 129'],
    ['10 KB with newlines, * and {}', `{*}\n${'x'.repeat(10_240)}`, '`input.idempotencyKey` must be at most 128 characters, got 10244'],
    ['a newline', 'order\n1', '`input.idempotencyKey` may hold only A-Z, a-z, 0-9 and . _ : - (got "\\n" at position 5)'],
    ['a glob', 'order-*', '`input.idempotencyKey` may hold only A-Z, a-z, 0-9 and . _ : - (got "*" at position 6)'],
    ['a hash tag', '{order}', '`input.idempotencyKey` may hold only A-Z, a-z, 0-9 and . _ : - (got "{" at position 0)'],
  ])('refuses %s as BAD_USER_INPUT before any upstream call or Redis key', async (_name, idempotencyKey, message) => {
    t.sandbox.stats.reset();
    const response = await t.query<Created, Record<string, unknown>>(CREATE, { input: { subject: 'Bad key', idempotencyKey } }, { headers: bearer('tenantA') });
    expect(response.body.errors).toEqual([expect.objectContaining({ message, extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', argumentName: 'input.idempotencyKey' }) })]);
    expect(t.sandbox.stats.requests).toHaveLength(0);
    expect(await redis.redis.keys(`${prefix}idempotency:*`)).toEqual([]);
  });

  it('keeps one record per claim, named by mutation, caller, phone number and key', async () => {
    const key = 'Az09._:-'.repeat(16);
    const response = await t.query<Created, Record<string, unknown>>(CREATE, { input: { subject: 'Long key', idempotencyKey: key } }, { headers: bearer('tenantA') });
    expect(response.body.errors).toBeUndefined();
    expect(await redis.redis.keys(`${prefix}idempotency:*`)).toEqual([`${prefix}idempotency:createGroup/key:tenantA/${PHONE_A}/${key}`]);
  });
});
