import type { EventBus } from '../events/event-bus';
import type { Topics } from '../events/topics';
import { createDeferred } from '../lib/deferred';
import type { OperationRecord } from './operation';
import type { OperationStore } from './operation-store';

/*
 * An operation's changes travel on topics.operation(id), from whichever instance completed it (the webhook lands on
 * one of them) to every instance's listeners: operationUpdated subscriptions and createGroup's awaitCompletion.
 */

/** Tells every instance's listeners (operationUpdated, awaitCompletion) about a change of the operation. */
export async function publishOperation(bus: Pick<EventBus, 'publish'>, topics: Pick<Topics, 'operation'>, record: OperationRecord): Promise<void> {
  await bus.publish(topics.operation(record.id), JSON.stringify(record));
}

/** The record of a topics.operation message, or null for anything that is not one. */
export function parseOperationMessage(message: string): OperationRecord | null {
  try {
    const value = JSON.parse(message) as Partial<OperationRecord> | null;
    return typeof value === 'object' && value !== null && typeof value.id === 'string' && typeof value.status === 'string' ? (value as OperationRecord) : null;
  } catch {
    return null;
  }
}

export interface AwaitOperationOptions {
  operations: Pick<OperationStore, 'get'>;
  bus: Pick<EventBus, 'subscribe'>;
  topics: Pick<Topics, 'operation'>;
  id: string;
  /** Longest wait; then the operation is answered as the store has it (possibly still PENDING). */
  timeoutMs: number;
}

/**
 * The operation once it left PENDING, or as it stands after `timeoutMs`; null when no such operation is stored.
 * Subscribes to topics.operation(id) BEFORE reading the store, so a completion that lands between the read and
 * the subscription cannot be missed: it is either in the read or in a message.
 */
export async function awaitOperation(options: AwaitOperationOptions): Promise<OperationRecord | null> {
  const { operations, bus, topics, id, timeoutMs } = options;
  if (!Number.isFinite(timeoutMs) || timeoutMs < 0) {
    throw new TypeError(`awaitOperation expects timeoutMs to be a finite number >= 0, got ${String(timeoutMs)}; pass the bounded wait of the request.`);
  }
  const completed = createDeferred<OperationRecord | null>();
  const unsubscribe = await bus.subscribe([topics.operation(id)], function onOperationMessage(_channel, message) {
    const record = parseOperationMessage(message);
    if (record !== null && record.id === id && record.status !== 'PENDING') completed.resolve(record);
  });
  const timer = setTimeout(() => completed.resolve(null), timeoutMs);
  try {
    const current = await operations.get(id);
    if (current === null || current.status !== 'PENDING') return current;
    // On timeout, read once more: a message lost to a bus outage still left its completion in the store.
    return (await completed.promise) ?? (await operations.get(id));
  } finally {
    clearTimeout(timer);
    await unsubscribe();
  }
}
