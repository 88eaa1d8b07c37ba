import type { ExecutionResult, GraphQLSchema } from 'graphql';
import { execute, parse } from 'graphql';
import { createSchema } from '../../../src/resolvers/create-schema';
import type { UpstreamGroup, UpstreamJoinRequest } from '../../../src/upstream/types';
import { UpstreamError } from '../../../src/upstream/upstream-error';
import type { FakeGroupsApi } from '../../helpers/fake-groups-api';
import { createFakeGroupsApi } from '../../helpers/fake-groups-api';
import { createEventServices } from '../../../src/events/event-services';
import { createInMemoryEventBus } from '../../../src/events/in-memory-event-bus';
import { createInMemoryEventLog } from '../../../src/events/in-memory-event-log';
import { createTopics } from '../../../src/events/topics';
import { createInMemoryOperationStore } from '../../../src/operations/in-memory-operation-store';
import type { ContextFactory } from '../../../src/context';
import type { BatchMode } from '../../../src/loaders/group.loader';
import { SANDBOX_PHONE_A } from '../../helpers/constants';
import { createOpenContextFactory, inMemoryMutationServices, openContext } from '../../helpers/test-context';

const groups: UpstreamGroup[] = Array.from({ length: 5 }, (_, i) => ({
  id: `g${i + 1}`,
  subject: `Group ${i + 1}`,
  description: i === 0 ? 'The first' : null,
  createdAt: new Date(Date.UTC(2025, 0, i + 1)),
  participants: [{ waId: `1555000000${i}`, userId: `US.${i}`, parentUserId: null, username: null }],
  totalParticipantCount: 1,
  suspended: false,
  joinApprovalMode: i === 0 ? 'approval_required' : 'auto_approve',
}));
const joinRequests: Record<string, UpstreamJoinRequest[]> = {
  g1: [1, 2, 3].map((n) => ({ joinRequestId: `jr${n}`, waId: `1666000000${n}`, userId: null, parentUserId: null, username: null, createdAt: new Date(Date.UTC(2025, 1, n)) })),
};

/** The gateway's context factory (authentication off) over in-memory events and stores. */
function openContextFactory(upstream: FakeGroupsApi, defaultPhoneNumberId: string | null, batchMode: BatchMode): ContextFactory {
  const topics = createTopics('t:');
  const bus = createInMemoryEventBus();
  const events = createEventServices({ bus, topics, log: createInMemoryEventLog({ bus, topics, retentionSeconds: 3600, dedupeTtlSeconds: 3600 }), subscriberQueueLimit: 10 });
  const mutations = inMemoryMutationServices({ bus, topics, operations: createInMemoryOperationStore({ ttlSeconds: 3600 }) });
  return createOpenContextFactory({ upstream, defaultPhoneNumberId, batchMode, concurrency: 8, events, mutations });
}

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await createSchema();
});

/**
 * Runs `query` over `upstream`. Batching is on by default (group metadata as one getGroups); tests of the per-group
 * reads (invite links, join requests) run with it off, since batched they go as Graph batch sub-requests in Meta's
 * wire format, which test/integration/cache/page-upstream-calls.test.ts covers against the sandbox.
 */
async function run(upstream: FakeGroupsApi, query: string, variables: Record<string, unknown> = {}, defaultPhoneNumberId: string | null = SANDBOX_PHONE_A, batchMode: BatchMode = 'batch'): Promise<ExecutionResult> {
  const contextValue = await openContext(openContextFactory(upstream, defaultPhoneNumberId, batchMode));
  const result = await execute({ schema, document: parse(query), variableValues: variables, contextValue });
  // As a client sees it: DateTime values are Dates until serialised to JSON.
  return result.data == null ? result : { ...result, data: JSON.parse(JSON.stringify(result.data)) as Record<string, unknown> };
}

const fake = (): FakeGroupsApi => createFakeGroupsApi({ phoneNumberId: SANDBOX_PHONE_A, groups, joinRequests });

