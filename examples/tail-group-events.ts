// Tails one group's events into a JSON Lines file and resumes where it stopped: after a restart, a dropped
// connection or the server cutting a slow reader it subscribes again with `after` = the last cursor it wrote, so
// every event lands in the file once, in order. The cursor is kept in <out>.cursor, written after each event.
//
//   npx tsx examples/tail-group-events.ts --group <group id> --out events.jsonl [--url ws://localhost:4000/graphql]
//   (API_KEY=<key> in the environment when the gateway's GATEWAY_AUTH is on)
import { appendFileSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const { values: args } = parseArgs({
  options: { url: { type: 'string', default: 'ws://localhost:4000/graphql' }, group: { type: 'string' }, out: { type: 'string' } },
});
if (args.group === undefined || args.out === undefined) {
  console.error('usage: tail-group-events --group <group id> --out <file.jsonl> [--url ws://host/graphql]');
  process.exit(2);
}
const out = args.out;
const cursorFile = `${out}.cursor`;

const TAIL = `subscription Tail($groupId: ID!, $after: String) {
  groupEvents(groupId: $groupId, after: $after) {
    id cursor type occurredAt source
    ... on ParticipantsAddedEvent { participants { waId username } }
    ... on MessageReceivedEvent { text from { waId } }
  }
}`;
type GroupEvent = { id: string; cursor: string; type: string } & Record<string, unknown>;
type GraphQLErrorLike = { message: string; extensions?: { code?: unknown; retryAfterSeconds?: unknown } };
/** What to do after a subscription ended. */
type Next = { resubscribe: true; waitMs: number } | { resubscribe: false; exitCode: number };

let cursor: string | null = existsSync(cursorFile) ? readFileSync(cursorFile, 'utf8').trim() || null : null;
let failures = 0; // consecutive, for the backoff; reset by each connection and each event

const client = createClient({
  url: args.url,
  webSocketImpl: WebSocket, // Node's own WebSocket works too (Node 22+); `ws` also runs on older versions
  connectionParams: process.env.API_KEY === undefined ? {} : { authorization: `Bearer ${process.env.API_KEY}` },
  retryAttempts: 0, // reconnecting is ours: a resubscription must carry the newest cursor, not the first one
  on: { connected: () => (failures = 0) },
});

function save(event: GroupEvent): void {
  appendFileSync(out, `${JSON.stringify(event)}\n`);
  writeFileSync(`${cursorFile}.tmp`, event.cursor); // then rename: a crash never leaves half a cursor
  renameSync(`${cursorFile}.tmp`, cursorFile);
  cursor = event.cursor;
  failures = 0;
}

/** Exponential backoff with full jitter: 0.5 s, 1 s, 2 s, ... at most 30 s. */
const backoff = (): Next => ({ resubscribe: true, waitMs: Math.random() * Math.min(30_000, 500 * 2 ** failures++) });

function afterErrors(errors: readonly GraphQLErrorLike[]): Next {
  const [error] = errors;
  switch (error?.extensions?.code) {
    case 'SUBSCRIBER_TOO_SLOW': // we fell behind; the log kept every event: continue after the last one written
      console.warn(`fell behind the live stream; resuming after cursor ${cursor}`);
      return { resubscribe: true, waitMs: 0 };
    case 'CURSOR_EXPIRED': // older than the server's event log: what came in between is gone
      console.warn(`cursor ${cursor} is past the event log's retention; starting again from now (events in between are missed)`);
      cursor = null;
      return { resubscribe: true, waitMs: 0 };
    case 'RATE_LIMITED': {
      const seconds = typeof error.extensions.retryAfterSeconds === 'number' ? error.extensions.retryAfterSeconds : 1;
      console.warn(`rate limited: ${error.message}; retrying in ${seconds} s`);
      return { resubscribe: true, waitMs: seconds * 1000 };
    }
    case 'UNAUTHENTICATED':
    case 'FORBIDDEN':
    case 'BAD_USER_INPUT':
    case 'GRAPHQL_VALIDATION_FAILED': // retrying cannot fix these: a person must
      console.error(`giving up: ${String(error.extensions.code)}: ${error.message}`);
      return { resubscribe: false, exitCode: 1 };
    default: // INTERNAL_SERVER_ERROR, UPSTREAM_UNAVAILABLE, ...: probably transient
      console.warn(`subscription failed (${String(error?.extensions?.code)}: ${error?.message}); retrying`);
      return backoff();
  }
}

function afterFailure(failure: unknown): Next {
  if (Array.isArray(failure)) return afterErrors(failure as GraphQLErrorLike[]); // the server refused the operation
  const close = failure as { code?: unknown; reason?: unknown };
  if (close.code === 4401 || close.code === 4403) {
    console.error(`giving up: the gateway closed the connection (${close.code}: ${String(close.reason)}); check API_KEY`);
    return { resubscribe: false, exitCode: 1 };
  }
  console.warn(`connection lost (${String(close.code ?? (failure as Error).message)}); reconnecting`);
  return backoff(); // socket closed, gateway restarting, network down
}

function subscribeOnce(): Promise<Next> {
  return new Promise((resolve) => {
    const unsubscribe = client.subscribe<{ groupEvents: GroupEvent }>(
      { query: TAIL, variables: { groupId: args.group, after: cursor } },
      {
        next: (result) => {
          if (result.errors !== undefined && result.errors.length > 0) resolve(afterErrors(result.errors));
          else if (result.data) save(result.data.groupEvents);
        },
        error: (failure) => resolve(afterFailure(failure)),
        complete: () => resolve({ resubscribe: true, waitMs: 0 }), // ended by the server (e.g. an instance stopping)
      },
    );
    process.once('SIGINT', () => (unsubscribe(), resolve({ resubscribe: false, exitCode: 0 })));
    process.once('SIGTERM', () => (unsubscribe(), resolve({ resubscribe: false, exitCode: 0 })));
  });
}

async function main(): Promise<number> {
  console.warn(`tailing group ${args.group} into ${out}${cursor === null ? '' : ` after cursor ${cursor}`}`);
  for (;;) {
    const next = await subscribeOnce();
    process.removeAllListeners('SIGINT').removeAllListeners('SIGTERM');
    if (!next.resubscribe) return next.exitCode;
    await new Promise((wake) => setTimeout(wake, next.waitMs));
  }
}

main().then(
  async (code) => {
    await client.dispose();
    process.exit(code);
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
