import type { HomeStream, IndexStream, LogStream } from './log-streams';
import { slotTagOf, streamName } from './log-streams';

/**
 * Key names of the Redis event log, on one server and on a cluster alike. Each stream's keys carry its slot's hash
 * tag (log-streams.ts slotTagOf), so a group's stream and dedupe keys share a slot, and so do a phone number's index,
 * its progress hash and the stream of its events without a group:
 * - `<prefix>{g:<groupId>}:h`             a group's home stream (event bodies)
 * - `<prefix>{g:<groupId>}:d:<eventId>`   dedupe key (value: the event's id in its home stream), for the dedupe TTL
 * - `<prefix>{p:<phone>}:x`               a phone number's index stream (references)
 * - `<prefix>{p:<phone>}:i`               its progress hash: home stream name → last home id indexed
 * - `<prefix>{p:<phone>}:h`               the home stream of the phone's events without a group
 * - `<prefix>{a:}:x`, `<prefix>{a:}:i`     the all-events index and its progress hash
 */
export function eventLogKeys(keyPrefix: string) {
  const base = (stream: LogStream) => `${keyPrefix}${slotTagOf(stream)}:`;
  return {
    home: (stream: HomeStream) => `${base(stream)}h`,
    dedupe: (home: HomeStream, eventId: string) => `${base(home)}d:${eventId}`,
    index: (stream: IndexStream) => `${base(stream)}x`,
    progress: (stream: IndexStream) => `${base(stream)}i`,
  };
}

export type EventLogKeys = ReturnType<typeof eventLogKeys>;

/** The name an index reference gives its home stream (`g:<groupId>`, `u:<phone>`). */
export const homeName = (home: HomeStream): string => streamName(home);
