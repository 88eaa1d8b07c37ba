import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { encodeCursor } from '../../../src/events/event-cursor';
import { createTestRedis, testRedisUrl, uniquePrefix } from '../../helpers/redis';
import type { NodeProgram } from '../first-run/helpers/node-program';
import { startNodeProgram } from '../first-run/helpers/node-program';
import type { TestGateway } from '../../helpers/test-gateway';
import { startTestGateway } from '../../helpers/test-gateway';
import { KEYS, startSecureGateway } from '../../helpers/secure-gateway';

import { postMeta, textMessagesDelivery } from '../../helpers/meta-deliveries';
import { eventsIn, liveSubscriptions, storedEventIds, storedEvents, userWrites, waitUntil } from './helpers/example-harness';

jest.setTimeout(120_000);

const EXAMPLE = 'examples/tail-group-events.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tail-example-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function tail(t: TestGateway, groupId: string, out: string, env: Record<string, string> = {}): NodeProgram {
  return startNodeProgram(EXAMPLE, { args: ['--url', t.graphqlUrl.replace(/^http/, 'ws'), '--group', groupId, '--out', out], env });
}

const firstGroup = (t: TestGateway): string => t.sandbox.control.state().groups[0]!.id;

describe('examples/tail-group-events.ts against the sandbox', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway({ env: { SANDBOX_PORT: '0' } });
  });
  afterAll(() => t.dispose());

  it('writes each event once, in order, and resumes after the saved cursor when restarted', async () => {
    const groupId = firstGroup(t);
    const out = join(dir, 'restart.jsonl');
    const first = tail(t, groupId, out);
    await waitUntil('the tail to subscribe', () => liveSubscriptions(t) === 1);
    await userWrites(t, groupId, 'one');
    await userWrites(t, groupId, 'two');
    await waitUntil('two events in the file', () => eventsIn(out).length === 2);
    expect(await first.kill('SIGTERM')).toEqual({ code: 0, signal: null });

    await userWrites(t, groupId, 'three (while the tail is down)');
    await userWrites(t, groupId, 'four (while the tail is down)');
    const second = tail(t, groupId, out);
    await waitUntil('the missed events replayed', () => eventsIn(out).length === 4);
    await userWrites(t, groupId, 'five');
    await waitUntil('the live event', () => eventsIn(out).length === 5);
    await second.kill('SIGTERM');

    const written = eventsIn(out);
    expect(written.map((event) => event.text)).toEqual(['one', 'two', 'three (while the tail is down)', 'four (while the tail is down)', 'five']);
    expect(written.map((event) => event.id)).toEqual(await storedEventIds(t, groupId));
    expect(second.stderr()).toContain(`after cursor ${written[1]!.cursor}`);
  });

  it('starts again from now, with a warning, when its saved cursor is past the log retention (CURSOR_EXPIRED)', async () => {
    const groupId = t.sandbox.control.state().groups[1]!.id;
    const out = join(dir, 'expired.jsonl');
    const expired = encodeCursor({ kind: 'group', id: groupId }, { ms: 1, seq: 0 });
    writeFileSync(`${out}.cursor`, expired);
    const program = tail(t, groupId, out);
    await program.waitForStderr(`cursor ${expired} is past the event log's retention; starting again from now`);
    await waitUntil('the tail to subscribe again', () => liveSubscriptions(t) === 1);
    await userWrites(t, groupId, 'after the restart');
    await waitUntil('the event', () => eventsIn(out).length === 1);
    await program.kill('SIGTERM');
    expect(eventsIn(out).map((event) => event.text)).toEqual(['after the restart']);
  });

  it('resubscribes from its cursor when the gateway cuts it for falling behind (SUBSCRIBER_TOO_SLOW)', async () => {
    // A separate gateway with a short queue and no keep-alive (a stopped process answers no ping).
    const slow = await startTestGateway({ env: { SANDBOX_PORT: '0', SUBSCRIBER_QUEUE_LIMIT: '20', WS_KEEPALIVE_MS: '0' } });
    try {
      const groupId = firstGroup(slow);
      const out = join(dir, 'too-slow.jsonl');
      const program = tail(slow, groupId, out);
      await waitUntil('the tail to subscribe', () => liveSubscriptions(slow) === 1);
      await userWrites(slow, groupId, 'before the stall');
      await waitUntil('the first event', () => eventsIn(out).length === 1);

      // The tail stops reading (SIGSTOP): kernel buffers fill, then the gateway's queue for it overflows.
      program.signal('SIGSTOP');
      // Cut by its event stream's queue, or, as a live subscription on the broadcast path, by its socket's buffer.
      const cut = slow.waitForLog((line) => typeof line.msg === 'string' && / subscriber too slow; /.test(line.msg));
      let cutSeen = false;
      void cut.then(() => (cutSeen = true));
      for (let delivery = 0; !cutSeen; delivery++) {
        if (delivery === 64) throw new Error('the gateway never cut the stopped tail');
        const response = await postMeta(slow.url, textMessagesDelivery({ groupId, count: 20, textBytes: 32 * 1024 }).body);
        expect(response.status).toBe(200);
      }
      program.signal('SIGCONT');

      const stored = await storedEventIds(slow, groupId);
      await waitUntil(`all ${stored.length} events in the file`, () => eventsIn(out).length >= stored.length, 60_000);
      await program.waitForStderr('fell behind the live stream; resuming after cursor');
      await program.kill('SIGTERM');
      expect(eventsIn(out).map((event) => event.id)).toEqual(stored);
    } finally {
      await slow.dispose();
    }
  });
});

