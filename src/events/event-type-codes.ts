import type { GroupEventType } from './event-model';

/**
 * The number each event type is stored as in the Redis event log (the `t` field of every stream entry): a 1-2 digit
 * integer, which a stream entry keeps in a byte or two where the name takes up to 24 (about 48 B saved per event over
 * its three entries; BENCHMARKS.md, scenario 13). Stored entries live for the retention, and instances of different
 * versions share them during a rolling deploy, so the table is frozen and append-only: a new type takes the next
 * unused number, a number is never reused or changed (test/unit/events/event-type-codes.test.ts pins it). `satisfies`
 * makes the compiler ask for a number when a type is added.
 */
export const EVENT_TYPE_CODES = Object.freeze({
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
} as const satisfies Readonly<Record<GroupEventType, number>>);

/** The stored form of a type (`t`), as Redis returns it: the number in decimal. */
export function eventTypeCode(type: GroupEventType): string {
  const code = (EVENT_TYPE_CODES as Readonly<Record<string, number>>)[type];
  if (code === undefined) {
    throw new TypeError(`eventTypeCode expects a group event type (${Object.keys(EVENT_TYPE_CODES).join(', ')}), got ${JSON.stringify(type)}; a new type needs the next number in EVENT_TYPE_CODES.`);
  }
  return String(code);
}
