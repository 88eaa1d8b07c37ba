import type { ChannelStreamOptions } from '../../../../src/events/stream/channel-stream';
import { createChannelStream } from '../../../../src/events/stream/channel-stream';
import { createInMemoryEventBus } from '../../../../src/events/in-memory-event-bus';
import { SubscriberTooSlowError } from '../../../../src/events/subscriber-too-slow-error';
import { createDeferred } from '../../../../src/lib/deferred';
import { createSilentLogger } from '../../../../src/lib/logger';
import type { TrackedBus } from '../../../helpers/stream-harness';
import { createTrackedBus } from '../../../helpers/stream-harness';

interface Version {
  n: number;
  final?: boolean;
}

describe('createChannelStream', () => {
  let tracked: TrackedBus;
  beforeEach(() => {
    tracked = createTrackedBus(createInMemoryEventBus());
  });
  afterEach(() => tracked.bus.dispose());

  const publish = (value: Version | string) => tracked.bus.publish('ch', typeof value === 'string' ? value : JSON.stringify(value));

  function open(options: Partial<ChannelStreamOptions<Version>> = {}) {
    return createChannelStream<Version>({
      bus: tracked.bus,
      channel: 'ch',
      queueLimit: 10,
      logger: createSilentLogger(),
      decode: (message) => JSON.parse(message) as Version,
      supersedes: (value, last) => value.n > last.n,
      isFinal: (value) => value.final === true,
      ...options,
    });
  }

  it('sends the state read after subscribing, then what arrived meanwhile if newer, then live values, and ends after a final one', async () => {
    const reading = createDeferred<Version | null>();
    const stream = open({ initial: () => reading.promise });
    await tracked.whenListeners(1);
    await publish({ n: 1 }); // older than the state about to be read: dropped
    await publish({ n: 3 }); // newer: kept
    reading.resolve({ n: 2 });
    await stream.ready;
    await publish('not json');
    await publish({ n: 4, final: true });
    await publish({ n: 5 });

    const values: Version[] = [];
    for await (const value of stream) values.push(value);

    expect(values).toEqual([{ n: 2 }, { n: 3 }, { n: 4, final: true }]);
    expect(tracked.activeListeners()).toBe(0);
  });

  it('ends with SubscriberTooSlowError when more than queueLimit values wait, and unsubscribes', async () => {
    const stream = open({ queueLimit: 2 });
    await stream.ready;
    for (let n = 1; n <= 3; n++) await publish({ n });
    await publish({ n: 99 });
    await tracked.whenListeners(0);

    await expect(stream.next()).rejects.toBeInstanceOf(SubscriberTooSlowError);
    expect(await stream.next()).toEqual({ value: undefined, done: true });
  });

  it('tells its observer once when it starts and once when it ends, with why: returned, finished, too slow or failed', async () => {
    const seen: string[] = [];
    const observer = {
      started: (stream: { queued: number }) => void seen.push(`started ${stream.queued}`),
      ended: (_stream: { queued: number }, reason: string) => void seen.push(`ended ${reason}`),
    };
    const returned = open({ observer });
    await returned.ready;
    await publish({ n: 1 });
    await returned.return();
    const finished = open({ observer });
    await finished.ready;
    await publish({ n: 2, final: true });
    for await (const _value of finished) void _value;
    const slow = open({ observer, queueLimit: 2 });
    await slow.ready;
    for (let n = 1; n <= 3; n++) await publish({ n });
    await expect(slow.next()).rejects.toBeInstanceOf(SubscriberTooSlowError);
    const failing = open({ observer, initial: async () => Promise.reject(new Error('store down')) });
    await expect(failing.ready).rejects.toThrow('store down');
    await failing.return();
    expect(seen).toEqual(['started 0', 'ended returned', 'started 0', 'ended returned', 'started 0', 'ended too_slow', 'started 0', 'ended failed']);
  });

  it('fails with the error of the initial read, and return() before the subscription is confirmed releases it', async () => {
    const failing = open({ initial: async () => Promise.reject(new Error('store down')) });
    await expect(failing.ready).rejects.toThrow('store down');
    await expect(failing.next()).rejects.toThrow('store down');
    await tracked.whenListeners(0);

    const release = tracked.holdSubscriptions();
    const early = open();
    const returned = early.return();
    release();
    expect(await returned).toEqual({ value: undefined, done: true });
    expect(tracked.activeListeners()).toBe(0);
  });
});
