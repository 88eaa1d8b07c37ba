import { createTestRedis, testRedisTargets, uniquePrefix } from '../../helpers/redis';
import type { EventBus } from '../../../src/events/event-bus';
import { createInMemoryEventBus } from '../../../src/events/in-memory-event-bus';
import { createRedisEventBus } from '../../../src/events/redis-event-bus';
import { EventBusDisposedError } from '../../../src/events/bus-listeners';
import type { Logger } from '../../../src/lib/logger';
import { createCapturingLogger } from '../../helpers/logs';
import { createMessageRecorder } from './bus-recorder';
import { openTargetConnections, subscriberCount } from './redis-harness';

interface BusHarness {
  bus: EventBus;
  /** How many transport-level subscribers the channel has (Redis PUBSUB NUMSUB); null when not observable. */
  transportSubscribers(channel: string): Promise<number | null>;
  dispose(): Promise<void>;
}

const implementations: [string, (logger: Logger) => Promise<BusHarness>][] = [
  [
    'in-memory',
    async (logger) => {
      const bus = createInMemoryEventBus({ logger });
      return { bus, transportSubscribers: async () => null, dispose: () => bus.dispose() };
    },
  ],
  ...testRedisTargets().map(([name, target]): [string, (logger: Logger) => Promise<BusHarness>] => [
    name,
    async (logger) => {
      const connections = await openTargetConnections(target, { logger });
      const bus = createRedisEventBus({ publisher: connections.commands, subscriber: connections.subscriber, logger });
      return {
        bus,
        transportSubscribers: (channel) => subscriberCount(connections.commands, channel),
        async dispose() {
          await bus.dispose();
          await connections.dispose();
        },
      };
    },
  ]),
];

/** Asserts the transport-level subscription count where the transport exposes one (Redis). */
async function expectTransportSubscribers(harness: BusHarness, channel: string, expected: number): Promise<void> {
  const actual = await harness.transportSubscribers(channel);
  if (actual !== null) expect(actual).toBe(expected);
}

