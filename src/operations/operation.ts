import type { EventError, FailedParticipant, ParticipantRef } from '../events/event-model';

export const OPERATION_KINDS = ['CREATE_GROUP', 'UPDATE_GROUP', 'DELETE_GROUP', 'REMOVE_PARTICIPANTS'] as const;
export type OperationKind = (typeof OPERATION_KINDS)[number];
export type OperationStatus = 'PENDING' | 'SUCCEEDED' | 'FAILED';

/**
 * An asynchronous write whose outcome arrives later by webhook. A plain JSON DTO (ISO date strings): it crosses
 * Redis and is the payload of topics.operation(id).
 */
export interface OperationRecord {
  /** The upstream request_id when the write returned one, else an id of ours. */
  id: string;
  kind: OperationKind;
  status: OperationStatus;
  phoneNumberId: string | null;
  groupId: string | null;
  inviteLink: string | null;
  errors: EventError[];
  /** What the client asked for (JSON). */
  input: unknown;
  createdAt: string;
  updatedAt: string;
  /** The event that completed the operation, when an event did. */
  completedByEventId: string | null;
  /** Kind-specific outcome details (JSON), e.g. removeParticipants' per-participant lists; absent until a completion sets it. */
  result?: unknown;
}

export interface NewOperation {
  id: string;
  kind: OperationKind;
  phoneNumberId: string | null;
  groupId: string | null;
  /** JSON-serialisable. */
  input: unknown;
  inviteLink?: string | null;
}

/** The outcome of an operation. Fields left undefined keep their current value. */
export interface OperationCompletion {
  status: 'SUCCEEDED' | 'FAILED';
  groupId?: string | null;
  inviteLink?: string | null;
  errors?: EventError[];
  completedByEventId?: string | null;
  /** Kind-specific outcome details (JSON), kept on the record as `result`. */
  result?: unknown;
}

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

export interface CompleteResult {
  /** True only for the call that moved the operation out of PENDING. */
  changed: boolean;
  /** The record after the call; null when no such operation is stored (yet). */
  record: OperationRecord | null;
}

export function assertNewOperation(store: string, operation: NewOperation): void {
  if (typeof operation.id !== 'string' || operation.id.length === 0) {
    throw new TypeError(`${store}.create expects a non-empty string id, got ${JSON.stringify(operation.id)}; use the upstream request_id or generate one.`);
  }
  if (!(OPERATION_KINDS as readonly string[]).includes(operation.kind)) {
    throw new TypeError(`${store}.create expects kind to be one of ${OPERATION_KINDS.join(', ')}, got ${JSON.stringify(operation.kind)}.`);
  }
}

export function pendingRecord(operation: NewOperation, nowIso: string): OperationRecord {
  return {
    id: operation.id,
    kind: operation.kind,
    status: 'PENDING',
    phoneNumberId: operation.phoneNumberId,
    groupId: operation.groupId,
    inviteLink: operation.inviteLink ?? null,
    errors: [],
    input: operation.input ?? null,
    createdAt: nowIso,
    updatedAt: nowIso,
    completedByEventId: null,
  };
}

/** The fields a completion sets, undefined ones left out. */
export function completionFields(completion: OperationCompletion, nowIso: string): Partial<OperationRecord> {
  const fields: Partial<OperationRecord> = { status: completion.status, updatedAt: nowIso };
  if (completion.groupId !== undefined) fields.groupId = completion.groupId;
  if (completion.inviteLink !== undefined) fields.inviteLink = completion.inviteLink;
  if (completion.errors !== undefined) fields.errors = completion.errors;
  if (completion.completedByEventId !== undefined) fields.completedByEventId = completion.completedByEventId;
  if (completion.result !== undefined) fields.result = completion.result;
  return fields;
}
