import type { ExecutionResult, GraphQLSchema } from 'graphql';
import { execute, parse, subscribe } from 'graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { buildSchema } from 'type-graphql';
import { createUnusedPubSub } from '../../src/schema/events/unused-pub-sub';
import { GroupEventsResolver } from '../../src/resolvers/group-events.resolver';
import { GroupFieldsResolver } from '../../src/resolvers/group-fields.resolver';
import { OperationUpdatedResolver } from '../../src/resolvers/operation-updated.resolver';
import type { GatewayContext } from '../../src/context';
import type { EventServices } from '../../src/events/event-services';
import { createEventServices } from '../../src/events/event-services';
import type { EventBus } from '../../src/events/event-bus';
import type { EventLog } from '../../src/events/event-log';
import type { DomainEvent, StoredEvent } from '../../src/events/event-model';
import { createInMemoryEventBus } from '../../src/events/in-memory-event-bus';
import { createInMemoryEventLog } from '../../src/events/in-memory-event-log';
import type { Topics } from '../../src/events/topics';
import { createTopics } from '../../src/events/topics';
import { createInMemoryOperationStore } from '../../src/operations/in-memory-operation-store';
import type { OperationStore } from '../../src/operations/operation-store';
import type { UpstreamGroup } from '../../src/upstream/types';
import type { FakeGroupsApi } from './fake-groups-api';
import { createFakeGroupsApi } from './fake-groups-api';
import type { FakeClock } from './clock';
import { createFakeClock } from './clock';
import type { TrackedBus } from './stream-harness';
import { createTrackedBus } from './stream-harness';
import { createOpenContextFactory, inMemoryMutationServices, openContext } from './test-context';

export const RETENTION_SECONDS = 3600;

/** A schema of the event resolvers plus Group's fields, built like create-schema.ts does. */
export function buildEventsSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [GroupEventsResolver, OperationUpdatedResolver, GroupFieldsResolver],
    validate: false,
    emitSchemaFile: false,
    pubSub: createUnusedPubSub(),
    scalarsMap: [{ type: Date, scalar: GraphQLDateTime }],
  });
}

export type TestContext = GatewayContext;

export interface GraphHarness {
  schema: GraphQLSchema;
  clock: FakeClock;
  bus: EventBus;
  /** The bus as resolvers see it (context.events.bus): counts their listeners. */
  tracked: TrackedBus;
  log: EventLog;
  topics: Topics;
  events: EventServices;
  operations: OperationStore;
  upstream: FakeGroupsApi;
  /** The upstream's groups; mutate them to see what fresh loaders read. */
  groups: UpstreamGroup[];
  /** How many loader sets the context's createLoaders() made. */
  loaderSetsCreated(): number;
  /** A context from the gateway's factory (authentication off), with `overrides` on top. */
  context(overrides?: Partial<TestContext>): Promise<TestContext>;
  append(...events: DomainEvent[]): Promise<StoredEvent[]>;
  query(source: string, variables?: Record<string, unknown>, context?: TestContext): Promise<ExecutionResult>;
  subscribe(source: string, variables?: Record<string, unknown>, context?: TestContext): Promise<AsyncGenerator<ExecutionResult> | ExecutionResult>;
  dispose(): Promise<void>;
}

export async function createGraphHarness(options: { queueLimit?: number } = {}): Promise<GraphHarness> {
  const schema = await buildEventsSchema();
  const clock = createFakeClock();
  const topics = createTopics('graph-test:');
  const bus = createInMemoryEventBus();
  const log = createInMemoryEventLog({ bus, topics, retentionSeconds: RETENTION_SECONDS, dedupeTtlSeconds: 60, clock });
  const tracked = createTrackedBus(bus);
  const events = createEventServices({ log, bus: tracked.bus, topics, subscriberQueueLimit: options.queueLimit ?? 100 });
  const operations = createInMemoryOperationStore({ ttlSeconds: 3600, clock });
  const groups: UpstreamGroup[] = [
    { id: 'g1', subject: 'Team', description: 'Our team' },
    { id: 'g2', subject: 'Other', description: null },
  ];
  const upstream = createFakeGroupsApi({ phoneNumberId: 'p1', groups });
  const createContext = createOpenContextFactory({
    upstream,
    defaultPhoneNumberId: null,
    batchMode: 'parallel',
    concurrency: 4,
    events,
    mutations: inMemoryMutationServices({ bus, topics, operations, clock }),
  });
  let created = 0;
  const context = async (overrides: Partial<TestContext> = {}): Promise<TestContext> => {
    const made = await openContext(createContext);
    // Counted, so tests can see when a subscription makes fresh loaders.
    const createLoaders: TestContext['createLoaders'] = () => {
      created++;
      return made.createLoaders();
    };
    return { ...made, createLoaders, ...overrides };
  };
  return {
    schema,
    clock,
    bus,
    tracked,
    log,
    topics,
    events,
    operations,
    upstream,
    groups,
    loaderSetsCreated: () => created,
    context,
    async append(...list) {
      return (await log.append(list)).stored;
    },
    query: async (source, variables = {}, contextValue) =>
      execute({ schema, document: parse(source), variableValues: variables, contextValue: contextValue ?? (await context()) }),
    subscribe: async (source, variables = {}, contextValue) =>
      subscribe({ schema, document: parse(source), variableValues: variables, contextValue: contextValue ?? (await context()) }),
    async dispose() {
      await operations.dispose();
      await log.dispose();
      await bus.dispose();
    },
  };
}

export function isStream(result: AsyncGenerator<ExecutionResult> | ExecutionResult): result is AsyncGenerator<ExecutionResult> {
  return Symbol.asyncIterator in result;
}

/** The subscription's next `count` results. */
export async function nextResults(stream: AsyncGenerator<ExecutionResult>, count: number): Promise<ExecutionResult[]> {
  const results: ExecutionResult[] = [];
  for (let i = 0; i < count; i++) {
    const next = await stream.next();
    if (next.done === true) throw new Error(`subscription ended after ${results.length} of ${count} results`);
    results.push(next.value);
  }
  return results;
}
