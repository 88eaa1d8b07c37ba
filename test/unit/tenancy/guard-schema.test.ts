import type { ExecutionResult, GraphQLSchema } from 'graphql';
import { buildSchema as buildSdl, createSourceEventStream, graphql, parse, subscribe } from 'graphql';
import { canDetachFeed, DETACH_FEED } from '../../../src/lib/detachable-feed';
import type { Principal } from '../../../src/auth/api-key';
import { createSchema } from '../../../src/resolvers/create-schema';
import type { StreamFailure } from '../../../src/schema/events/stream-failure';
import { isStreamFailure } from '../../../src/schema/events/stream-failure';
import { createInMemorySubscriptionSlots } from '../../../src/limits/subscription-slots';
import { createGroupOwnership } from '../../../src/tenancy/group-ownership';
import { guardSchema, rootFieldCoordinates } from '../../../src/tenancy/guard-schema';
import { createInMemoryGroupOwnerRegistry } from '../../../src/tenancy/in-memory-group-owner-registry';
import { ROOT_FIELD_POLICIES } from '../../../src/tenancy/root-field-policies';
import { createTenantAccess } from '../../../src/tenancy/tenant-access';
import { fakeListingApi, keyFor } from './tenancy-harness';

interface FakeEvent {
  id: string;
  groupId: string;
  phoneNumberId: string | null;
}

const SDL = `
  type Group { id: ID! }
  type Event { id: ID! groupId: ID! phoneNumberId: ID }
  input UpdateInput { groupId: ID! subject: String }
  type Query { group(id: ID!): Group  extra: String }
  type Mutation { updateGroup(input: UpdateInput!): String }
  type Subscription { groupEvents(groupId: ID, phoneNumberId: ID): Event }
`;

/** A schema with the contract's coordinates and resolvers that record what reached them. */
function fakeSchema(events: FakeEvent[], seen: { args: unknown[]; returned: number }): GraphQLSchema {
  const schema = buildSdl(SDL);
  schema.getQueryType()!.getFields().group!.resolve = (_root, args: { id: string }) => ({ id: args.id });
  schema.getQueryType()!.getFields().extra!.resolve = () => 'extra';
  schema.getMutationType()!.getFields().updateGroup!.resolve = () => 'updated';
  const live = schema.getSubscriptionType()!.getFields().groupEvents!;
  live.subscribe = (_root, args) => {
    seen.args.push(args);
    let index = 0;
    const iterator: AsyncIterableIterator<FakeEvent> = {
      next: async () => (index < events.length ? { value: events[index++]!, done: false } : { value: undefined, done: true }),
      return: async () => {
        seen.returned++;
        return { value: undefined, done: true };
      },
      [Symbol.asyncIterator]: () => iterator,
    };
    return iterator;
  };
  // As the real subscription resolvers do: a StreamFailure payload is thrown.
  live.resolve = (payload: FakeEvent | StreamFailure) => {
    if (isStreamFailure(payload)) throw payload.error;
    return payload;
  };
  return schema;
}

async function contextFor(principal: Principal, current?: () => Principal | null) {
  const registry = createInMemoryGroupOwnerRegistry();
  await registry.remember([
    { groupId: 'gA', phoneNumberId: 'A' },
    { groupId: 'gB', phoneNumberId: 'B' },
  ]);
  const ownership = createGroupOwnership({ registry, listCooldownMs: 60_000, maxPagesPerNumber: 1 });
  const access = createTenantAccess({ principal, ownership, upstream: fakeListingApi({}).api, configuredDefaultPhoneNumberId: 'A', ...(current === undefined ? {} : { current }) });
  return { access, defaultPhoneNumberId: access.defaultPhoneNumberId };
}

const codes = (result: ExecutionResult): unknown[] => (result.errors ?? []).map((error) => error.extensions.code);

