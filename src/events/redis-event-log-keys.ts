import type { HomeStream, IndexStream, LogStream } from './log-streams';
import { slotTagOf, streamName } from './log-streams';

/**
 * Key names of the Redis event log, on one server and on a cluster alike. Each stream's keys carry its slot's hash
 * tag (log-streams.ts slotTagOf), so a group's stream and dedupe hashes share a slot, and so do a phone number's index,
 * its progress hash and the stream of its events without a group:
 * - `<prefix>{g:<groupId>}:h`             a group's home stream (event bodies)
 * - `<prefix>{g:<groupId>}:d:<day>`       its dedupe hash for one day (days since the epoch, by the appending
 *                                         instance's clock): field dedupeField(eventId), value the event's id in the
 *                                         home stream; it expires the dedupe TTL after its day ends
 * - `<prefix>{p:<phone>}:x`               a phone number's index stream (references)
 * - `<prefix>{p:<phone>}:i`               its progress hash: home stream name → last home id indexed
 * - `<prefix>{p:<phone>}:h`               the home stream of the phone's events without a group
 * - `<prefix>{a:}:x`, `<prefix>{a:}:i`     the all-events index and its progress hash
 */
export function eventLogKeys(keyPrefix: string) {
  const base = (stream: LogStream) => `${keyPrefix}${slotTagOf(stream)}:`;
  return {
    home: (stream: HomeStream) => `${base(stream)}h`,
    dedupe: (home: HomeStream, day: number) => `${base(home)}d:${day}`,
    index: (stream: IndexStream) => `${base(stream)}x`,
    progress: (stream: IndexStream) => `${base(stream)}i`,
  };
}

export type EventLogKeys = ReturnType<typeof eventLogKeys>;

/** The name an index reference gives its home stream (`g:<groupId>`, `u:<phone>`). */
export const homeName = (home: HomeStream): string => streamName(home);

/** Length of a day bucket of the dedupe hashes. */
export const DEDUPE_DAY_MS = 86_400_000;

/** What `eventId()` makes: `evt_` and 32 characters of a SHA-256 (base64url). */
const HASHED_ID = /^evt_([A-Za-z0-9_-]{32})$/;

/**
 * An event's field in a dedupe hash: the digest of an id that eventId() made, without its constant `evt_` (4 B less
 * per event, and a 32-character field fits Redis' compact hash encoding), any other id whole. Still exact: two ids
 * map to one field only if they are equal.
 */
export function dedupeField(eventId: string): string {
  return HASHED_ID.exec(eventId)?.[1] ?? `=${eventId}`;
}
