import type { Logger } from '../lib/logger';
import { createSilentLogger } from '../lib/logger';
import { once } from '../lib/disposable';
import type { EventBus } from './event-bus';
import { assertChannels, createListenerTable, EventBusDisposedError } from './bus-listeners';

export interface InMemoryEventBusOptions {
  /** Where a throwing listener is reported. @default a silent logger */
  logger?: Logger;
}

/**
 * The bus of a single instance (no REDIS_URL). Delivery is asynchronous, like Redis: publish() queues the
 * message and returns; listeners run on a microtask, one message at a time, in publish order — also for
 * messages published from inside a listener.
 */
export function createInMemoryEventBus(options: InMemoryEventBusOptions = {}): EventBus {
  const table = createListenerTable(options.logger ?? createSilentLogger());
  const queue: { channel: string; message: string }[] = [];
  let draining = false;
  let disposed = false;

  function drain(): void {
    try {
      for (let next = queue.shift(); next !== undefined; next = queue.shift()) table.deliver(next.channel, next.message);
    } finally {
      draining = false;
    }
  }

  const disposer = once(async () => {
    disposed = true;
    queue.length = 0;
    table.clear();
  });

  return {
    async publish(channel, message) {
      if (disposed) throw new EventBusDisposedError('publish');
      queue.push({ channel, message });
      if (!draining) {
        draining = true;
        queueMicrotask(drain);
      }
    },
    async subscribe(channels, listener) {
      assertChannels(channels);
      if (disposed) throw new EventBusDisposedError('subscribe');
      const subscription = { listener };
      table.add(channels, subscription);
      return async function unsubscribe() {
        table.remove(channels, subscription);
      };
    },
    async ping() {
      if (disposed) throw new EventBusDisposedError('ping');
    },
    dispose: disposer.dispose,
  };
}
