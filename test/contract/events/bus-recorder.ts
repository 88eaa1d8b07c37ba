import type { BusListener } from '../../../src/events/event-bus';

export interface Recorded {
  channel: string;
  message: string;
}

export interface MessageRecorder {
  readonly messages: Recorded[];
  readonly listener: BusListener;
  /** Resolves once `count` messages have arrived in total. */
  waitFor(count: number): Promise<Recorded[]>;
  /** Resolves once a message with this exact text has arrived. */
  waitForMessage(message: string): Promise<void>;
  on(channel: string): string[];
}

/** Records what a bus listener receives; tests wait on arrivals, never on time. */
export function createMessageRecorder(): MessageRecorder {
  const messages: Recorded[] = [];
  const waiters: { ready: () => boolean; resolve: () => void }[] = [];
  const settle = () => {
    for (const waiter of [...waiters]) {
      if (!waiter.ready()) continue;
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  };
  const wait = (ready: () => boolean) =>
    new Promise<void>((resolve) => {
      waiters.push({ ready, resolve });
      settle();
    });
  return {
    messages,
    listener(channel, message) {
      messages.push({ channel, message });
      settle();
    },
    async waitFor(count) {
      await wait(() => messages.length >= count);
      return messages.slice(0, count);
    },
    waitForMessage: (message) => wait(() => messages.some((m) => m.message === message)),
    on: (channel) => messages.filter((m) => m.channel === channel).map((m) => m.message),
  };
}
