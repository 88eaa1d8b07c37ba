import type { FailedParticipant, ParticipantRef } from '../events/event-model';

/** `OperationRecord.result` of a REMOVE_PARTICIPANTS operation: the per-participant outcome of its webhook. */
export interface RemovalResult {
  removedParticipants: ParticipantRef[];
  failedParticipants: FailedParticipant[];
}

/** The removal lists of a record's `result`, or empty lists for other kinds and for operations still pending. */
export function removalResultOf(result: unknown): RemovalResult {
  if (typeof result !== 'object' || result === null) return { removedParticipants: [], failedParticipants: [] };
  const candidate = result as Partial<RemovalResult>;
  return {
    removedParticipants: Array.isArray(candidate.removedParticipants) ? candidate.removedParticipants : [],
    failedParticipants: Array.isArray(candidate.failedParticipants) ? candidate.failedParticipants : [],
  };
}
