import type { EventBus } from '../events/event-bus';
import type { Topics } from '../events/topics';
import type { OperationRecord } from './operation';

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
