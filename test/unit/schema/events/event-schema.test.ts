import type { GraphQLSchema } from 'graphql';
import { GraphQLEnumType, GraphQLInterfaceType, GraphQLObjectType, isNonNullType } from 'graphql';
import { EVENT_SOURCES, GROUP_EVENT_TYPES, REQUEST_ID_EVENT_TYPES } from '../../../../src/events/event-model';
import { GROUP_EVENT_OBJECT_TYPES, toGroupEvent } from '../../../../src/schema/events/group-event-kinds';
import { makeEvent } from '../../../helpers/events';
import { buildEventsSchema } from '../../../helpers/events-schema-harness';

/** The contract's name of each kind's object type: GROUP_CREATED → GroupCreatedEvent. */
const GROUP_EVENT_TYPE_NAMES = Object.fromEntries(
  GROUP_EVENT_TYPES.map((type) => [type, `${type.toLowerCase().replace(/(?:^|_)([a-z])/g, (_match, letter: string) => letter.toUpperCase())}Event`]),
);

describe('event schema fragment', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildEventsSchema();
  });

  function enumValues(name: string): string[] {
    const type = schema.getType(name);
    if (!(type instanceof GraphQLEnumType)) throw new Error(`${name} is not an enum`);
    return type.getValues().map((value) => value.value as string);
  }

  it('has the contract enums with exactly the event model values', () => {
    expect(enumValues('GroupEventType')).toEqual([...GROUP_EVENT_TYPES]);
    expect(enumValues('EventSource')).toEqual([...EVENT_SOURCES]);
    expect(enumValues('ParticipantChangeInitiator')).toEqual(['BUSINESS', 'PARTICIPANT', 'UNKNOWN']);
    expect(enumValues('MessageDeliveryStatus')).toEqual(['SENT', 'DELIVERED', 'READ', 'PLAYED', 'FAILED', 'DELETED', 'PENDING']);
  });

  it('declares the GroupEvent interface with the contract fields and their nullability', () => {
    const groupEvent = schema.getType('GroupEvent');
    expect(groupEvent).toBeInstanceOf(GraphQLInterfaceType);
    const fields = (groupEvent as GraphQLInterfaceType).getFields();
    const shape = Object.fromEntries(Object.values(fields).map((field) => [field.name, field.type.toString()]));
    expect(shape).toEqual({
      id: 'ID!',
      cursor: 'String!',
      type: 'GroupEventType!',
      groupId: 'ID',
      phoneNumberId: 'ID',
      occurredAt: 'DateTime!',
      receivedAt: 'DateTime!',
      source: 'EventSource!',
      raw: 'JSON',
      group: 'Group',
    });
  });

  it('puts requestId on the kinds a write can cause, and only there, resolved from the stored event', () => {
    const withRequestId = GROUP_EVENT_TYPES.filter((type) => {
      const objectType = schema.getType(GROUP_EVENT_TYPE_NAMES[type] ?? '') as GraphQLObjectType;
      return objectType.getFields().requestId !== undefined;
    });
    expect(withRequestId).toEqual([...REQUEST_ID_EVENT_TYPES]);
    expect(withRequestId).not.toContain('MESSAGE_RECEIVED');
    expect(withRequestId).not.toContain('MESSAGE_STATUS_UPDATED');
    for (const type of REQUEST_ID_EVENT_TYPES) {
      const objectType = schema.getType(GROUP_EVENT_TYPE_NAMES[type] ?? '') as GraphQLObjectType;
      expect(objectType.getFields().requestId?.type.toString()).toBe('String');
      expect(toGroupEvent({ ...makeEvent({ type, requestId: 'req-7' }), cursor: 'c' })).toMatchObject({ requestId: 'req-7' });
    }
    expect(toGroupEvent({ ...makeEvent({ type: 'MESSAGE_RECEIVED' }), cursor: 'c' })).not.toHaveProperty('requestId');
  });

  it('has one object type per event kind, implementing GroupEvent, named as resolveType answers', () => {
    const implementations = schema.getPossibleTypes(schema.getType('GroupEvent') as GraphQLInterfaceType).map((type) => type.name);
    expect(implementations.sort()).toEqual(Object.values(GROUP_EVENT_TYPE_NAMES).sort());
    for (const type of GROUP_EVENT_TYPES) {
      expect(GROUP_EVENT_OBJECT_TYPES[type].type.name).toBe(GROUP_EVENT_TYPE_NAMES[type]);
    }
  });

  it('resolves the concrete type of every kind of event from its `type`', async () => {
    const resolveType = (schema.getType('GroupEvent') as GraphQLInterfaceType).resolveType;
    if (resolveType == null) throw new Error('GroupEvent has no resolveType');
    for (const type of GROUP_EVENT_TYPES) {
      const node = toGroupEvent({ ...makeEvent({ type }), cursor: 'c' });
      const resolved = await resolveType(node, {}, {} as never, schema.getType('GroupEvent') as GraphQLInterfaceType);
      expect(resolved).toBe(GROUP_EVENT_TYPE_NAMES[type]);
      expect(schema.getType(resolved as string)).toBeInstanceOf(GraphQLObjectType);
    }
  });

  it('exposes groupEvents as a query (Relay page) and a subscription, and operationUpdated', () => {
    const query = schema.getQueryType()?.getFields().groupEvents;
    const subscription = schema.getSubscriptionType()?.getFields();
    const argsOf = (field: { args: readonly { name: string; type: { toString(): string } }[] } | undefined) =>
      Object.fromEntries((field?.args ?? []).map((arg) => [arg.name, arg.type.toString()]));

    expect(query?.type.toString()).toBe('GroupEventConnection!');
    expect(argsOf(query)).toEqual({ groupId: 'ID', phoneNumberId: 'ID', types: '[GroupEventType!]', after: 'String', first: 'Int' });
    expect(subscription?.groupEvents.type.toString()).toBe('GroupEvent!');
    expect(argsOf(subscription?.groupEvents)).toEqual({ groupId: 'ID', phoneNumberId: 'ID', types: '[GroupEventType!]', after: 'String' });
    expect(subscription?.operationUpdated.type.toString()).toBe('GroupOperation!');
    expect(argsOf(subscription?.operationUpdated)).toEqual({ id: 'ID!' });

    const connection = schema.getType('GroupEventConnection') as GraphQLObjectType;
    expect(Object.keys(connection.getFields())).toEqual(['edges', 'nodes', 'pageInfo']);
    expect((schema.getType('GroupEventEdge') as GraphQLObjectType).getFields().node.type.toString()).toBe('GroupEvent!');
  });

  it('gives fields that share a name across event types one type, so one selection can ask for them all', () => {
    const byName = new Map<string, Set<string>>();
    for (const name of Object.values(GROUP_EVENT_TYPE_NAMES)) {
      for (const field of Object.values((schema.getType(name) as GraphQLObjectType).getFields())) {
        byName.set(field.name, (byName.get(field.name) ?? new Set()).add(field.type.toString()));
      }
    }
    const conflicts = [...byName].filter(([, types]) => types.size > 1);
    expect(conflicts).toEqual([]);
    expect(isNonNullType((schema.getType('ParticipantsRemovedEvent') as GraphQLObjectType).getFields().failedParticipants.type)).toBe(true);
  });
});
