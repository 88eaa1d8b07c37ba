import type { DomainEvent } from '../events/event-model';
import type { EventBus } from '../events/event-bus';
import type { Topics } from '../events/topics';
import { ensureError } from '../lib/errors';
import type { Logger } from '../lib/logger';
import type { IngressHooks } from '../webhooks/webhook-ingress';
import type { OperationRecord } from './operation';
import type { CompletionRule } from './operation-correlation';
import { completionRuleFor, correlationCutoff } from './operation-correlation';
import type { OperationStore } from './operation-store';
import { publishOperation } from './operation-publisher';

export interface OperationCompletionHookOptions {
  operations: OperationStore;
  bus: Pick<EventBus, 'publish'>;
  topics: Pick<Topics, 'operation'>;
  logger: Logger;
}

/**
 * The ingress hook that completes operations from their webhooks (rules: operation-correlation.ts) on whichever
 * instance receives them, and publishes each completed record on topics.operation(id) for operationUpdated and
 * awaitCompletion everywhere. Runs after the events are stored, for new and duplicate events alike: completing is
 * idempotent, and a redelivery re-publishes a completion whose first publish may have been lost. A failure is
 * logged per event and never fails the delivery (the events are stored already).
 */
export function createOperationCompletionHook(options: OperationCompletionHookOptions): IngressHooks {
  const { operations, bus, topics, logger } = options;

  async function targetOf(rule: CompletionRule, event: DomainEvent, isNew: boolean): Promise<string | null> {
    if (rule.by === 'request-id') return rule.requestId;
    if (rule.requestId !== null) {
      const byRequestId = await operations.get(rule.requestId);
      if (byRequestId !== null && byRequestId.kind === rule.kind) return byRequestId.id;
    }
    if (!isNew) return null;
    const pending = await operations.findPendingForCorrelation({ groupId: rule.groupId, kind: rule.kind, occurredBefore: correlationCutoff(event) });
    return pending?.id ?? null;
  }

  async function complete(event: DomainEvent, isNew: boolean): Promise<OperationRecord | null> {
    const rule = completionRuleFor(event);
    if (rule === null) return null;
    const id = await targetOf(rule, event, isNew);
    if (id === null) return null;
    const { changed, record } = await operations.complete(id, rule.completion);
    if (record === null) return null; // a create's webhook before the create: the store applies it later
    if (changed || record.completedByEventId === event.id) await publishOperation(bus, topics, record);
    return changed ? record : null;
  }

  return {
    async afterStore(events, stored) {
      const newIds = new Set(stored.map((event) => event.id));
      for (const event of events) {
        try {
          const completed = await complete(event, newIds.has(event.id));
          if (completed !== null) logger.info({ operationId: completed.id, kind: completed.kind, status: completed.status, eventId: event.id }, 'operation completed');
        } catch (error) {
          logger.error({ err: ensureError(error), eventId: event.id, type: event.type }, 'operation completion failed; the events are stored');
        }
      }
    },
  };
}
