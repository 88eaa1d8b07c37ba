import { buildSchema, parse } from 'graphql';
import { startsNow } from '../../../src/server/starts-now';

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
