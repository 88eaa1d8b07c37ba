import type { GroupCache } from '../../cache/group-cache';
import type { EventBus } from '../../events/event-bus';
import type { Topics } from '../../events/topics';
import type { IdempotencyStore } from '../../operations/idempotency-store';
import type { OperationStore } from '../../operations/operation-store';

/** What the mutation resolvers need on the GraphQL context (`context.mutations`). All borrowed: nothing here is closed. */
export interface MutationServices {
  /** Async operations by id: Redis when configured (shared by instances), else in memory. */
  operations: OperationStore;
  /** `idempotencyKey` claims of createGroup and sendGroupMessage, shared the same way. */
  idempotency: IdempotencyStore;
  /** For awaitCompletion: operation changes arrive on topics.operation(id), from whichever instance completed it. */
  bus: Pick<EventBus, 'subscribe' | 'publish'>;
  topics: Pick<Topics, 'operation'>;
  /** Told after each successful write (the webhook invalidates again when the change lands); null without a cache. */
  groupCache: Pick<GroupCache, 'invalidate'> | null;
  /** How long an idempotency key answers with its first result. */
  idempotencyTtlSeconds: number;
  /** awaitCompletion's wait when the call gives none, and the most a call may ask for. */
  awaitCompletionDefaultMs: number;
  awaitCompletionMaxMs: number;
}

/** The context's MutationServices, or the wiring mistake with its fix. */
export function requireMutationServices(context: { mutations?: MutationServices }): MutationServices {
  if (context.mutations === undefined) {
    throw new TypeError('Mutations expect the GraphQL context to have `mutations` (MutationServices: operation and idempotency stores, bus, topics), got none; pass `mutations` to createContextFactory.');
  }
  return context.mutations;
}