describe.each(implementations)('EventBus (%s)', (_name, createHarness) => {
  let harness: BusHarness;
  let logs: ReturnType<typeof createCapturingLogger>;
  let prefix: string;

  beforeEach(async () => {
    logs = createCapturingLogger();
    harness = await createHarness(logs.logger);
    prefix = uniquePrefix('bus');
  });
  afterEach(() => harness.dispose());

  it('delivers a message published right after subscribe resolves', async () => {
    const recorder = createMessageRecorder();
    await harness.bus.subscribe([`${prefix}a`], recorder.listener);
    await harness.bus.publish(`${prefix}a`, 'first');
    expect(await recorder.waitFor(1)).toEqual([{ channel: `${prefix}a`, message: 'first' }]);
  });

  it('delivers the messages of each channel in publish order', async () => {
    const recorder = createMessageRecorder();
    await harness.bus.subscribe([`${prefix}a`, `${prefix}b`], recorder.listener);
    const expectedA = Array.from({ length: 40 }, (_, i) => `a${i}`);
    const expectedB = Array.from({ length: 40 }, (_, i) => `b${i}`);
    await Promise.all(expectedA.flatMap((a, i) => [harness.bus.publish(`${prefix}a`, a), harness.bus.publish(`${prefix}b`, expectedB[i])]));
    await recorder.waitFor(80);
    expect(recorder.on(`${prefix}a`)).toEqual(expectedA);
    expect(recorder.on(`${prefix}b`)).toEqual(expectedB);
  });

  it('keeps a channel subscribed until its last listener leaves', async () => {
    const channel = `${prefix}shared`;
    const first = createMessageRecorder();
    const second = createMessageRecorder();
    const sentinel = createMessageRecorder();
    await harness.bus.subscribe([`${prefix}sentinel`], sentinel.listener);
    const unsubscribeFirst = await harness.bus.subscribe([channel], first.listener);
    const unsubscribeSecond = await harness.bus.subscribe([channel], second.listener);
    await expectTransportSubscribers(harness, channel, 1); // one transport subscription, shared

    await unsubscribeFirst();
    await harness.bus.publish(channel, 'after-first-left');
    await second.waitFor(1);
    await expectTransportSubscribers(harness, channel, 1);

    await unsubscribeSecond();
    await expectTransportSubscribers(harness, channel, 0);
    await harness.bus.publish(channel, 'nobody-listens');
    // Messages to one subscriber arrive in publish order across channels: once the sentinel is in, nothing else is coming.
    await harness.bus.publish(`${prefix}sentinel`, 'done');
    await sentinel.waitFor(1);
    expect(first.messages).toEqual([]);
    expect(second.messages.map((m) => m.message)).toEqual(['after-first-left']);
  });

  it('treats the same function subscribed twice as two subscriptions', async () => {
    const recorder = createMessageRecorder();
    const unsubscribeOnce = await harness.bus.subscribe([`${prefix}x`], recorder.listener);
    await harness.bus.subscribe([`${prefix}x`], recorder.listener);
    await harness.bus.publish(`${prefix}x`, 'twice');
    await recorder.waitFor(2);
    await unsubscribeOnce();
    await unsubscribeOnce(); // idempotent: must not remove the other subscription
    await harness.bus.publish(`${prefix}x`, 'once');
    await recorder.waitFor(3);
    expect(recorder.messages.map((m) => m.message)).toEqual(['twice', 'twice', 'once']);
    await expectTransportSubscribers(harness, `${prefix}x`, 1);
  });

  it('resubscribes a channel whose last listener left while a new one joins', async () => {
    const channel = `${prefix}churn`;
    const leaving = createMessageRecorder();
    const joining = createMessageRecorder();
    const unsubscribe = await harness.bus.subscribe([channel], leaving.listener);
    await Promise.all([unsubscribe(), harness.bus.subscribe([channel], joining.listener)]);
    await harness.bus.publish(channel, 'still-live');
    await joining.waitFor(1);
    expect(leaving.messages).toEqual([]);
    await expectTransportSubscribers(harness, channel, 1);
  });

  it('isolates a listener that throws and logs it', async () => {
    const healthy = createMessageRecorder();
    let thrown = 0;
    await harness.bus.subscribe([`${prefix}t`], () => {
      thrown++;
      throw new Error('listener bug');
    });
    await harness.bus.subscribe([`${prefix}t`], healthy.listener);
    await harness.bus.publish(`${prefix}t`, 'one');
    await harness.bus.publish(`${prefix}t`, 'two');
    await healthy.waitFor(2);
    expect(healthy.messages.map((m) => m.message)).toEqual(['one', 'two']);
    expect(thrown).toBe(2);
    const errors = logs.lines().filter((line) => line.msg === 'Event bus listener threw; other listeners still get the message');
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatchObject({ level: 50, channel: `${prefix}t`, err: { message: 'listener bug' } });
  });

  it('unsubscribes every channel on dispose, once, and refuses use afterwards', async () => {
    const recorder = createMessageRecorder();
    await harness.bus.subscribe([`${prefix}d1`, `${prefix}d2`], recorder.listener);
    await harness.bus.subscribe([`${prefix}d3`], recorder.listener);
    await Promise.all([harness.bus.dispose(), harness.bus.dispose()]);
    await harness.bus.dispose();
    for (const channel of ['d1', 'd2', 'd3']) await expectTransportSubscribers(harness, `${prefix}${channel}`, 0);
    await expect(harness.bus.publish(`${prefix}d1`, 'late')).rejects.toBeInstanceOf(EventBusDisposedError);
    await expect(harness.bus.subscribe([`${prefix}d1`], recorder.listener)).rejects.toBeInstanceOf(EventBusDisposedError);
    await expect(harness.bus.ping()).rejects.toBeInstanceOf(EventBusDisposedError);
    expect(recorder.messages).toEqual([]);
  });

  it('rejects a subscription without channels, saying how to fix it', async () => {
    await expect(harness.bus.subscribe([], () => undefined)).rejects.toThrow(
      'EventBus.subscribe expects a non-empty array of non-empty channel names, got []; build channel names with createTopics().',
    );
  });

  it('answers ping while usable', async () => {
    await expect(harness.bus.ping()).resolves.toBeUndefined();
  });
});

describe.each(testRedisTargets())('EventBus (%s, across instances)', (_name, target) => {
  it('lets two instances on their own connections see each other’s messages', async () => {
    const prefix = uniquePrefix('bus2');
    const [a, b] = await Promise.all([openTargetConnections(target), openTargetConnections(target)]);
    const logger = createCapturingLogger().logger;
    const busA = createRedisEventBus({ publisher: a.commands, subscriber: a.subscriber, logger });
    const busB = createRedisEventBus({ publisher: b.commands, subscriber: b.subscriber, logger });
    const probe = createTestRedis(prefix, target);
    try {
      const onA = createMessageRecorder();
      const onB = createMessageRecorder();
      await busA.subscribe([`${prefix}c`], onA.listener);
      await busB.subscribe([`${prefix}c`], onB.listener);
      expect(await subscriberCount(probe.redis, `${prefix}c`)).toBe(2);
      await busA.publish(`${prefix}c`, 'from-a');
      await busB.publish(`${prefix}c`, 'from-b');
      expect((await onA.waitFor(2)).map((m) => m.message)).toEqual(['from-a', 'from-b']);
      expect((await onB.waitFor(2)).map((m) => m.message)).toEqual(['from-a', 'from-b']);
      await busA.dispose();
      expect(await subscriberCount(probe.redis, `${prefix}c`)).toBe(1);
      // Borrowed connections stay open after the bus is gone.
      expect(a.commands.status).toBe('ready');
      expect(await a.commands.ping()).toBe('PONG');
    } finally {
      await busA.dispose();
      await busB.dispose();
      await Promise.all([a.dispose(), b.dispose(), probe.dispose()]);
    }
  });
});
