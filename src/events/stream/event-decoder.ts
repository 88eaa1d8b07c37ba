import type { LogPosition } from '../event-cursor';
import { decodeCursor } from '../event-cursor';
import type { StoredEvent } from '../event-model';
import { GROUP_EVENT_TYPES } from '../event-model';

/** A stored event with its position in the stream of the channel or read it came from (one stream per event stream), so streams order and de-duplicate without decoding the cursor again. */
export interface DecodedEvent {
  /** Shared between every stream that received the same message: treat it as read-only. */
  readonly event: StoredEvent;
  readonly position: LogPosition;
}

/** Turns bus payloads (a StoredEvent as JSON) into events. */
export interface EventDecoder {
  /** Throws when the message is not a stored event this gateway published. */
  decode(message: string): DecodedEvent;
}

const KNOWN_TYPES: ReadonlySet<string> = new Set(GROUP_EVENT_TYPES);

/**
 * The bus hands the same message to every listener of a channel one after the other (and an event goes out on its
 * group, phone and all-events channels back to back), so remembering the last message parses each event once per
 * instance instead of once per subscriber. Share one decoder between the streams of an instance.
 */
export function createEventDecoder(options: { onDecoded?: () => void } = {}): EventDecoder {
  const { onDecoded } = options;
  let lastMessage: string | null = null;
  let lastDecoded: DecodedEvent | null = null;
  return {
    decode(message) {
      if (message === lastMessage && lastDecoded !== null) return lastDecoded;
      const decoded = decodePayload(message);
      onDecoded?.();
      lastMessage = message;
      lastDecoded = decoded;
      return decoded;
    },
  };
}

/** The position of an event read from the log. */
export function withPosition(event: StoredEvent): DecodedEvent {
  return { event, position: decodeCursor(event.cursor).position };
}

function decodePayload(message: string): DecodedEvent {
  const value: unknown = JSON.parse(message);
  if (!isStoredEvent(value)) {
    throw new TypeError(`Event bus message is not a stored event (expected an object with cursor, id, type, groupId): ${message.slice(0, 200)}`);
  }
  return withPosition(value);
}

function isStoredEvent(value: unknown): value is StoredEvent {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record.cursor === 'string' &&
    typeof record.id === 'string' &&
    typeof record.type === 'string' &&
    KNOWN_TYPES.has(record.type) &&
    // Only a create refused before its group existed has no group.
    (typeof record.groupId === 'string' || (record.groupId === null && record.type === 'GROUP_CREATE_FAILED')) &&
    (record.phoneNumberId === null || typeof record.phoneNumberId === 'string')
  );
}
