import type { DomainEvent, EventError } from '../events/event-model';
import type { OperationCompletion, OperationKind } from './operation';
import type { RemovalResult } from './operation-result';

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
  const correlated = (kind: OperationKind, completion: OperationCompletion): CompletionRule => ({
    by: 'correlation',
    requestId: event.requestId,
    kind,
    groupId: event.groupId,
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
      return correlated('DELETE_GROUP', { status: 'SUCCEEDED', errors: [] });
    case 'GROUP_DELETE_FAILED':
      return correlated('DELETE_GROUP', { status: 'FAILED', errors: event.details.errors });
    case 'SETTINGS_UPDATED': {
      const { subject, description, profilePicture, errors } = event.details;
      const changes = [subject, description, profilePicture].filter((change) => change !== null);
      const fieldErrors = changes.flatMap((change) => change.errors);
      const failed = changes.some((change) => !change.succeeded) || errors.length > 0;
      return correlated('UPDATE_GROUP', { status: failed ? 'FAILED' : 'SUCCEEDED', errors: uniqueErrors([...errors, ...fieldErrors]) });
    }
    case 'PARTICIPANTS_REMOVED': {
      if (event.details.initiatedBy !== 'BUSINESS') return null;
      const { participants, failedParticipants, errors } = event.details;
      const result: RemovalResult = { removedParticipants: participants, failedParticipants };
      // Partial results are data: SUCCEEDED when anyone was removed, with the failures listed beside.
      const status = participants.length === 0 && (failedParticipants.length > 0 || errors.length > 0) ? 'FAILED' : 'SUCCEEDED';
      const participantErrors = failedParticipants.flatMap((failed) => failed.errors);
      return correlated('REMOVE_PARTICIPANTS', { status, errors: uniqueErrors([...errors, ...(errors.length === 0 ? participantErrors : [])]), result });
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
