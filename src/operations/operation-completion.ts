import type { DomainEvent, EventError, StoredEvent } from '../events/event-model';
import type { EventBus } from '../events/event-bus';
import type { Topics } from '../events/topics';
import { ensureError } from '../lib/errors';
import type { Logger } from '../lib/logger';
import type { OperationCompletion, OperationKind, OperationRecord, RemovalResult } from './operation';
import type { OperationStore } from './operation-store';
import { publishOperation } from './operation-updates';

/**
 * How a webhook event finds the operation it completes.
 *
 * - `request-id` (createGroup): Meta answers the create with `request_id` and the GROUP_CREATED / GROUP_CREATE_FAILED
 *   webhook carries the same id, which is the operation's id. Exact; a webhook that beats the operation's creation
 *   is kept by the store and applied when the operation is created.
 * - `correlation` (deleteGroup, updateGroup, removeParticipants): Meta answers these with `{success:true}` and no
 *   request_id, so the operation has an id of ours. The event completes, in this order:
 *     1. the operation whose id is the event's request_id, if one exists with the same kind (an upstream that does
 *        return request_ids for these writes);
 *     2. else, only for an event stored for the first time (never for a redelivered duplicate, which could
 *        otherwise complete a newer write), the most recently created PENDING operation of the same kind for
 *        the same group, created no later than the event (occurredBefore, see correlationCutoff).
 *   Two writes of one kind to one group in flight at once are therefore told apart by recency only: each webhook
 *   completes one of them, the newest first. Participant removals count only when initiated by the business
 *   (a participant leaving completes nothing).
 */
export type CompletionRule =
  | { by: 'request-id'; requestId: string; kind: OperationKind; completion: OperationCompletion }
  | { by: 'correlation'; requestId: string | null; kind: OperationKind; groupId: string; completion: OperationCompletion };

/** Meta's webhook timestamps are whole seconds: an event may be stamped up to 1 s before the write it answers. */
export const TIMESTAMP_GRANULARITY_MS = 1_000; // 1 s
/** Clocks of gateway instances (and Meta's) may disagree by this much. */
export const CLOCK_SKEW_ALLOWANCE_MS = 2_000; // 2 s

/** The latest createdAt an operation may have to be completed by the event: no write made after an event causes it. */
export function correlationCutoff(event: Pick<DomainEvent, 'occurredAt' | 'receivedAt'>): Date {
  const byOccurrence = Date.parse(event.occurredAt) + TIMESTAMP_GRANULARITY_MS + CLOCK_SKEW_ALLOWANCE_MS;
  const byReceipt = Date.parse(event.receivedAt) + CLOCK_SKEW_ALLOWANCE_MS;
  return new Date(Math.min(byOccurrence, byReceipt));
}

/** The completion an event brings, and how to find its operation; null for events that complete nothing. */
export function completionRuleFor(event: DomainEvent): CompletionRule | null {
  const completedByEventId = event.id;
  const correlated = (groupId: string, kind: OperationKind, completion: OperationCompletion): CompletionRule => ({
    by: 'correlation',
    requestId: event.requestId,
    kind,
    groupId,
    completion: { ...completion, completedByEventId },
  });
  switch (event.type) {
    case 'GROUP_CREATED':
      if (event.requestId === null) return null;
      return {
        by: 'request-id',
        requestId: event.requestId,
        kind: 'CREATE_GROUP',
        completion: { status: 'SUCCEEDED', groupId: event.groupId, inviteLink: event.details.inviteLink, errors: [], completedByEventId },
      };
    case 'GROUP_CREATE_FAILED':
      if (event.requestId === null) return null;
      return { by: 'request-id', requestId: event.requestId, kind: 'CREATE_GROUP', completion: { status: 'FAILED', errors: event.details.errors, completedByEventId } };
    case 'GROUP_DELETED':
      return correlated(event.groupId, 'DELETE_GROUP', { status: 'SUCCEEDED', errors: [] });
    case 'GROUP_DELETE_FAILED':
      return correlated(event.groupId, 'DELETE_GROUP', { status: 'FAILED', errors: event.details.errors });
    case 'SETTINGS_UPDATED': {
      const { subject, description, profilePicture, errors } = event.details;
      const changes = [subject, description, profilePicture].filter((change) => change !== null);
      const fieldErrors = changes.flatMap((change) => change.errors);
      const failed = changes.some((change) => !change.succeeded) || errors.length > 0;
      return correlated(event.groupId, 'UPDATE_GROUP', { status: failed ? 'FAILED' : 'SUCCEEDED', errors: uniqueErrors([...errors, ...fieldErrors]) });
    }
    case 'PARTICIPANTS_REMOVED': {
      if (event.details.initiatedBy !== 'BUSINESS') return null;
      const { participants, failedParticipants, errors } = event.details;
      const result: RemovalResult = { removedParticipants: participants, failedParticipants };
      // Partial results are data: SUCCEEDED when anyone was removed, with the failures listed beside.
      const status = participants.length === 0 && (failedParticipants.length > 0 || errors.length > 0) ? 'FAILED' : 'SUCCEEDED';
      const participantErrors = failedParticipants.flatMap((failed) => failed.errors);
      return correlated(event.groupId, 'REMOVE_PARTICIPANTS', { status, errors: uniqueErrors([...errors, ...(errors.length === 0 ? participantErrors : [])]), result });
    }
    default:
      return null;
  }
}

function uniqueErrors(errors: readonly EventError[]): EventError[] {
  const seen = new Set<string>();
  return errors.filter((error) => {
    const key = JSON.stringify([error.code, error.title, error.message, error.details]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export interface OperationCompleterOptions {
  operations: OperationStore;
  bus: Pick<EventBus, 'publish'>;
  topics: Pick<Topics, 'operation'>;
  logger: Logger;
}

/** Completes operations from stored webhook events; the webhook ingress calls it after each store. */
export interface OperationCompleter {
  /** `events`: every event of the delivery; `stored`: those stored for the first time (the rest are duplicates). */
  afterStore(events: readonly DomainEvent[], stored: readonly StoredEvent[]): Promise<void>;
}

/**
 * Completes operations from their webhooks (rules above) on whichever instance receives them, and publishes each
 * completed record on topics.operation(id) for operationUpdated and awaitCompletion everywhere. Runs after the
 * events are stored, for new and duplicate events alike: completing is idempotent, and a redelivery re-publishes a
 * completion whose first publish may have been lost. A failure is logged per event and never fails the delivery
 * (the events are stored already).
 */
export function createOperationCompleter(options: OperationCompleterOptions): OperationCompleter {
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
