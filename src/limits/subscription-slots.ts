/** Per-key count of live subscriptions on this instance. */
export interface SubscriptionSlots {
  /** A release function (idempotent), or null when the subject already holds the maximum. */
  acquire(subject: string): (() => void) | null;
  held(subject: string): number;
  readonly maxPerSubject: number;
}

/**
 * Reserve before the subscription starts, release when its iterator ends (graphql-ws' own pattern for operation
 * ids). Counted per instance: connections live on one instance, and a crashed instance leaves nothing behind.
 */
export function createSubscriptionSlots(options: { maxPerSubject: number }): SubscriptionSlots {
  const { maxPerSubject } = options;
  if (!Number.isInteger(maxPerSubject) || maxPerSubject < 1) {
    throw new TypeError(`createSubscriptionSlots expects maxPerSubject to be an integer >= 1, got ${JSON.stringify(maxPerSubject)}; pass config.limits.maxSubscriptionsPerKey`);
  }
  const held = new Map<string, number>();
  return {
    maxPerSubject,
    acquire(subject) {
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
    held: (subject) => held.get(subject) ?? 0,
  };
}
