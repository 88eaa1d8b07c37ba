import { randomUUID } from 'node:crypto';
import type { EventError } from '../../events/event-model';
import { ensureError } from '../../lib/errors';
import type { Logger } from '../../lib/logger';
import type { OperationKind, OperationRecord } from '../../operations/operation';
import { UpstreamError } from '../../upstream/upstream-error';
import type { MutationServices } from './mutation-services';

export interface TrackedWriteOptions {
  services: MutationServices;
  logger: Logger;
  kind: OperationKind;
  groupId: string;
  phoneNumberId: string | null;
  /** What the client asked for, recorded on the operation (JSON). */
  input: unknown;
  /** The upstream call; its answer carries no request_id, so the webhook is correlated (operation-correlation.ts). */
  write(): Promise<unknown>;
}

/** Ids of operations the upstream gave no request_id for: prefixed, so they never collide with Meta's. */
export function newOperationId(): string {
  return `op_${randomUUID()}`;
}

/**
 * An asynchronous write answered without a request_id (update, delete, removal): the PENDING operation is stored
 * BEFORE the upstream call, because the webhook can outrun the HTTP answer and correlation only finds operations
 * that exist. A synchronous refusal completes it FAILED (so it leaves the pending index) and is rethrown for
 * toGraphQLError. Answers the operation as it is after the call (a fast webhook may have completed it already).
 */
export async function runTrackedWrite(options: TrackedWriteOptions): Promise<OperationRecord> {
  const { services, logger, kind, groupId } = options;
  const created = await services.operations.create({ id: newOperationId(), kind, groupId, phoneNumberId: options.phoneNumberId, input: options.input });
  try {
    await options.write();
  } catch (error) {
    await services.operations.complete(created.id, { status: 'FAILED', errors: [toEventError(error)] }).catch((storeError: unknown) => {
      logger.warn({ err: ensureError(storeError), operationId: created.id }, 'could not mark a refused write FAILED; it expires with the operation TTL');
    });
    throw error;
  }
  await invalidateGroup(services, groupId, logger);
  return (await services.operations.get(created.id)) ?? created;
}

/** Drops the group's cached metadata after a write; a cache failure is logged, never the mutation's failure. */
export async function invalidateGroup(services: Pick<MutationServices, 'groupCache'>, groupId: string, logger: Logger): Promise<void> {
  if (services.groupCache === null) return;
  try {
    await services.groupCache.invalidate([groupId]);
  } catch (error) {
    logger.warn({ err: ensureError(error), groupId }, 'group cache invalidation after a write failed; the webhook invalidates again');
  }
}

/** An upstream refusal in the shape operations record errors in. */
export function toEventError(error: unknown): EventError {
  if (error instanceof UpstreamError) {
    return { code: error.code, title: error.userTitle, message: error.userMessage ?? error.message, details: error.details };
  }
  return { code: null, title: null, message: 'The write failed before the Groups API answered', details: null };
}
