import { GROUP_EVENT_TYPES } from '../../../src/events/event-model';
import { EVENT_TYPE_CODES, eventTypeCode } from '../../../src/events/event-type-codes';

/**
 * The numbers are in stored Redis entries for the whole retention and read by every instance of a rolling deploy:
 * this pins them. Adding a type appends a line here with the next number; changing or reusing one is a bug.
 */
describe('event type codes', () => {
  it('keeps every stored number as it was frozen', () => {
    expect(EVENT_TYPE_CODES).toEqual({
      GROUP_CREATED: 0,
      GROUP_CREATE_FAILED: 1,
      GROUP_DELETED: 2,
      GROUP_DELETE_FAILED: 3,
      PARTICIPANTS_ADDED: 4,
      PARTICIPANTS_REMOVED: 5,
      PARTICIPANTS_PROMOTED: 6,
      PARTICIPANTS_DEMOTED: 7,
      JOIN_REQUEST_CREATED: 8,
      JOIN_REQUEST_REVOKED: 9,
      SETTINGS_UPDATED: 10,
      GROUP_SUSPENDED: 11,
      GROUP_SUSPENSION_CLEARED: 12,
      MESSAGE_RECEIVED: 13,
      MESSAGE_STATUS_UPDATED: 14,
    });
    expect(Object.isFrozen(EVENT_TYPE_CODES)).toBe(true);
  });

  it('gives every type a number of its own', () => {
    expect(Object.keys(EVENT_TYPE_CODES).sort()).toEqual([...GROUP_EVENT_TYPES].sort());
    const numbers = Object.values(EVENT_TYPE_CODES);
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('stores a type as its number in decimal, and refuses a name that is not a type', () => {
    expect(eventTypeCode('MESSAGE_RECEIVED')).toBe('13');
    expect(() => eventTypeCode('MESSAGE_SENT' as never)).toThrow(/got "MESSAGE_SENT".*next number in EVENT_TYPE_CODES/);
  });
});
