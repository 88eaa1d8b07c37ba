import type { EventBus } from '../../../src/events/event-bus';
import { createInMemoryEventBus } from '../../../src/events/in-memory-event-bus';
import { createTopics } from '../../../src/events/topics';
import { createDeferred } from '../../../src/lib/deferred';
import { createInMemoryOperationStore } from '../../../src/operations/in-memory-operation-store';
import type { OperationStore } from '../../../src/operations/operation-store';
import { publishOperation } from '../../../src/operations/operation-publisher';
import { awaitOperation } from '../../../src/operations/operation-tracker';

const topics = createTopics('t:');

describe('awaitOperation', () => {
  let operations: OperationStore;
  let bus: EventBus;

  beforeEach(async () => {
    operations = createInMemoryOperationStore({ ttlSeconds: 60 });
    bus = createInMemoryEventBus();
    await operations.create({ id: 'op-1', kind: 'CREATE_GROUP', phoneNumberId: 'p', groupId: null, input: {} });
  });
  afterEach(async () => {
    await bus.dispose();
  });

  const complete = async () => {
    const { record } = await operations.complete('op-1', { status: 'SUCCEEDED', groupId: 'g' });
    await publishOperation(bus, topics, record!);
  };

  it('answers an operation that already completed at once, and null for an unknown one', async () => {
    await complete();
    await expect(awaitOperation({ operations, bus, topics, id: 'op-1', timeoutMs: 60_000 })).resolves.toMatchObject({ status: 'SUCCEEDED' });
    await expect(awaitOperation({ operations, bus, topics, id: 'nope', timeoutMs: 60_000 })).resolves.toBeNull();
  });

  it('waits for the completion published on the operation channel', async () => {
    const readPending = createDeferred();
    const store = { get: async (id: string) => operations.get(id).finally(() => readPending.resolve()) };
    const waiting = awaitOperation({ operations: store, bus, topics, id: 'op-1', timeoutMs: 60_000 });
    await readPending.promise;
    await complete();
    await expect(waiting).resolves.toMatchObject({ id: 'op-1', status: 'SUCCEEDED', groupId: 'g' });
  });

  it('subscribes before it reads, so a completion between the two is not missed', async () => {
    const order: string[] = [];
    const tracedBus: Pick<EventBus, 'subscribe'> = {
      subscribe: async (channels, listener) => {
        const unsubscribe = await bus.subscribe(channels, listener);
        order.push('subscribed');
        await complete(); // lands after the subscription, before the read
        return unsubscribe;
      },
    };
    const tracedStore = { get: async (id: string) => (order.push('read'), operations.get(id)) };
    await expect(awaitOperation({ operations: tracedStore, bus: tracedBus, topics, id: 'op-1', timeoutMs: 60_000 })).resolves.toMatchObject({ status: 'SUCCEEDED' });
    expect(order).toEqual(['subscribed', 'read']);
  });

  it('answers the operation as stored once the wait is over, and unsubscribes', async () => {
    let unsubscribed = false;
    const countingBus: Pick<EventBus, 'subscribe'> = {
      subscribe: async (channels, listener) => {
        const unsubscribe = await bus.subscribe(channels, listener);
        return async () => {
          unsubscribed = true;
          await unsubscribe();
        };
      },
    };
    await expect(awaitOperation({ operations, bus: countingBus, topics, id: 'op-1', timeoutMs: 0 })).resolves.toMatchObject({ status: 'PENDING' });
    expect(unsubscribed).toBe(true);
  });

  it('refuses a negative or non-finite wait', async () => {
    await expect(awaitOperation({ operations, bus, topics, id: 'op-1', timeoutMs: -1 })).rejects.toThrow('awaitOperation expects timeoutMs to be a finite number >= 0, got -1');
  });
});
