import type { OperationKind as ModelOperationKind, OperationStatus as ModelOperationStatus } from '../../operations/operation';
import { registerStringEnum } from '../events/string-enum';

/** GraphQL enum `GroupOperationKind`: the writes whose outcome arrives later, by webhook. */
export const GroupOperationKind = registerStringEnum<ModelOperationKind>('GroupOperationKind', 'Which asynchronous write an operation tracks.', {
  CREATE_GROUP: 'createGroup: the group id and invite link arrive with the outcome.',
  UPDATE_GROUP: 'updateGroup: subject, description and/or profile picture.',
  DELETE_GROUP: 'deleteGroup.',
  REMOVE_PARTICIPANTS: 'removeParticipants: the outcome lists who was removed and who could not be.',
});

/** GraphQL enum `GroupOperationStatus`: PENDING | SUCCEEDED | FAILED, public names (schema/schema.graphql). */
export const GroupOperationStatus = registerStringEnum<ModelOperationStatus>('GroupOperationStatus', 'Where an asynchronous write stands.', {
  PENDING: 'Accepted by the Groups API; its outcome has not arrived yet.',
  SUCCEEDED: 'Done. A removal that worked for some participants only is SUCCEEDED with `failedParticipants` and `errors` set.',
  FAILED: 'Not done; `errors` says why (upstream codes kept).',
});
