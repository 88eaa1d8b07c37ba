import type { RedisClient } from './redis-client';
import { decodeEventBody } from './event-codec';
import { eventTypeCode } from './event-type-codes';
import type { StoredEvent } from './event-model';
import type { EventLogPage } from './event-log';
import { encodeCursor, formatPosition, parsePosition } from './event-cursor';
import type { ReadPlan } from './event-log-support';
import { toStoredEvent } from './event-log-support';
import { parseStreamName } from './log-streams';
import type { EventLogKeys } from './redis-event-log-keys';
import { BODIES_SCRIPT, READ_SCRIPT } from './redis-event-log.scripts';

/** Entries one read script call may look at before handing back (bounds the time Redis is busy). */
const SCAN_BUDGET = 2_000;

/**
 * The read path of the Redis event log: a group filter scans the group's stream (bodies included); a phone or no
 * filter scans that index and resolves its references to bodies with one script call per group stream (slot), all in
 * flight together. Filters run inside Redis, in bounded scans.
 */
export function createRedisEventLogReader(options: { redis: RedisClient; keys: EventLogKeys }): (plan: ReadPlan) => Promise<EventLogPage> {
  const { redis, keys } = options;

  /** One bounded scan of a stream: matching entries' ids with the requested fields. */
  async function scan(key: string, start: string, wanted: number, phoneFilter: string, types: readonly string[], fields: readonly string[]) {
    const reply = await READ_SCRIPT.runBuffer(redis, [key], [start, wanted, SCAN_BUDGET, phoneFilter, types.length, ...types, fields.length, ...fields]);
    if (!Array.isArray(reply) || reply.length !== 3 || !Array.isArray(reply[0])) throw new Error('Unexpected event log read reply');
    const flat = reply[0] as Buffer[];
    const found: { id: string; values: Buffer[] }[] = [];
    for (let i = 0; i + fields.length < flat.length; i += 1 + fields.length) found.push({ id: flat[i]!.toString(), values: flat.slice(i + 1, i + 1 + fields.length) });
    return { found, last: String(reply[1]), exhausted: Number(String(reply[2])) === 1 };
  }

  /** Bodies of index references, one script call per home stream (slot), all in flight together. */
  async function resolve(references: readonly { home: string; id: string }[]): Promise<(string | null)[]> {
    const byHome = new Map<string, number[]>();
    references.forEach((reference, i) => byHome.set(reference.home, [...(byHome.get(reference.home) ?? []), i]));
    const bodies: (string | null)[] = references.map(() => null);
    await Promise.all(
      [...byHome].map(async ([name, positions]) => {
        const home = parseStreamName(name);
        if (home === null || (home.kind !== 'group' && home.kind !== 'ungrouped')) return;
        const reply = await BODIES_SCRIPT.runBuffer(redis, [keys.home(home)], positions.map((i) => references[i]!.id));
        if (!Array.isArray(reply)) throw new Error('Unexpected event log bodies reply');
        positions.forEach((position, j) => {
          const body = reply[j] as Buffer | null;
          bodies[position] = body === null ? null : decodeEventBody(body);
        });
      }),
    );
    return bodies;
  }

  async function read(plan: ReadPlan): Promise<EventLogPage> {
    const { stream } = plan;
    const fromHome = stream.kind === 'group' || stream.kind === 'ungrouped';
    const key = fromHome ? keys.home(stream) : keys.index(stream);
    // A home stream carries the phone number, so a group + phone filter is checked while scanning the group.
    const phoneFilter = fromHome && plan.phoneNumberId !== null ? plan.phoneNumberId : '';
    // Entries store the type's number: the filter is sent as numbers.
    const types = plan.types === null ? [] : [...plan.types].map(eventTypeCode);
    const events: StoredEvent[] = [];
    let start = plan.after === null ? formatPosition(plan.oldest) : `(${formatPosition(plan.after)}`;
    for (;;) {
      const { found, last, exhausted } = await scan(key, start, plan.limit + 1 - events.length, phoneFilter, types, fromHome ? ['b'] : ['h', 'i']);
      const jsons = fromHome
        ? found.map(({ values }) => decodeEventBody(values[0]!))
        : await resolve(found.map(({ values }) => ({ home: values[0]!.toString(), id: values[1]!.toString() })));
      found.forEach(({ id }, i) => {
        const position = parsePosition(id);
        const json = jsons[i];
        // A reference whose home entry is gone (retention trims each stream on its own) is skipped.
        if (position !== null && json !== null && json !== undefined) events.push(toStoredEvent(json, encodeCursor(stream, position)));
      });
      if (events.length > plan.limit || exhausted || last === '') break;
      start = `(${last}`;
    }
    return { events: events.slice(0, plan.limit), hasMore: events.length > plan.limit };
  }

  return read;
}