describe('guardSchema', () => {
  it('has a policy for every root field of the gateway schema', async () => {
    const coordinates = rootFieldCoordinates(await createSchema());
    expect(coordinates.length).toBeGreaterThanOrEqual(17);
    expect(coordinates.filter((coordinate) => ROOT_FIELD_POLICIES[coordinate] === undefined)).toEqual([]);
  });

  it('checks the scope of the operation type, then the tenant, before the resolver runs', async () => {
    const seen = { args: [] as unknown[], returned: 0 };
    const schema = guardSchema(fakeSchema([], seen), { slots: createInMemorySubscriptionSlots({ maxPerSubject: 5 }) });
    const readOnlyA = await contextFor(keyFor(['A'], new Set(['read'])));
    expect((await graphql({ schema, source: '{ group(id: "gA") { id } }', contextValue: readOnlyA })).data).toEqual({ group: { id: 'gA' } });
    expect(codes(await graphql({ schema, source: '{ group(id: "gB") { id } }', contextValue: readOnlyA }))).toEqual(['FORBIDDEN']);
    const mutation = await graphql({ schema, source: 'mutation { updateGroup(input: { groupId: "gA" }) }', contextValue: readOnlyA });
    expect(mutation.errors?.[0]?.message).toMatch(/lacks the "write" scope/);
    const writerA = await contextFor(keyFor(['A']));
    expect((await graphql({ schema, source: 'mutation { updateGroup(input: { groupId: "gA" }) }', contextValue: writerA })).data).toEqual({ updateGroup: 'updated' });
    expect(codes(await graphql({ schema, source: 'mutation { updateGroup(input: { groupId: "gB" }) }', contextValue: writerA }))).toEqual(['FORBIDDEN']);
  });

  it('refuses a field without a policy to restricted keys, and runs it for keys of every number', async () => {
    const schema = guardSchema(fakeSchema([], { args: [], returned: 0 }), { slots: createInMemorySubscriptionSlots({ maxPerSubject: 5 }) });
    expect(codes(await graphql({ schema, source: '{ extra }', contextValue: await contextFor(keyFor(['A'])) }))).toEqual(['FORBIDDEN']);
    expect((await graphql({ schema, source: '{ extra }', contextValue: await contextFor(keyFor(null)) })).data).toEqual({ extra: 'extra' });
  });

  it('fails closed when the context carries no access', async () => {
    const schema = guardSchema(fakeSchema([], { args: [], returned: 0 }), { slots: createInMemorySubscriptionSlots({ maxPerSubject: 5 }) });
    const result = await graphql({ schema, source: '{ group(id: "gA") { id } }', contextValue: {} });
    expect(result.errors?.[0]?.message).toMatch(/expects the GraphQL context to have `access`/);
  });

  it('narrows a one-number key\'s subscription to its number and re-checks every event', async () => {
    const events = [
      { id: '1', groupId: 'gB', phoneNumberId: 'B' },
      { id: '2', groupId: 'gA', phoneNumberId: 'A' },
      { id: '3', groupId: 'gB', phoneNumberId: null },
      { id: '4', groupId: 'gA', phoneNumberId: null },
    ];
    const seen = { args: [] as unknown[], returned: 0 };
    const slots = createInMemorySubscriptionSlots({ maxPerSubject: 1 });
    const schema = guardSchema(fakeSchema(events, seen), { slots });
    const stream = (await subscribe({ schema, document: parse('subscription { groupEvents { id } }'), contextValue: await contextFor(keyFor(['A'])) })) as AsyncIterableIterator<ExecutionResult>;
    const received: unknown[] = [];
    for await (const result of stream) received.push(result.data);
    expect(seen.args).toEqual([{ phoneNumberId: 'A' }]);
    expect(received).toEqual([{ groupEvents: { id: '2' } }, { groupEvents: { id: '4' } }]);
    expect(await slots.acquire('k')).toEqual(expect.any(Function)); // the ended stream gave its slot back
  });

  it('ends a subscription whose key was revoked with FORBIDDEN, returning its source', async () => {
    const seen = { args: [] as unknown[], returned: 0 };
    let revoked = false;
    const schema = guardSchema(fakeSchema([{ id: '1', groupId: 'gA', phoneNumberId: 'A' }, { id: '2', groupId: 'gA', phoneNumberId: 'A' }], seen), {
      slots: createInMemorySubscriptionSlots({ maxPerSubject: 5 }),
    });
    const context = await contextFor(keyFor(['A']), () => (revoked ? null : keyFor(['A'])));
    const stream = (await subscribe({ schema, document: parse('subscription { groupEvents(groupId: "gA") { id } }'), contextValue: context })) as AsyncIterableIterator<ExecutionResult>;
    expect((await stream.next()).value.data).toEqual({ groupEvents: { id: '1' } });
    revoked = true;
    const ended = await stream.next();
    expect(codes(ended.value as ExecutionResult)).toEqual(['FORBIDDEN']);
    expect((await stream.next()).done).toBe(true);
    expect(seen.returned).toBe(1);
  });

  it('refuses a restricted key a subscription to a foreign group, and a subscription over the per-key cap', async () => {
    const seen = { args: [] as unknown[], returned: 0 };
    const slots = createInMemorySubscriptionSlots({ maxPerSubject: 1 });
    const schema = guardSchema(fakeSchema([{ id: '1', groupId: 'gA', phoneNumberId: 'A' }], seen), { slots });
    const context = await contextFor(keyFor(['A']));
    const foreign = (await subscribe({ schema, document: parse('subscription { groupEvents(groupId: "gB") { id } }'), contextValue: context })) as ExecutionResult;
    expect(codes(foreign)).toEqual(['FORBIDDEN']);
    const first = (await subscribe({ schema, document: parse('subscription { groupEvents(groupId: "gA") { id } }'), contextValue: context })) as AsyncIterableIterator<ExecutionResult>;
    const second = (await subscribe({ schema, document: parse('subscription { groupEvents(groupId: "gA") { id } }'), contextValue: context })) as ExecutionResult;
    expect(second.errors?.[0]?.extensions).toEqual({ code: 'RATE_LIMITED', limit: 'subscriptions', maximum: 1 });
    await first.return?.();
    expect(await slots.acquire('k')).toEqual(expect.any(Function)); // the ended stream gave its slot back
    const several = await contextFor(keyFor(['A', 'B']));
    const unfiltered = (await subscribe({ schema, document: parse('subscription { groupEvents { id } }'), contextValue: several })) as ExecutionResult;
    expect(unfiltered.errors?.[0]?.message).toMatch(/pass `groupId` or `phoneNumberId`/);
  });

  it('detaches a source\'s feed while the subscription keeps its slot until return()', async () => {
    const seen = { args: [] as unknown[], returned: 0 };
    const slots = createInMemorySubscriptionSlots({ maxPerSubject: 1 });
    const schema = guardSchema(fakeSchema([{ id: '1', groupId: 'gA', phoneNumberId: 'A' }], seen), { slots });
    const document = parse('subscription { groupEvents(groupId: "gA") { id } }');
    const source = await createSourceEventStream({ schema, document, contextValue: await contextFor(keyFor(['A'])) });
    if (!canDetachFeed(source)) throw new Error('expected a detachable source');
    expect(await source[DETACH_FEED]()).toBe(true);
    expect(seen.returned).toBe(1); // the feed (the event stream) is gone
    expect(await slots.acquire('k')).toBeNull(); // the slot is not
    expect(await source[DETACH_FEED]()).toBe(false);
    await (source as unknown as AsyncIterator<unknown>).return?.();
    expect(seen.returned).toBe(1); // not returned twice
    expect(await slots.acquire('k')).toEqual(expect.any(Function));
  });
});
