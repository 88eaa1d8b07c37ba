import { createClient } from 'graphql-sse';
import { startTcpProxy } from '../../helpers/tcp-proxy';
import type { TestGateway } from '../../helpers/test-gateway';
import { bearer, startSecureGateway } from '../../helpers/secure-gateway';
import { SANDBOX_PHONE_A as PHONE_A, SANDBOX_PHONE_B as PHONE_B } from '../../helpers/constants';
import { freshGroupId, postDelivery, postJoin, textMessagesDelivery } from '../../helpers/meta-deliveries';
import { openEventSource, openRawStream } from './sse-client';

jest.setTimeout(60_000);

const LIVE = 'subscription Live($groupId: ID, $phoneNumberId: ID, $after: String) { groupEvents(groupId: $groupId, phoneNumberId: $phoneNumberId, after: $after) { id cursor groupId phoneNumberId } }';

interface LiveEvent {
  id: string;
  cursor: string;
  groupId: string;
  phoneNumberId: string | null;
}

/** A group's stored events, oldest first, read as the tenant's key over HTTP. */
async function storedEvents(t: TestGateway, groupId: string): Promise<{ id: string; cursor: string }[]> {
  const page = await t.query<{ groupEvents: { nodes: { id: string; cursor: string }[] } }, { groupId: string }>(
    'query($groupId: ID) { groupEvents(groupId: $groupId, first: 100) { nodes { id cursor } } }',
    { groupId },
    { headers: bearer('tenantA') },
  );
  if (page.body.data == null) throw new Error(`groupEvents failed: ${JSON.stringify(page.body)}`);
  return page.body.data.groupEvents.nodes;
}

function streamUrl(base: string, variables: Record<string, unknown>): string {
  const search = new URLSearchParams({ query: LIVE, variables: JSON.stringify(variables) });
  return `${base}/graphql/stream?${search.toString()}`;
}

