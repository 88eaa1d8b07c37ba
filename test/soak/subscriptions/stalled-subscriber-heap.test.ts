import { observeEventStreams, stallUntilCut, useStalledSubscriberGateway } from '../../helpers/stalled-subscriber';
import { settledHeapBytes } from '../helpers/process-footprint';

jest.setTimeout(60_000);

const QUEUE_LIMIT = 20;
const MESSAGES_PER_DELIVERY = 20;
const TEXT_BYTES = 32 * 1024;
/** Deliveries posted at most until the server cuts the subscriber (~40 MB; ~6 are needed here): a bound. */
const MAX_DELIVERIES = 64;
/** Deliveries posted once the subscriber was cut, while its socket stays stalled (~25 MB of events). */
const DELIVERIES_AFTER_CUT = 40;
const HEAP_GROWTH_LIMIT_BYTES = 4 * 1024 * 1024;

/** Every event stream the resolvers create, observed (not altered) to read their backlog. */
const streams = observeEventStreams();

/** The behaviour (SUBSCRIBER_TOO_SLOW, resume) is pinned by test/integration/subscriptions/stalled-subscriber.test.ts. */
describe('a subscriber that stops reading its socket', () => {
  const setup = useStalledSubscriberGateway('soak-stall', QUEUE_LIMIT);

  it('costs the server at most its queue until it is cut, and nothing while events keep flowing after', async () => {
    let heapBefore = 0;
    const { t, redis, prefix } = setup;
    const stall = (setup.stall = await stallUntilCut(
      { t, redis, prefix, streams, messagesPerDelivery: MESSAGES_PER_DELIVERY, textBytes: TEXT_BYTES, maxDeliveries: MAX_DELIVERIES },
      { paused: () => (heapBefore = settledHeapBytes()) },
    ));
    const heapAtCut = settledHeapBytes();

    for (let i = 0; i < DELIVERIES_AFTER_CUT; i++) await stall.post();
    const heapAfter = settledHeapBytes();
    expect(streams).toHaveLength(1);
    expect(streams[0].backlog).toEqual({ queued: 0, buffered: 0 });
    // Until the cut the server holds at most the queue (20 events of 32 KB) and one message in ws; after it, nothing.
    expect(heapAtCut - heapBefore).toBeLessThan(HEAP_GROWTH_LIMIT_BYTES);
    expect(DELIVERIES_AFTER_CUT * MESSAGES_PER_DELIVERY * TEXT_BYTES).toBeGreaterThan(6 * HEAP_GROWTH_LIMIT_BYTES);
    expect(heapAfter - heapAtCut).toBeLessThan(HEAP_GROWTH_LIMIT_BYTES);
  });
});