describe('examples/tail-group-events.ts with API keys', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startSecureGateway({ SANDBOX_PORT: '0', MAX_SUBSCRIPTIONS_PER_KEY: '1' });
  });
  afterAll(() => t.dispose());

  it('exits with a message for a wrong key (UNAUTHENTICATED: close 4401)', async () => {
    const program = tail(t, firstGroup(t), join(dir, 'unauthenticated.jsonl'), { API_KEY: 'wgg_not-a-key' });
    expect(await program.exited).toEqual({ code: 1, signal: null });
    expect(program.stderr()).toMatch(/giving up: the gateway closed the connection \(4401: .+\); check API_KEY/);
  });

  it('exits with a message for a key without the subscribe scope (FORBIDDEN)', async () => {
    const program = tail(t, firstGroup(t), join(dir, 'forbidden.jsonl'), { API_KEY: KEYS.noSubscribe.key });
    expect(await program.exited).toEqual({ code: 1, signal: null });
    expect(program.stderr()).toMatch(/giving up: FORBIDDEN: /);
  });

  it('waits and retries while its key holds no free subscription slot (RATE_LIMITED), then tails from its cursor', async () => {
    const groupId = firstGroup(t);
    await userWrites(t, groupId, 'already in the file');
    const [known] = await storedEvents(t, groupId);
    const out = join(dir, 'rate-limited.jsonl');
    writeFileSync(out, `${JSON.stringify({ ...known, text: 'already in the file' })}\n`);
    writeFileSync(`${out}.cursor`, known!.cursor);

    const holder = createClient({ url: t.graphqlUrl.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${KEYS.admin.key}` } });
    const held = holder.subscribe({ query: `subscription { groupEvents(groupId: "${groupId}") { id } }` }, { next: () => undefined, error: () => undefined, complete: () => undefined });
    await waitUntil('the holder to subscribe', () => liveSubscriptions(t) === 1);
    const program = tail(t, groupId, out, { API_KEY: KEYS.admin.key });
    await program.waitForStderr(/rate limited: This API key already holds 1 live subscriptions.*; retrying in 1 s/);
    await userWrites(t, groupId, 'while the tail waits for a slot');
    held();
    await holder.dispose();
    await waitUntil('the event written while it waited', () => eventsIn(out).length === 2);
    await program.kill('SIGTERM');
    expect(eventsIn(out).map((event) => event.text)).toEqual(['already in the file', 'while the tail waits for a slot']);
    expect(eventsIn(out).map((event) => event.id)).toEqual(await storedEventIds(t, groupId));
  });
});

describe('examples/tail-group-events.ts across a gateway restart', () => {
  const prefix = uniquePrefix('tail-example');
  afterAll(() => createTestRedis(prefix).dispose());

  it('reconnects with backoff while the gateway is down and continues after its cursor, no gap, no duplicate', async () => {
    const env = { SANDBOX_PORT: '0', REDIS_URL: testRedisUrl(), REDIS_KEY_PREFIX: prefix };
    const before = await startTestGateway({ env });
    const groupId = firstGroup(before);
    const out = join(dir, 'gateway-restart.jsonl');
    const program = tail(before, groupId, out);
    await waitUntil('the tail to subscribe', () => liveSubscriptions(before) === 1);
    await userWrites(before, groupId, 'before the restart');
    await waitUntil('the first event', () => eventsIn(out).length === 1);

    await before.dispose();
    await program.waitForStderr(/connection lost \(.+\); reconnecting/);
    const after = await startTestGateway({ env: { ...env, PORT: new URL(before.url).port } });
    try {
      await waitUntil('the tail to come back', () => liveSubscriptions(after) === 1, 60_000);
      await userWrites(after, groupId, 'after the restart');
      await waitUntil('the second event', () => eventsIn(out).length === 2);
      await program.kill('SIGTERM');
      expect(eventsIn(out).map((event) => event.text)).toEqual(['before the restart', 'after the restart']);
      expect(eventsIn(out).map((event) => event.id)).toEqual(await storedEventIds(after, groupId));
    } finally {
      await after.dispose();
    }
  });
});