describe('GraphQL over SSE on /graphql/stream', () => {
  let t: TestGateway;

  beforeAll(async () => {
    t = await startSecureGateway();
  });
  afterAll(async () => {
    await t.dispose();
  });

  it('an EventSource gets each event with its cursor as id, and after a cut resumes with Last-Event-ID: every missed event once, none twice', async () => {
    const groupId = freshGroupId('sse-resume');
    await postJoin(t.url, groupId, 0); // the gateway learns the group's number (tenancy) from its first webhook
    const port = Number(new URL(t.url).port);
    const proxy = await startTcpProxy({ host: '127.0.0.1', port });
    const source = openEventSource(streamUrl(`http://127.0.0.1:${proxy.port}`, { groupId }), bearer('tenantA'));
    try {
      // The response (hence 'open') comes once the subscription is live.
      await source.until((line) => line.kind === 'open');
      for (let index = 1; index <= 3; index++) await postJoin(t.url, groupId, index);
      await source.until((line) => line.kind === 'next' && source.seen.filter((seen) => seen.kind === 'next').length === 3);

      await proxy.cut();
      for (let index = 4; index <= 6; index++) await postJoin(t.url, groupId, index);
      proxy.restore();
      const stored = (await storedEvents(t, groupId)).slice(1);
      expect(stored).toHaveLength(6);
      await source.until((line) => line.kind === 'next' && line.id === stored[5].cursor);

      const nexts = source.seen.filter((line) => line.kind === 'next');
      expect(nexts.map((line) => line.id)).toEqual(stored.map((event) => event.cursor));
      expect(nexts.map((line) => (line.data?.data as { groupEvents: LiveEvent }).groupEvents.id)).toEqual(stored.map((event) => event.id));
      // The reconnect carried the cursor of the last event received before the cut.
      expect(source.seen.filter((line) => line.kind === 'connect').slice(1).map((line) => line.lastEventId)).toContain(stored[2].cursor);
    } finally {
      await source.close();
      await proxy.dispose();
    }
  });

  it.each([
    ['distinct connections', false],
    ['single connection', true],
  ])('the graphql-sse client (%s mode) receives events in order', async (_mode, singleConnection) => {
    const groupId = freshGroupId('sse-client');
    await postJoin(t.url, groupId, 1000);
    const client = createClient({ url: `${t.url}/graphql/stream`, headers: bearer('tenantA'), singleConnection, retryAttempts: 0 });
    const iterator = client.iterate<{ groupEvents: LiveEvent }>({ query: LIVE, variables: { groupId } });
    try {
      const first = iterator.next();
      // The subscription starts on the first next(); posting until it sees one proves it is live.
      let posted = 0;
      const firstResult = await Promise.race([
        first,
        (async () => {
          for (; posted < 20; posted++) {
            await postJoin(t.url, groupId, posted);
            await new Promise<void>((resolve) => setImmediate(resolve));
          }
          return first;
        })(),
      ]);
      expect(firstResult.done).toBe(false);
      const received = [firstResult.value?.data?.groupEvents.id];
      const stored = await storedEvents(t, groupId);
      const firstIndex = stored.findIndex((event) => event.id === received[0]);
      expect(firstIndex).toBeGreaterThanOrEqual(0);
      await postJoin(t.url, groupId, 100);
      await postJoin(t.url, groupId, 101);
      const after = await storedEvents(t, groupId);
      while (received.length < after.length - firstIndex) {
        const result = await iterator.next();
        received.push(result.value?.data?.groupEvents.id);
      }
      expect(received).toEqual(after.slice(firstIndex).map((event) => event.id));
    } finally {
      await iterator.return?.();
      client.dispose();
    }
  });

  it("never delivers another number's events to a key restricted to its own number", async () => {
    const stream = await openRawStream(streamUrl(t.url, { phoneNumberId: PHONE_A }), bearer('tenantA'));
    try {
      const foreign = freshGroupId('sse-foreign');
      const own = freshGroupId('sse-own');
      await postDelivery(t.url, textMessagesDelivery({ groupId: foreign, count: 2, textBytes: 10, phoneNumberId: PHONE_B }).body);
      await postJoin(t.url, own, 0);
      await postJoin(t.url, own, 1);
      const eventOf = (message: { data: string }): LiveEvent => (JSON.parse(message.data) as { data: { groupEvents: LiveEvent } }).data.groupEvents;
      await stream.until((message) => message.event === 'next' && eventOf(message).groupId === own);
      // Other tests' events of number A may come too; none of number B's.
      expect(stream.seen.filter((message) => message.event === 'next').map((message) => eventOf(message).phoneNumberId)).not.toContain(PHONE_B);
      expect(stream.seen.filter((message) => message.event === 'next').map((message) => eventOf(message).groupId)).not.toContain(foreign);
    } finally {
      stream.response.destroy();
    }
  });

  it('refuses a request without a valid key with 401 before streaming', async () => {
    const response = await fetch(streamUrl(t.url, { phoneNumberId: PHONE_A }), { headers: { accept: 'text/event-stream' } });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});

describe('GraphQL over SSE when the gateway stops', () => {
  it('ends every open stream before the gateway has stopped', async () => {
    const t = await startSecureGateway();
    const groupId = freshGroupId('sse-stop');
    await postJoin(t.url, groupId, 1);
    const streams = await Promise.all([0, 1, 2].map(() => openRawStream(streamUrl(t.url, { groupId }), bearer('tenantA'))));
    await postJoin(t.url, groupId, 0);
    await Promise.all(streams.map((stream) => stream.until((message) => message.event === 'next')));
    expect(t.gateway.sse?.stats()).toMatchObject({ streams: 3 });
    await t.dispose();
    await Promise.all(streams.map((stream) => stream.ended));
    expect(t.gateway.sse?.stats().streams).toBe(0);
  });
});

describe('an SSE client that stops reading', () => {
  const QUEUE_LIMIT = 20;
  /** Deliveries posted at most until the server ends the stream (~40 MB; a few are needed): a bound. */
  const MAX_DELIVERIES = 64;
  const TEXTS = 'subscription Texts($groupId: ID) { groupEvents(groupId: $groupId) { id cursor ... on MessageReceivedEvent { text } } }';

  it('is ended SUBSCRIBER_TOO_SLOW once more than SUBSCRIBER_QUEUE_LIMIT events wait, the error coming after what its socket holds', async () => {
    const t = await startSecureGateway({ SUBSCRIBER_QUEUE_LIMIT: String(QUEUE_LIMIT) });
    try {
      const groupId = freshGroupId('sse-stall');
      await postJoin(t.url, groupId, 0);
      const search = new URLSearchParams({ query: TEXTS, variables: JSON.stringify({ groupId }) });
      const stream = await openRawStream(`${t.url}/graphql/stream?${search.toString()}`, bearer('tenantA'));
      await postJoin(t.url, groupId, 1);
      await stream.until((message) => message.event === 'next');

      // The client stops reading: the kernel buffers fill, the response needs draining, the operation stops pulling
      // events, and the event stream's queue overflows.
      stream.response.pause();
      const tooSlow = (line: Record<string, unknown>): boolean => line.msg === 'event subscriber too slow; stream ended and its queue released';
      for (let posted = 0; posted < MAX_DELIVERIES && !t.logs.some(tooSlow); posted++) {
        await postDelivery(t.url, textMessagesDelivery({ groupId, count: 20, textBytes: 32 * 1024 }).body);
      }
      await t.waitForLog(tooSlow);
      stream.response.resume();
      const failure = await stream.until((message) => message.event === 'next' && message.data.includes('SUBSCRIBER_TOO_SLOW'));
      const { errors } = JSON.parse(failure.data) as { errors: { extensions: { code: string; resumeAfter: string } }[] };
      expect(errors[0].extensions).toMatchObject({ code: 'SUBSCRIBER_TOO_SLOW', resumeAfter: expect.any(String) });
      await stream.until((message) => message.event === 'complete');
      await stream.ended;
    } finally {
      await t.dispose();
    }
  });
});
