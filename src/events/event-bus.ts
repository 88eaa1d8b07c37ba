import type { Disposable } from '../lib/disposable';

export type BusListener = (channel: string, message: string) => void;

/**
 * Fan-out of messages to every gateway instance. Implementations: in-memory (one process) and Redis pub/sub.
 * Messages on one channel are delivered to a listener in publish order.
 */
export interface EventBus extends Disposable {
  /** Resolves once the message is handed to the transport; rejects when the transport is down. */
  publish(channel: string, message: string): Promise<void>;
  /**
   * Listens on the channels. Resolves after the transport confirmed the subscription (Redis SUBSCRIBE
   * acknowledged), so nothing published afterwards is missed. Channels are reference-counted across
   * listeners; the returned function removes this listener and unsubscribes channels nobody listens to.
   */
  subscribe(channels: readonly string[], listener: BusListener): Promise<() => Promise<void>>;
  /** Throws when the transport is unusable (readiness). */
  ping(): Promise<void>;
  /**
   * Calls the listener each time the transport came back after an outage and every channel is subscribed again.
   * Messages published during the outage were lost: a subscriber should catch up from the event log after the
   * last cursor it delivered. The in-memory bus never reconnects. Returns the function that removes the listener.
   */
  onReconnected?(listener: () => void): () => void;
}
