import type Redis from 'ioredis';
import { decodeEventBody } from './event-codec';
import { cursorPrefix } from './event-cursor';
import type { EventLogKeys } from './redis-event-log-keys';
import { homeName } from './redis-event-log-keys';
import { INDEX_SCRIPT } from './redis-event-log.scripts';
import type { HomeStream, IndexStream } from './log-streams';

/** One home stream entry as the index step sees it. */
export interface IndexEntry {
  /** Its id in the home stream. */
  id: string;
  /** The home id right before it, or "?" when not known (a duplicate's: the index step then checks it was indexed). */
  previous: string;
  /** False: the entry is stepped over, not referenced (it belongs to another phone number's index). */
  include: boolean;
  /** The type's stored number (event-type-codes.ts), copied into the reference for the read filter. */
  type: string;
  json: string;
}

export interface IndexStepOptions {
  keys: EventLogKeys;
  nowMs: number;
  retentionMs: number;
  publishCommand: 'PUBLISH' | 'SPUBLISH';
  channel: string;
  /** Tells which home entries belong in this index (their phone number), for entries read back from the home stream. */
  belongs: (phoneNumberId: string) => boolean;
}

/** Entries one gap repair reads from the home stream at a time. */
const REPAIR_PAGE = 500;
/** Gap repairs one step tries before giving up (each one only when another instance indexed in between). */
const MAX_REPAIRS = 5;

/**
 * Adds one home stream's entries to one index, on `node` (the master of the index's slot). When the index is behind
 * the home stream (another instance appended the same group concurrently, or a crash stopped an earlier append between
 * its steps), the entries in between are read from the home stream (on `homeNode`) and indexed first, in order.
 */
export async function indexEntries(
  node: Redis,
  homeNode: Redis,
  home: HomeStream,
  index: IndexStream,
  entries: readonly IndexEntry[],
  options: IndexStepOptions,
): Promise<void> {
  let pending = entries;
  for (let attempt = 0; ; attempt++) {
    const reply = await runIndex(node, home, index, pending, options);
    if (reply.ok) return;
    if (attempt >= MAX_REPAIRS) throw new Error(`event log index ${homeName(home)} → ${index.kind}: still behind after ${MAX_REPAIRS} repairs`);
    const target = entries[entries.length - 1]!.id;
    pending = await readHomeAfter(homeNode, home, reply.progress, target, options);
    if (pending.length === 0) throw new Error(`event log index ${homeName(home)} → ${index.kind}: no home entries after ${reply.progress || 'the start'} up to ${target}`);
  }
}

async function runIndex(node: Redis, home: HomeStream, index: IndexStream, entries: readonly IndexEntry[], options: IndexStepOptions): Promise<{ ok: true } | { ok: false; progress: string }> {
  const args: (string | number)[] = [options.nowMs, options.retentionMs, options.publishCommand, options.channel, cursorPrefix(index), homeName(home), entries.length];
  for (const entry of entries) args.push(entry.id, entry.previous, entry.include ? 1 : 0, entry.type, entry.json);
  const reply = await INDEX_SCRIPT.run(node, [options.keys.index(index), options.keys.progress(index)], args);
  if (!Array.isArray(reply) || (reply[0] !== 'ok' && reply[0] !== 'gap')) throw new Error(`Unexpected index reply: ${JSON.stringify(reply)}`);
  return reply[0] === 'ok' ? { ok: true } : { ok: false, progress: String(reply[1]) };
}

/** Every home entry after `progress` up to `target`, chained (each one's previous is the one before), progress first. */
async function readHomeAfter(homeNode: Redis, home: HomeStream, progress: string, target: string, options: IndexStepOptions): Promise<IndexEntry[]> {
  const entries: IndexEntry[] = [];
  let start = progress === '' ? '-' : `(${progress}`;
  let previous = progress;
  for (;;) {
    const page = await homeNode.xrangeBuffer(options.keys.home(home), start, target, 'COUNT', REPAIR_PAGE);
    for (const [idBuffer, fields] of page) {
      const id = idBuffer.toString();
      const record = fieldsOf(fields);
      const type = record.get('t')?.toString() ?? '';
      const body = record.get('b');
      const phone = record.get('p')?.toString() ?? '';
      entries.push({ id, previous, include: body !== undefined && options.belongs(phone), type, json: body === undefined ? '' : decodeEventBody(body) });
      previous = id;
    }
    if (page.length < REPAIR_PAGE) return entries;
    start = `(${previous}`;
  }
}

function fieldsOf(fields: Buffer[]): Map<string, Buffer> {
  const record = new Map<string, Buffer>();
  for (let i = 0; i + 1 < fields.length; i += 2) record.set(fields[i]!.toString(), fields[i + 1]!);
  return record;
}
