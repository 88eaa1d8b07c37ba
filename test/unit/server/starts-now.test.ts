import { buildSchema, parse } from 'graphql';
import { startsNow, withoutReplay } from '../../../src/server/starts-now';

const schema = buildSchema('type Query { x: Int } type Event { id: ID } type Subscription { groupEvents(groupId: ID, after: String): Event }');
const check = (query: string, variableValues?: Record<string, unknown>): boolean => startsNow({ schema, document: parse(query), variableValues });

describe('startsNow', () => {
  it('is true for a subscription without a cursor to replay from', () => {
    expect(check('subscription { groupEvents(groupId: "g") { id } }')).toBe(true);
    expect(check('subscription { groupEvents(groupId: "g", after: null) { id } }')).toBe(true);
    expect(check('subscription($after: String) { groupEvents(after: $after) { id } }', {})).toBe(true);
    expect(check('subscription($after: String) { groupEvents(after: $after) { id } }', { after: null })).toBe(true);
  });

  it('is false when `after` has a value: inline, as a variable or as a variable\'s default', () => {
    expect(check('subscription { groupEvents(after: "c1") { id } }')).toBe(false);
    expect(check('subscription($after: String) { groupEvents(after: $after) { id } }', { after: 'c1' })).toBe(false);
    expect(check('subscription($after: String = "c1") { groupEvents(after: $after) { id } }', {})).toBe(false);
  });

  it('is false for an operation it cannot find or a root given by fragment', () => {
    expect(check('subscription A { groupEvents { id } } subscription B { groupEvents { id } }')).toBe(false);
    expect(check('subscription { ...F } fragment F on Subscription { groupEvents { id } }')).toBe(false);
  });
});

describe('withoutReplay', () => {
  const strip = (query: string, variableValues?: Record<string, unknown>) => withoutReplay({ schema, document: parse(query), variableValues })?.variableValues ?? null;
  const REPLAY = 'subscription($groupId: ID, $after: String) { groupEvents(groupId: $groupId, after: $after) { id } }';

  it('removes the variable that feeds `after`, given or null, and keeps the others', () => {
    expect(strip(REPLAY, { groupId: 'g', after: 'c1' })).toEqual({ groupId: 'g' });
    expect(strip(REPLAY, { groupId: 'g', after: null })).toEqual({ groupId: 'g' });
    expect(strip(REPLAY, { groupId: 'g' })).toEqual({ groupId: 'g' });
  });

  it('leaves a subscription without a replay variable as it is', () => {
    expect(strip('subscription($groupId: ID) { groupEvents(groupId: $groupId) { id } }', { groupId: 'g' })).toEqual({ groupId: 'g' });
    expect(strip('subscription { groupEvents(groupId: "g", after: null) { id } }', {})).toEqual({});
  });

  it('refuses a literal cursor, a replay variable used anywhere else, and roots it cannot read', () => {
    expect(strip('subscription { groupEvents(after: "c1") { id } }')).toBeNull();
    expect(strip('subscription($after: String) { groupEvents(after: $after) { id } other: groupEvents(groupId: $after) { id } }', { after: 'c1' })).toBeNull();
    expect(strip('subscription { ...F } fragment F on Subscription { groupEvents { id } }')).toBeNull();
  });
});
