import { createTestRedis, testRedisUrl, uniquePrefix } from '../../helpers/redis';
import { SANDBOX_PHONE_A as PHONE_A } from '../../helpers/constants';
import { bearer, startSecureGateway } from '../../helpers/secure-gateway';
import type { KeyName } from '../../helpers/secure-gateway';
import type { TestGateway } from '../../helpers/test-gateway';
import { openWsClient } from '../../helpers/ws-client';

/** 10 KB of what must never become a Redis key or an upstream path: newlines, glob and hash-tag characters, `..`. */
const HOSTILE = `../..\n*{tag}*\r\n${'x*{}..\n'.repeat(1_500)}`.slice(0, 10_240);

interface Answer {
  errors?: { message: string; extensions?: { code?: string; argumentName?: string } }[];
}

/**
 * Every id a client sends is checked (length, characters, no `..`) before a guard, a resolver, a store or the
 * upstream client sees it: on a gateway whose stores are on Redis, a hostile id in each place an id goes answers
 * BAD_USER_INPUT, and no Redis key is written and no upstream call made.
 */
describe('ids outside the id rule are refused before any key or path is built from them (Redis)', () => {
  const prefix = uniquePrefix('hostile-ids');
  let t: TestGateway;
  const redis = createTestRedis(prefix);
  // Admission counters (`ratelimit:key:<key id>`, `ratelimit:wsinit:key:<key id>`) are written before any argument is
  // read, and name the API key, never an argument.
  const keys = async (): Promise<string[]> => (await redis.redis.keys(`${prefix}*`)).filter((key) => !key.startsWith(`${prefix}ratelimit:`));
  const as = (key: KeyName, query: string, variables: Record<string, unknown>): Promise<{ body: Answer }> =>
    t.query<unknown, Record<string, unknown>>(query, variables, { headers: bearer(key) });

  beforeAll(async () => {
    t = await startSecureGateway({ REDIS_URL: testRedisUrl(), REDIS_KEY_PREFIX: prefix });
  });
  afterAll(async () => {
    await t.dispose();
    await redis.dispose();
  });

  const cases: [string, string, Record<string, unknown>, string][] = [
    ['updateGroup', 'mutation($input: UpdateGroupInput!) { updateGroup(input: $input) { clientMutationId } }', { input: { groupId: HOSTILE, subject: 'x' } }, 'input.groupId'],
    ['deleteGroup', 'mutation($input: DeleteGroupInput!) { deleteGroup(input: $input) { clientMutationId } }', { input: { groupId: HOSTILE } }, 'input.groupId'],
    ['approveJoinRequests', 'mutation($input: JoinRequestsInput!) { approveJoinRequests(input: $input) { clientMutationId } }', { input: { groupId: 'g1', joinRequestIds: ['ok', HOSTILE] } }, 'input.joinRequestIds'],
    ['sendGroupMessage reply', 'mutation($input: SendGroupMessageInput!) { sendGroupMessage(input: $input) { messageId } }', { input: { groupId: 'g1', replyToMessageId: HOSTILE, text: { body: 'hi' } } }, 'input.replyToMessageId'],
    ['createGroup phone number', 'mutation($input: CreateGroupInput!) { createGroup(input: $input) { clientMutationId } }', { input: { subject: 's', phoneNumberId: HOSTILE } }, 'input.phoneNumberId'],
    ['group(id)', 'query($id: ID!) { group(id: $id) { id } }', { id: HOSTILE }, 'id'],
    ['groupsByIds', 'query($ids: [ID!]!) { groupsByIds(ids: $ids) { id } }', { ids: ['g1', HOSTILE] }, 'ids'],
    ['operation(id)', 'query($id: ID!) { operation(id: $id) { id } }', { id: HOSTILE }, 'id'],
    ['groupEvents(groupId)', 'query($g: ID) { groupEvents(groupId: $g) { edges { cursor } } }', { g: HOSTILE }, 'groupId'],
    ['a bare ".." group id', 'query($id: ID!) { group(id: $id) { id } }', { id: '..' }, 'id'],
  ];

  it.each(cases)('%s: BAD_USER_INPUT naming the argument, no Redis key, no upstream call', async (_name, query, variables, argumentName) => {
    const before = await keys();
    t.sandbox.stats.reset();
    for (const key of ['admin', 'tenantA'] as const) {
      const { body } = await as(key, query, variables);
      expect(body.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', argumentName }) })]);
      // The answer does not echo the 10 KB back.
      expect(body.errors?.[0]?.message.length).toBeLessThan(300);
    }
    expect(t.sandbox.stats.requests).toEqual([]);
    expect((await keys()).filter((key) => !before.includes(key))).toEqual([]);
  });

  it('an idempotency key outside its rule is refused the same way', async () => {
    const before = await keys();
    t.sandbox.stats.reset();
    const { body } = await as('tenantA', 'mutation($input: CreateGroupInput!) { createGroup(input: $input) { clientMutationId } }', { input: { subject: 's', phoneNumberId: PHONE_A, idempotencyKey: HOSTILE } });
    expect(body.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', argumentName: 'input.idempotencyKey' }) })]);
    expect(t.sandbox.stats.requests).toEqual([]);
    expect((await keys()).filter((key) => !before.includes(key))).toEqual([]);
  });

  it('a subscription argument is refused as an operation error; the socket stays open for the next operation', async () => {
    const before = await keys();
    const ws = openWsClient({ url: t.graphqlUrl, connectionParams: bearer('tenantA'), eager: true });
    try {
      await ws.connected();
      const refused = ws.run('subscription($id: ID!) { operationUpdated(id: $id) { id } }', { id: HOSTILE });
      const first = await refused.message(0);
      const errors = first.kind === 'error' ? first.errors : first.kind === 'next' ? (first.result.errors ?? []) : [];
      expect(errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', argumentName: 'id' }) })]);
      const next = ws.run('{ groupsByIds(ids: ["bad id"]) { id } }');
      const answer = await next.message(0);
      expect(answer.kind === 'next' ? answer.result.errors?.[0]?.extensions : null).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(ws.closes).toEqual([]);
    } finally {
      await ws.dispose();
    }
    expect((await keys()).filter((key) => !before.includes(key))).toEqual([]);
  });
});
