/** Frees one slot. Idempotent. */
export type SlotRelease = () => void;

/** Per-key count of live subscriptions: across every instance when shared through Redis, else on this instance. */
export interface SubscriptionSlots {
  /** A release function, or null when the subject already holds the maximum. A store it cannot reach admits (logged). */
  acquire(subject: string): Promise<SlotRelease | null>;
  readonly maxPerSubject: number;
  /** Stops renewing and frees the slots this instance still holds. */
  dispose(): Promise<void>;
}

export function assertMaxPerSubject(maxPerSubject: number, factory: string): void {
  if (!Number.isInteger(maxPerSubject) || maxPerSubject < 1) {
    throw new TypeError(`${factory} expects maxPerSubject to be an integer >= 1, got ${JSON.stringify(maxPerSubject)}; pass config.limits.maxSubscriptionsPerKey`);
  }
}

/**
 * Reserve before the subscription starts, release when its iterator ends (graphql-ws' own pattern for operation
 * ids). This one counts on this instance only: for a single instance, or when no Redis is configured.
 */
export function createInMemorySubscriptionSlots(options: { maxPerSubject: number }): SubscriptionSlots {
  const { maxPerSubject } = options;
  assertMaxPerSubject(maxPerSubject, 'createInMemorySubscriptionSlots');
  const held = new Map<string, number>();
  return {
    maxPerSubject,
    async acquire(subject) {
      const count = held.get(subject) ?? 0;
      if (count >= maxPerSubject) return null;
      held.set(subject, count + 1);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        const left = (held.get(subject) ?? 1) - 1;
        if (left <= 0) held.delete(subject);
        else held.set(subject, left);
      };
    },
    async dispose() {
      held.clear();
    },
  };
}
