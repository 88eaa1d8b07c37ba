import type { ProtocolMessage } from '../../helpers/raw-ws-client';
import { observeEventStreams, stallUntilCut, useStalledSubscriberGateway } from '../../helpers/stalled-subscriber';
import { storedEvents } from '../../helpers/stored-events';
import { openWsClient, subscribe } from '../../helpers/ws-client';

jest.setTimeout(60_000);

const QUEUE_LIMIT = 20;
const MESSAGES_PER_DELIVERY = 20;
const TEXT_BYTES = 32 * 1024;
const MAX_DELIVERIES = 64;
/** Deliveries posted once the subscriber was cut, while its socket stays stalled (the soak test posts 40 and weighs the heap). */
const DELIVERIES_AFTER_CUT = 4;

const IDS = 'subscription Ids($groupId: ID!, $after: String) { groupEvents(groupId: $groupId, after: $after) { id } }';

const TOO_SLOW_LOG = 'event subscriber too slow; stream ended and its queue released';

/** Every event stream the resolvers create, observed (not altered) to read their backlog. */
const streams = observeEventStreams();

describe('a subscriber that stops reading its socket', () => {
  const setup = useStalledSubscriberGateway('subs-stall', QUEUE_LIMIT);

  it('is ended with SUBSCRIBER_TOO_SLOW once more than SUBSCRIBER_QUEUE_LIMIT events wait, holds nothing for it while events keep flowing, and it resumes from resumeAfter', async () => {
    const { t, redis, prefix } = setup;
    const stall = (setup.stall = await stallUntilCut({ t, redis, prefix, streams, messagesPerDelivery: MESSAGES_PER_DELIVERY, textBytes: TEXT_BYTES, maxDeliveries: MAX_DELIVERIES }));
    const { groupId, after, stalled, first, deliveriesToCut } = stall;
    expect(first).toMatchObject({ id: 's', type: 'next', payload: { data: { groupEvents: { cursor: expect.any(String) } } } });
    expect(stall.subscribersWhenPaused).toBe(1);

    // Events keep flowing to the group while the cut subscriber's socket is still stalled: nothing piles up for it.
    for (let i = 0; i < DELIVERIES_AFTER_CUT; i++) await stall.post();
    expect(streams).toHaveLength(1);
    expect(stall.largestBacklog()).toBeGreaterThan(0);
    expect(stall.largestBacklog()).toBeLessThanOrEqual(QUEUE_LIMIT);
    expect(streams[0].backlog).toEqual({ queued: 0, buffered: 0 });
    // Operators hear of it when it happens, not when the stalled client reads its way to the error.
    const tooSlow = await t.waitForLog((line) => line.msg === TOO_SLOW_LOG);
    expect(tooSlow).toMatchObject({ level: 40, queueLimit: QUEUE_LIMIT, filter: { groupId } });

    // Reading again, the client gets what the server had sent, then the error, then complete.
    stalled.socket.resume();
    const messages: ProtocolMessage[] = [first];
    for (let message = await stalled.next(); message.type !== 'complete'; message = await stalled.next()) messages.push(message);
    const failure = messages.pop()!;
    const log = await storedEvents(t.graphqlUrl, groupId, after);
    const received = messages.map((message) => (message.payload as { data: { groupEvents: { id: string; cursor: string } } }).data.groupEvents);
    // A prefix of the log: in order, no gap.
    expect(received.map((event) => event.id)).toEqual(log.slice(0, received.length).map((event) => event.id));
    expect(failure).toMatchObject({
      id: 's',
      type: 'next',
      payload: { errors: [{ path: ['groupEvents'], extensions: { code: 'SUBSCRIBER_TOO_SLOW', queueLimit: QUEUE_LIMIT, resumeAfter: received.at(-1)!.cursor } }] },
    });
    expect(tooSlow).toMatchObject({ resumeAfter: received.at(-1)!.cursor });
    // What reached the client is what the kernel and ws held before the cut: far fewer than were posted by then.
    expect(received.length).toBeLessThan(deliveriesToCut * MESSAGES_PER_DELIVERY);
    expect(t.gateway.ws!.stats()).toMatchObject({ subscriptions: 0, starting: 0 });

    // The client resumes from resumeAfter and gets the rest exactly once.
    const client = openWsClient({ url: t.graphqlUrl });
    const resumed = subscribe<{ id: string }>(client, { query: IDS, variables: { groupId, after: received.at(-1)!.cursor }, field: 'groupEvents' });
    const rest = await resumed.take(log.length - received.length);
    expect([...received, ...rest].map((event) => event.id)).toEqual(log.map((event) => event.id));
    resumed.stop();
    await client.dispose();
  });
});
