import type { ExecutionArgs, ExecutionResult } from 'graphql';
import { buildSchema, parse } from 'graphql';
import WebSocket from 'ws';
import { encodeCursor } from '../../../src/events/event-cursor';
import { DETACH_FEED, FEED_CAUGHT_UP } from '../../../src/lib/detachable-feed';
import { createLogger } from '../../../src/lib/logger';
import { createTurnBudget } from '../../../src/lib/turn-budget';
import type { BroadcastTarget } from '../../../src/server/ws-broadcast';
import { createWsBroadcast } from '../../../src/server/ws-broadcast';

interface Payload {
  cursor: string;
  groupEvents: { id: string; cursor: string };
}

const cursorOf = (n: number): string => encodeCursor({ kind: 'group', id: 'g1' }, { ms: 1_000 + n, seq: 0 });
const eventOf = (n: number): Payload => ({ cursor: cursorOf(n), groupEvents: { id: `e${n}`, cursor: cursorOf(n) } });

/** A source the test feeds by hand, detachable and reporting catch-up like the guarded event stream. */
function fakeSource(caughtUpAfter: string | null) {
  const queued: Payload[] = [];
  let waiting: ((result: IteratorResult<Payload>) => void) | null = null;
  const source = {
    detached: false,
    push(payload: Payload) {
      if (source.detached) return;
      if (waiting === null) queued.push(payload);
      else {
        const resolve = waiting;
        waiting = null;
        resolve({ value: payload, done: false });
      }
    },
    next: (): Promise<IteratorResult<Payload>> => new Promise((resolve) => (queued.length > 0 ? resolve({ value: queued.shift()!, done: false }) : (waiting = resolve))),
    return: async (): Promise<IteratorResult<Payload>> => {
      waiting?.({ value: undefined, done: true });
      return { value: undefined, done: true };
    },
    [DETACH_FEED]: async () => ((source.detached = true), true),
    [FEED_CAUGHT_UP]: () => (caughtUpAfter === undefined ? null : { after: caughtUpAfter }),
    [Symbol.asyncIterator]: () => source,
  };
  return source;
}

/** A socket as the broadcast sees it: open, nothing buffered, no extension, its TCP stream recording frames. */
function fakeSocket() {
  const frames: string[] = [];
  const socket = { readyState: WebSocket.OPEN, bufferedAmount: 0, extensions: '', _socket: { writableEnded: false, writableLength: 0, write: (frame: Buffer) => frames.push(frame.subarray(2).toString('utf8')) } };
  return { socket: socket as unknown as WebSocket, frames };
}

describe('createWsBroadcast: a replaying subscription handing over to a running group', () => {
  it('skips what the group still holds up to the last event its own stream gave it', async () => {
    const schema = buildSchema('type Query { x: Int } type Event { id: ID cursor: String } type Subscription { groupEvents(after: String): Event }');
    const sources: ReturnType<typeof fakeSource>[] = [];
    schema.getSubscriptionType()!.getFields().groupEvents!.subscribe = () => sources.shift();
    const document = parse('subscription($after: String) { groupEvents(after: $after) { id } }');
    const targets = new Map<ExecutionArgs, BroadcastTarget>();
    const broadcast = createWsBroadcast({
      keyOf: (args) => JSON.stringify(args.variableValues ?? {}),
      targetOf: (args) => targets.get(args) ?? null,
      subscribe: () => Promise.reject(new Error('not on the per-subscriber path')),
      map: () => {
        throw new Error('a caught-up subscription does not replay on its own');
      },
      format: (result) => result as ExecutionResult<Record<string, unknown>>,
      turnBudget: createTurnBudget({ sliceMs: 100 }),
      queueLimit: 100,
      onWritten: () => undefined,
      logger: createLogger({ level: 'silent' }),
    });
    const subscribe = async (id: string, variableValues: Record<string, unknown>, socket: WebSocket) => {
      const args: ExecutionArgs = { schema, document, variableValues };
      targets.set(args, { socket, id });
      const iterator = (await broadcast.subscribe(args)) as AsyncGenerator<ExecutionResult>;
      void iterator.next(); // graphql-ws asks for the first result at once
      return iterator;
    };

    const live = fakeSocket();
    const groupSource = fakeSource(null);
    sources.push(groupSource);
    const a = await subscribe('a', {}, live.socket);
    // The replaying subscription's own stream has given it events 1 and 2 and holds nothing more.
    const resumed = fakeSocket();
    const ownSource = fakeSource(cursorOf(2));
    sources.push(ownSource);
    const r = await subscribe('r', { after: cursorOf(0) }, resumed.socket);
    expect(broadcast.stats()).toMatchObject({ groups: 1, members: 2, caughtUp: 1 });
    expect(ownSource.detached).toBe(true);

    // The group had not taken events 1 and 2 yet: the member that joined gets only what comes after them.
    for (const n of [1, 2, 3, 4]) groupSource.push(eventOf(n));
    const idsIn = (frames: string[]) => frames.map((frame) => (JSON.parse(frame) as { payload: { data: { groupEvents: { id: string } } } }).payload.data.groupEvents.id);
    while (live.frames.length < 4) await new Promise((resolve) => setImmediate(resolve));
    expect(idsIn(live.frames)).toEqual(['e1', 'e2', 'e3', 'e4']);
    expect(idsIn(resumed.frames)).toEqual(['e3', 'e4']);

    await Promise.all([a.return(undefined), r.return(undefined)]);
    await broadcast.whenIdle();
  });
});
