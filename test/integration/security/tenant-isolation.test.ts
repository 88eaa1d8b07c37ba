import type { GraphQLFormattedError } from 'graphql';
import { createTestRedis, testRedisUrl, uniquePrefix } from '../../helpers/redis';
import type { TestGateway } from '../../helpers/test-gateway';
import type { KeyName } from '../../helpers/secure-gateway';
import { bearer, groupsOf, startSecureGateway } from '../../helpers/secure-gateway';
import type { OperationMessage } from '../../helpers/ws-client';
import { openWsClient } from '../../helpers/ws-client';
import { SANDBOX_PHONE_A, SANDBOX_PHONE_B } from '../../helpers/constants';

jest.setTimeout(20_000);

const GROUP = 'query($id: ID!) { group(id: $id) { id subject } }';
const GROUPS = 'query($phoneNumberId: ID, $after: String) { groups(phoneNumberId: $phoneNumberId, first: 2, after: $after) { nodes { id } pageInfo { endCursor } } }';
const BY_IDS = 'query($ids: [ID!]!) { groupsByIds(ids: $ids) { id } }';
const UPDATE = 'mutation($input: UpdateGroupInput!) { updateGroup(input: $input) { operation { id status groupId } } }';
const CREATE = 'mutation($input: CreateGroupInput!) { createGroup(input: $input) { operation { id status groupId phoneNumberId } } }';
const OPERATION = 'query($id: ID!) { operation(id: $id) { id kind } }';
const HISTORY =
  'query($groupId: ID, $phoneNumberId: ID) { groupEvents(groupId: $groupId, phoneNumberId: $phoneNumberId, first: 1000) { nodes { id groupId phoneNumberId ... on MessageReceivedEvent { text } } pageInfo { endCursor } } }';
const LIVE = 'subscription($groupId: ID, $after: String) { groupEvents(groupId: $groupId, after: $after) { id groupId phoneNumberId ... on MessageReceivedEvent { text } } }';

interface EventNode {
  id: string;
  groupId: string;
  phoneNumberId: string | null;
  text?: string | null;
}

const forbidden = (errors: readonly GraphQLFormattedError[] | undefined): unknown[] => (errors ?? []).map((error) => error.extensions?.code);

const redisPrefix = uniquePrefix('tenancy');
const redisCleanup = createTestRedis(redisPrefix);
afterAll(() => redisCleanup.dispose());

