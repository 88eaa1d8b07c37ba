import type { Disposable } from '../lib/disposable';
import type { CompleteResult, NewOperation, OperationCompletion, OperationKind, OperationRecord } from './operation';

export interface CorrelationQuery {
  groupId: string;
  kind: OperationKind;
  /**
   * Only operations created at or before this instant can be completed by the event. Pass the event's
   * occurredAt plus the provider's timestamp granularity (Meta sends whole seconds).
   */
  occurredBefore: Date;
}

/**
 * Async operations (createGroup, ...) until their webhook arrives, kept for config.events.operationTtlSeconds.
 * Implementations: in-memory and Redis (shared by instances, every state change atomic).
 */
export interface OperationStore extends Disposable {
  /**
   * Stores a PENDING operation and returns it. If its id is already stored (a retried write), returns the stored
   * one unchanged. If a completion for the id arrived first (a fast webhook), it is applied: the result is done.
   */
  create(operation: NewOperation): Promise<OperationRecord>;
  get(id: string): Promise<OperationRecord | null>;
  /**
   * Moves a PENDING operation to its outcome. Idempotent: an operation completes once; later calls keep the
   * first outcome and report `changed: false`. For an id not stored yet, the completion is kept (for the TTL)
   * and applied by create.
   */
  complete(id: string, completion: OperationCompletion): Promise<CompleteResult>;
  /** The most recently created PENDING operation of that kind for the group (writes answered without a request_id). */
  findPendingForCorrelation(query: CorrelationQuery): Promise<OperationRecord | null>;
}
