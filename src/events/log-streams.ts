/**
 * The streams of the event log, by what they hold. Each stream has its own positions, so a cursor names its stream.
 * - `group`: a group's home stream (the event bodies, in the group's slot `{g:<groupId>}`).
 * - `ungrouped`: the home stream of events without a group (a refused create), in the phone's slot (`id` = phone, or ""
 *   for none: then in the all-events slot).
 * - `phone`: a phone number's index (references to home stream entries), in the phone's slot `{p:<phoneNumberId>}`.
 * - `all`: the index of every event (reads without a group or phone filter), in the slot `{a}`.
 */
export type LogStream =
  | { readonly kind: 'group'; readonly id: string }
  | { readonly kind: 'ungrouped'; readonly id: string }
  | { readonly kind: 'phone'; readonly id: string }
  | { readonly kind: 'all' };

export type HomeStream = Extract<LogStream, { kind: 'group' | 'ungrouped' }>;
export type IndexStream = Extract<LogStream, { kind: 'phone' | 'all' }>;

const CODES = { group: 'g', ungrouped: 'u', phone: 'p', all: 'a' } as const;
const KINDS: Record<string, LogStream['kind']> = { g: 'group', u: 'ungrouped', p: 'phone', a: 'all' };

/** Where an event's body is stored. */
export function homeOf(event: { groupId: string | null; phoneNumberId: string | null }): HomeStream {
  return event.groupId !== null ? { kind: 'group', id: event.groupId } : { kind: 'ungrouped', id: event.phoneNumberId ?? '' };
}

/** The indexes that reference an event: its phone number's (when it has one), then the all-events index. */
export function indexesOf(event: { phoneNumberId: string | null }): IndexStream[] {
  return event.phoneNumberId === null ? [{ kind: 'all' }] : [{ kind: 'phone', id: event.phoneNumberId }, { kind: 'all' }];
}

/** The stream a read or subscription with this filter scans (and whose cursors it accepts): the narrowest one. */
export function streamForFilter(filter: { groupId?: string | null; phoneNumberId?: string | null }): LogStream {
  if (filter.groupId != null) return { kind: 'group', id: filter.groupId };
  if (filter.phoneNumberId != null) return { kind: 'phone', id: filter.phoneNumberId };
  return { kind: 'all' };
}

/** `g:<id>`, `u:<id>`, `p:<id>`, `a:`: the stream's name inside cursors, index references and hash tags. */
export function streamName(stream: LogStream): string {
  return `${CODES[stream.kind]}:${stream.kind === 'all' ? '' : stream.id}`;
}

/** The inverse of streamName; null for anything else. */
export function parseStreamName(name: string): LogStream | null {
  const kind = KINDS[name.slice(0, 1)];
  if (kind === undefined || name.charAt(1) !== ':') return null;
  const id = name.slice(2);
  if (kind === 'all') return id === '' ? { kind } : null;
  if (kind !== 'ungrouped' && id === '') return null;
  return { kind, id };
}

export function sameStream(a: LogStream, b: LogStream): boolean {
  return streamName(a) === streamName(b);
}

/** How a person would name the stream (error messages). */
export function describeStream(stream: LogStream): string {
  switch (stream.kind) {
    case 'group':
      return `the events of group "${stream.id}" (groupId filter)`;
    case 'phone':
      return `the events of phone number "${stream.id}" (phoneNumberId filter, no groupId)`;
    case 'all':
      return 'all events (no groupId or phoneNumberId filter)';
    case 'ungrouped':
      return `the events without a group of phone number "${stream.id}"`;
  }
}

/**
 * The hash tag of a stream's slot (`{g:<groupId>}`, `{p:<phone>}`, `{a:}`): every key one script touches and the channel
 * it publishes on carry it, so each script runs on one cluster node. Events without a group live in their phone's slot.
 */
export function slotTagOf(stream: LogStream): string {
  if (stream.kind === 'ungrouped') return slotTagOf(stream.id === '' ? { kind: 'all' } : { kind: 'phone', id: stream.id });
  return `{${streamName(stream)}}`;
}