describe.each([
  ['in-process event log, limiter and ownership registry', {}],
  ['Redis event log, limiter and ownership registry', { REDIS_URL: testRedisUrl(), REDIS_KEY_PREFIX: redisPrefix }],
])('tenant isolation (%s): a key limited to phone number A', (_name, env: Record<string, string>) => {
  let t: TestGateway;
  let groupsA: string[];
  let groupsB: string[];
  const as = <T>(key: KeyName, query: string, variables: Record<string, unknown> = {}) => t.query<T, Record<string, unknown>>(query, variables, { headers: bearer(key) });
  const listCalls = (phoneNumberId: string): number => t.sandbox.stats.requests.filter((request) => request.method === 'GET' && request.path.endsWith(`/${phoneNumberId}/groups`)).length;

  beforeAll(async () => {
    t = await startSecureGateway(env);
    groupsA = groupsOf(t, SANDBOX_PHONE_A);
    groupsB = groupsOf(t, SANDBOX_PHONE_B);
  });
  afterAll(() => t.dispose());

  it('reads its own groups (ownership learnt by listing only its own number, once) and none of B\'s', async () => {
    const own = await as<{ group: { id: string; subject: string } }>('tenantA', GROUP, { id: groupsA[0] });
    expect(own.body).toEqual({ data: { group: { id: groupsA[0], subject: 'Watch Enthusiasts' } } });
    expect([listCalls(SANDBOX_PHONE_A), listCalls(SANDBOX_PHONE_B)]).toEqual([1, 0]);

    const foreign = await as('tenantA', GROUP, { id: groupsB[0] });
    expect(foreign.body.data).toEqual({ group: null });
    expect(foreign.body.errors).toEqual([expect.objectContaining({ message: `This API key may not access group ${groupsB[0]}`, extensions: expect.objectContaining({ code: 'FORBIDDEN' }) })]);
    // Unknown to the gateway and to A's listing: refused, not guessed.
    expect(forbidden((await as('tenantA', GROUP, { id: '120363000000000001' })).body.errors)).toEqual(['FORBIDDEN']);
    expect(listCalls(SANDBOX_PHONE_A)).toBe(1); // the listing is cached: no second call within the cooldown
    expect(forbidden((await as('tenantA', BY_IDS, { ids: [groupsA[0], groupsB[0]] })).body.errors)).toEqual(['FORBIDDEN']);
    expect((await as('tenantA', BY_IDS, { ids: [groupsA[1], groupsA[0]] })).body.data).toEqual({ groupsByIds: [{ id: groupsA[1] }, { id: groupsA[0] }] });
  });

  it('lists its own number\'s groups by default and is refused B\'s, also through a cursor of B\'s list', async () => {
    const own = await as<{ groups: { nodes: { id: string }[] } }>('tenantA', GROUPS);
    expect(own.body.data?.groups.nodes).toEqual(groupsA.slice(0, 2).map((id) => ({ id })));
    expect(forbidden((await as('tenantA', GROUPS, { phoneNumberId: SANDBOX_PHONE_B })).body.errors)).toEqual(['FORBIDDEN']);
    const adminPage = await as<{ groups: { pageInfo: { endCursor: string } } }>('admin', GROUPS, { phoneNumberId: SANDBOX_PHONE_B });
    const cursorOfB = adminPage.body.data!.groups.pageInfo.endCursor;
    const viaCursor = await as('tenantA', GROUPS, { after: cursorOfB });
    expect(viaCursor.body.errors).toEqual([expect.objectContaining({ message: `This API key may not act for phone number ${SANDBOX_PHONE_B}`, extensions: expect.objectContaining({ code: 'FORBIDDEN' }) })]);
  });

  it('cannot change B\'s groups or create groups on B; its own writes work and their operations stay its own', async () => {
    const requestsBefore = t.sandbox.stats.requests.length;
    const hijack = await as('tenantA', UPDATE, { input: { groupId: groupsB[0], subject: 'hijacked' } });
    expect(forbidden(hijack.body.errors)).toEqual(['FORBIDDEN']);
    expect(forbidden((await as('tenantA', CREATE, { input: { phoneNumberId: SANDBOX_PHONE_B, subject: 'not mine' } })).body.errors)).toEqual(['FORBIDDEN']);
    expect(t.sandbox.stats.requests.length).toBe(requestsBefore); // nothing reached the upstream
    expect(t.sandbox.control.group(groupsB[0]!)?.subject).toBe('Store Announcements');

    const renamed = await as<{ updateGroup: { operation: { id: string; groupId: string } } }>('tenantA', UPDATE, { input: { groupId: groupsA[1], subject: 'Renamed by A' } });
    expect(renamed.body.errors).toBeUndefined();
    await t.sandbox.webhooksIdle();
    expect(t.sandbox.control.group(groupsA[1]!)?.subject).toBe('Renamed by A');
    expect((await as('tenantA', OPERATION, { id: renamed.body.data!.updateGroup.operation.id })).body.data).toEqual({ operation: { id: renamed.body.data!.updateGroup.operation.id, kind: 'UPDATE_GROUP' } });

    const adminOnB = await as<{ updateGroup: { operation: { id: string } } }>('admin', UPDATE, { input: { groupId: groupsB[0], subject: 'Store News' } });
    const peek = await as('tenantA', OPERATION, { id: adminOnB.body.data!.updateGroup.operation.id });
    // Answered as an unknown id is: no existence oracle.
    expect(peek.body).toEqual({ data: { operation: null } });
    expect((await as('tenantA', OPERATION, { id: 'no-such-operation' })).body).toEqual(peek.body);
  });

  it('creates a group on its number and may read it at once: the webhook taught the gateway who owns it', async () => {
    const listed = listCalls(SANDBOX_PHONE_A);
    const created = await as<{ createGroup: { operation: { status: string; groupId: string; phoneNumberId: string } } }>('tenantA', CREATE, {
      input: { subject: 'Made by A', awaitCompletion: true },
    });
    expect(created.body.data?.createGroup.operation).toMatchObject({ status: 'SUCCEEDED', phoneNumberId: SANDBOX_PHONE_A });
    const groupId = created.body.data!.createGroup.operation.groupId;
    expect((await as('tenantA', GROUP, { id: groupId })).body.data).toEqual({ group: { id: groupId, subject: 'Made by A' } });
    expect(listCalls(SANDBOX_PHONE_A)).toBe(listed);
    expect(forbidden((await as('tenantA', UPDATE, { input: { groupId: groupsB[1], subject: 'x' } })).body.errors)).toEqual(['FORBIDDEN']);
  });

  it('sees only its own events in history', async () => {
    t.sandbox.control.sendText({ groupId: groupsB[0]!, waId: '4915112345678', text: 'history of B' });
    t.sandbox.control.sendText({ groupId: groupsA[0]!, waId: '16505551234', text: 'history of A' });
    await t.sandbox.webhooksIdle();

    const all = await as<{ groupEvents: { nodes: EventNode[] } }>('admin', HISTORY);
    expect(all.body.data?.groupEvents.nodes.map((node) => node.text)).toEqual(expect.arrayContaining(['history of A', 'history of B']));
    const own = await as<{ groupEvents: { nodes: EventNode[] } }>('tenantA', HISTORY);
    const ownNodes = own.body.data!.groupEvents.nodes;
    expect(ownNodes.map((node) => node.text)).toContain('history of A');
    expect(ownNodes.every((node) => node.phoneNumberId === SANDBOX_PHONE_A)).toBe(true);
    expect(ownNodes.length).toBe(all.body.data!.groupEvents.nodes.filter((node) => node.phoneNumberId === SANDBOX_PHONE_A).length);

    expect(forbidden((await as('tenantA', HISTORY, { groupId: groupsB[0] })).body.errors)).toEqual(['FORBIDDEN']);
    expect(forbidden((await as('tenantA', HISTORY, { phoneNumberId: SANDBOX_PHONE_B })).body.errors)).toEqual(['FORBIDDEN']);
    const several = await as('tenantAB', HISTORY);
    expect(several.body.errors?.[0]?.message).toBe('This API key acts for several phone numbers: pass `groupId` or `phoneNumberId` to choose whose events to read');
    const ofB = await as<{ groupEvents: { nodes: EventNode[] } }>('tenantAB', HISTORY, { phoneNumberId: SANDBOX_PHONE_B });
    expect(ofB.body.data?.groupEvents.nodes.map((node) => node.text)).toContain('history of B');
  });

  it('receives only its own events live, and cannot subscribe to B\'s group', async () => {
    // A key limited to one number reads that number's stream (its requests are narrowed to it): its own cursor.
    const headOf = async (key: 'admin' | 'tenantA') => (await as<{ groupEvents: { pageInfo: { endCursor: string } } }>(key, HISTORY)).body.data!.groupEvents.pageInfo.endCursor;
    const [tenantAfter, adminAfter] = [await headOf('tenantA'), await headOf('admin')];
    const tenant = openWsClient({ url: t.graphqlUrl, connectionParams: bearer('tenantA'), eager: true });
    const admin = openWsClient({ url: t.graphqlUrl, connectionParams: bearer('admin'), eager: true });
    await Promise.all([tenant.connected(), admin.connected()]);

    const refused = tenant.run(LIVE, { groupId: groupsB[0] });
    expect(await refused.message(0)).toEqual({ kind: 'next', result: { errors: [expect.objectContaining({ message: `This API key may not access group ${groupsB[0]}`, extensions: expect.objectContaining({ code: 'FORBIDDEN' }) })] } });

    // `after` replays from the same point, so no event is missed while the subscriptions start.
    const tenantLive = tenant.run(LIVE, { after: tenantAfter });
    const adminLive = admin.run(LIVE, { after: adminAfter });
    t.sandbox.control.sendText({ groupId: groupsB[0]!, waId: '4915112345678', text: 'live B' });
    t.sandbox.control.sendText({ groupId: groupsA[0]!, waId: '16505551234', text: 'live A1' });
    t.sandbox.control.sendText({ groupId: groupsB[0]!, waId: '5511987654321', text: 'live B2' });
    t.sandbox.control.sendText({ groupId: groupsA[2]!, waId: '16505551234', text: 'live A2' });

    const texts = async (handle: ReturnType<typeof tenant.run>, count: number): Promise<unknown[]> => {
      const received: OperationMessage[] = [];
      for (let index = 0; index < count; index++) received.push(await handle.message(index));
      return received.map((message) => (message.kind === 'next' ? (message.result.data as { groupEvents: EventNode }).groupEvents : message));
    };
    expect((await texts(adminLive, 4)).map((event) => (event as EventNode).text)).toEqual(['live B', 'live A1', 'live B2', 'live A2']);
    const ownLive = (await texts(tenantLive, 2)) as EventNode[];
    expect(ownLive.map((event) => [event.text, event.phoneNumberId])).toEqual([
      ['live A1', SANDBOX_PHONE_A],
      ['live A2', SANDBOX_PHONE_A],
    ]);
    tenantLive.stop();
    adminLive.stop();
    await Promise.all([tenant.dispose(), admin.dispose()]);
    expect(tenantLive.messages).toHaveLength(2);
  });
});