describe('group queries (executed against the schema, fake upstream)', () => {
  it('loads `group` once with exactly the upstream fields the selection needs', async () => {
    const upstream = fake();
    const result = await run(upstream, '{ group(id: "g1") { id subject createdAt ...more } } fragment more on Group { participants { waId userId } joinApprovalMode }');
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      group: { id: 'g1', subject: 'Group 1', createdAt: '2025-01-01T00:00:00.000Z', participants: [{ waId: '15550000000', userId: 'US.0' }], joinApprovalMode: 'APPROVAL_REQUIRED' },
    });
    expect(upstream.calls.map((call) => [call.method, call.args[1]])).toEqual([['getGroups', ['subject', 'join_approval_mode', 'creation_timestamp', 'participants']]]);
  });

  it('answers null for an unknown group', async () => {
    const upstream = fake();
    const result = await run(upstream, '{ group(id: "nope") { id subject } }');
    expect(result).toEqual({ data: { group: null } });
  });

  it('answers groupsByIds aligned to the ids, repeats included, with null for unknown ids and one upstream call', async () => {
    const upstream = fake();
    const result = await run(upstream, 'query ($ids: [ID!]!) { groupsByIds(ids: $ids) { id subject } }', { ids: ['g2', 'x', 'g1', 'g2'] });
    expect(result.data).toEqual({ groupsByIds: [{ id: 'g2', subject: 'Group 2' }, null, { id: 'g1', subject: 'Group 1' }, { id: 'g2', subject: 'Group 2' }] });
    expect(upstream.callsOf('getGroups').map((call) => call.args[0])).toEqual([['g2', 'x', 'g1']]);
  });

  it('reports a per-id upstream failure at that index and keeps the other groups', async () => {
    const upstream = fake();
    upstream.failFor('g2', new UpstreamError({ message: '(#131207) suspended', httpStatus: 403, code: 131207, details: 'policy' }));
    const result = await run(upstream, '{ groupsByIds(ids: ["g1", "g2"]) { id } }');
    expect(result.data).toEqual({ groupsByIds: [{ id: 'g1' }, null] });
    expect(result.errors?.map((error) => [error.path, error.originalError?.constructor.name])).toEqual([[['groupsByIds', 1], 'UpstreamError']]);
  });

  it('lists groups, then fetches fields beyond the list summary for the whole page in one call', async () => {
    const upstream = fake();
    const result = await run(upstream, '{ groups(first: 3) { edges { cursor node { id subject phoneNumberId totalParticipantCount } } pageInfo { hasNextPage hasPreviousPage } } }');
    expect(result.errors).toBeUndefined();
    const data = result.data as { groups: { edges: { node: Record<string, unknown> }[]; pageInfo: unknown } };
    expect(data.groups.edges.map((edge) => edge.node)).toEqual([1, 2, 3].map((n) => ({ id: `g${n}`, subject: `Group ${n}`, phoneNumberId: SANDBOX_PHONE_A, totalParticipantCount: 1 })));
    expect(data.groups.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false });
    expect(upstream.calls.map((call) => call.method)).toEqual(['listGroups', 'getGroups']);
    expect(upstream.callsOf('getGroups')[0]?.args.slice(0, 2)).toEqual([['g1', 'g2', 'g3'], ['total_participant_count']]);
  });

  it('needs no lookup when only list fields are selected', async () => {
    const upstream = fake();
    await run(upstream, '{ groups(first: 2) { nodes { id subject createdAt } } }');
    expect(upstream.calls.map((call) => call.method)).toEqual(['listGroups']);
  });

  it('fetches inviteLink and joinRequests only when selected', async () => {
    const upstream = fake();
    await run(upstream, '{ group(id: "g1") { subject } }');
    expect(upstream.calls.map((call) => call.method)).toEqual(['getGroups']);

    const withExtras = fake();
    const result = await run(withExtras, '{ group(id: "g1") { inviteLink joinRequests(first: 2) { nodes { id waId createdAt group { id } } pageInfo { hasNextPage } } } }', {}, SANDBOX_PHONE_A, 'parallel');
    expect(result.data).toEqual({
      group: {
        inviteLink: 'https://chat.whatsapp.com/g1-link',
        joinRequests: {
          nodes: [
            { id: 'jr1', waId: '16660000001', createdAt: '2025-02-01T00:00:00.000Z', group: { id: 'g1' } },
            { id: 'jr2', waId: '16660000002', createdAt: '2025-02-02T00:00:00.000Z', group: { id: 'g1' } },
          ],
          pageInfo: { hasNextPage: true },
        },
      },
    });
    expect(withExtras.calls.map((call) => call.method).sort()).toEqual(['getGroups', 'getInviteLink', 'listJoinRequests']);
  });

  it('pages join requests with their own cursors', async () => {
    const upstream = fake();
    const first = await run(upstream, '{ group(id: "g1") { joinRequests(first: 2) { pageInfo { endCursor } } } }', {}, SANDBOX_PHONE_A, 'parallel');
    const endCursor = (first.data as { group: { joinRequests: { pageInfo: { endCursor: string } } } }).group.joinRequests.pageInfo.endCursor;
    const next = await run(upstream, 'query ($after: String) { group(id: "g1") { joinRequests(first: 2, after: $after) { nodes { id } pageInfo { hasNextPage } } } }', { after: endCursor }, SANDBOX_PHONE_A, 'parallel');
    expect(next.data).toEqual({ group: { joinRequests: { nodes: [{ id: 'jr3' }], pageInfo: { hasNextPage: false } } } });
    const groupsCursor = await run(upstream, '{ groups(first: 1) { pageInfo { endCursor } } }');
    const foreign = (groupsCursor.data as { groups: { pageInfo: { endCursor: string } } }).groups.pageInfo.endCursor;
    const refused = await run(upstream, 'query ($after: String) { group(id: "g1") { joinRequests(after: $after) { nodes { id } } } }', { after: foreign });
    expect(refused.errors?.[0]?.message).toBe('`after` is a cursor of another list (groups), not of joinRequests');
  });

  it('uses the phone number of the cursor and refuses a cursor of another phone number', async () => {
    const upstream = fake();
    const first = await run(upstream, '{ groups(first: 2) { pageInfo { endCursor } } }', {}, SANDBOX_PHONE_A);
    const endCursor = (first.data as { groups: { pageInfo: { endCursor: string } } }).groups.pageInfo.endCursor;
    const next = await run(upstream, 'query ($after: String) { groups(first: 2, after: $after) { nodes { id } } }', { after: endCursor }, null);
    expect(next.data).toEqual({ groups: { nodes: [{ id: 'g3' }, { id: 'g4' }] } });
    const other = await run(upstream, 'query ($after: String) { groups(phoneNumberId: "999", after: $after) { nodes { id } } }', { after: endCursor });
    expect(other.errors?.[0]?.message).toBe(`\`after\` is a cursor of phone number ${SANDBOX_PHONE_A}, not of 999`);
  });

  it.each([
    ['{ groups(first: 0) { nodes { id } } }', '`first` must be between 1 and 1024, got 0', 'first'],
    ['{ groups(first: 1, last: 1) { nodes { id } } }', '`first` and `last` cannot be used together', 'last'],
    ['{ groups(after: "bogus") { nodes { id } } }', '`after` is not a cursor issued by this gateway', 'after'],
    ['{ groupsByIds(ids: []) { id } }', '`ids` must hold 1..100 ids, got 0', 'ids'],
    ['{ groupsByIds(ids: ["g1", ""]) { id } }', '`ids[1]` must not be empty', 'ids'],
    ['{ group(id: "") { id } }', '`id` must not be empty', 'id'],
    ['{ groups(phoneNumberId: "") { nodes { id } } }', '`phoneNumberId` must not be empty', 'phoneNumberId'],
  ])('refuses %s with BAD_USER_INPUT', async (query, message, argumentName) => {
    const upstream = fake();
    const result = await run(upstream, query);
    expect(result.errors?.[0]?.message).toContain(message);
    expect(result.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', argumentName });
    expect(upstream.calls).toEqual([]);
  });

  it('asks for phoneNumberId when no default is configured', async () => {
    const result = await run(fake(), '{ groups { nodes { id } } }', {}, null);
    expect(result.errors?.[0]?.message).toBe('`phoneNumberId` is required: no default is configured (set WHATSAPP_PHONE_NUMBER_ID)');
  });
});
