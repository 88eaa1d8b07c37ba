import type { ExecutionResult, GraphQLError, GraphQLSchema } from 'graphql';
import { execute, isNonNullType, isObjectType, parse } from 'graphql';
import type { ContextFactory } from '../../../src/context';
import { createEventServices } from '../../../src/events/event-services';
import { createInMemoryEventBus } from '../../../src/events/in-memory-event-bus';
import { createInMemoryEventLog } from '../../../src/events/in-memory-event-log';
import { createTopics } from '../../../src/events/topics';
import { createSilentLogger } from '../../../src/lib/logger';
import { createInMemoryOperationStore } from '../../../src/operations/in-memory-operation-store';
import { createSchema } from '../../../src/resolvers/create-schema';
import { formatGatewayError } from '../../../src/errors/format-error';
import { createGraphApiClient } from '../../../src/upstream/graph-api-client';
import type { GroupsApi } from '../../../src/upstream/types';
import { SANDBOX_PHONE_A } from '../../helpers/constants';
import { createOpenContextFactory, inMemoryMutationServices, openContext } from '../../helpers/test-context';
import type { FakeAnswer, RecordedCall } from '../upstream/fake-fetch';
import { createFakeFetch } from '../upstream/fake-fetch';

const GROUP_ID = 'Y2FwaV9ncm91cDoxNzA1NTU1MDEzOToxMjAzNjM0MDQ2OTQyMzM4MjAZD';

/** The real Graph API client over a scripted fetch: the answers go through the same parsers as Meta's. */
function upstreamAnswering(answer: (call: RecordedCall) => FakeAnswer): GroupsApi {
  const fake = createFakeFetch(answer);
  return createGraphApiClient({
    baseUrl: 'https://graph.example.test',
    apiVersion: 'v23.0',
    accessToken: 'tok',
    timeoutMs: 1_000,
    maxRetries: 0,
    retryBaseDelayMs: 1,
    maxRetryDelayMs: 5,
    logger: createSilentLogger(),
    fetch: fake.fetch,
  });
}

function contextFactory(upstream: GroupsApi): ContextFactory {
  const topics = createTopics('t:');
  const bus = createInMemoryEventBus();
  const events = createEventServices({ bus, topics, log: createInMemoryEventLog({ bus, topics, retentionSeconds: 3600, dedupeTtlSeconds: 3600 }), subscriberQueueLimit: 10 });
  const mutations = inMemoryMutationServices({ bus, topics, operations: createInMemoryOperationStore({ ttlSeconds: 3600 }) });
  return createOpenContextFactory({ upstream, defaultPhoneNumberId: SANDBOX_PHONE_A, batchMode: 'parallel', concurrency: 8, events, mutations });
}

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await createSchema();
});

async function run(upstream: GroupsApi, query: string): Promise<ExecutionResult> {
  return execute({ schema, document: parse(query), contextValue: await openContext(contextFactory(upstream)) });
}

/** The error as a client receives it, through the gateway's formatError. */
function asClientSees(error: GraphQLError): { message: string; code: unknown } {
  const formatted = formatGatewayError(error.toJSON(), error, { exposeInternals: false });
  return { message: formatted.message, code: formatted.extensions?.code };
}

describe('Group.subject and Group.createdAt: every group has them, so the schema says so', () => {
  it('declares both non-null', () => {
    const group = schema.getType('Group');
    if (!isObjectType(group)) throw new Error('Group is not an object type');
    expect(isNonNullType(group.getFields().subject?.type)).toBe(true);
    expect(isNonNullType(group.getFields().createdAt?.type)).toBe(true);
    expect(group.getFields().subject?.type.toString()).toBe('String!');
    expect(group.getFields().createdAt?.type.toString()).toBe('DateTime!');
  });

  it.each([
    ['subject', { id: GROUP_ID, messaging_product: 'whatsapp', creation_timestamp: 1700000000 }],
    ['createdAt', { id: GROUP_ID, messaging_product: 'whatsapp', subject: 'Watchers' }],
  ])('an upstream answer without %s fails the field with UPSTREAM_ERROR instead of answering null', async (field, answer) => {
    const upstream = upstreamAnswering(() => ({ status: 200, json: answer }));
    const result = await run(upstream, `{ group(id: "${GROUP_ID}") { id ${field} } }`);
    expect(result.data).toEqual({ group: null });
    expect(result.errors).toHaveLength(1);
    const error = result.errors?.[0] as GraphQLError;
    expect(error.path).toEqual(['group']);
    expect(asClientSees(error)).toEqual({ code: 'UPSTREAM_ERROR', message: expect.stringMatching(/every group has one/) as unknown as string });
  });

  it('a list page with a group lacking its subject fails `groups` with UPSTREAM_ERROR', async () => {
    const upstream = upstreamAnswering(() => ({
      status: 200,
      json: { data: { groups: [{ id: 'g1', subject: 'One', created_at: '1700000000' }, { id: 'g2', created_at: '1700000001' }] } },
    }));
    const result = await run(upstream, '{ groups(first: 2) { edges { node { id subject createdAt } } } }');
    expect(result.data).toBeNull();
    expect(asClientSees(result.errors?.[0] as GraphQLError).code).toBe('UPSTREAM_ERROR');
  });

  it('answers both when the upstream sends them', async () => {
    const upstream = upstreamAnswering(() => ({ status: 200, json: { id: GROUP_ID, subject: 'Watchers', creation_timestamp: '1700000000' } }));
    const result = await run(upstream, `{ group(id: "${GROUP_ID}") { subject createdAt } }`);
    expect(result.errors).toBeUndefined();
    expect(JSON.parse(JSON.stringify(result.data))).toEqual({ group: { subject: 'Watchers', createdAt: '2023-11-14T22:13:20.000Z' } });
  });
});
