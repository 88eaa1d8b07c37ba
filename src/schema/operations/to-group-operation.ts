import type { OperationRecord } from '../../operations/operation';
import { removalResultOf } from '../../operations/operation';
import type { AttachedLoaders } from '../events/group-event.interface';
import type { GroupOperation } from './operation.type';

/**
 * An operation record (store or bus JSON) as the GraphQL type reads it: Dates, and removal lists from `result`.
 * `loaders`, for a subscription payload, are the fresh loaders of that one emission.
 */
export function toGroupOperation(record: OperationRecord, loaders?: AttachedLoaders): GroupOperation {
  const { removedParticipants, failedParticipants } = removalResultOf(record.result);
  return {
    id: record.id,
    kind: record.kind,
    status: record.status,
    groupId: record.groupId,
    phoneNumberId: record.phoneNumberId,
    inviteLink: record.inviteLink,
    errors: record.errors,
    removedParticipants,
    failedParticipants,
    createdAt: new Date(record.createdAt),
    updatedAt: new Date(record.updatedAt),
    ...(loaders === undefined ? {} : { __loaders: loaders }),
  };
}
