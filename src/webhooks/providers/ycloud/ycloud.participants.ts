import type { FailedParticipant, ParticipantChangeInitiator } from '../../../events/event-model';
import { eventErrorsAt } from '../shared/event-errors';
import { arrayAt, idAt, isJsonObject, stringAt } from '../shared/json-read';
import { hasIdentifier } from '../shared/participant-identity';
import type { YCloudGroup, YCloudOutcome } from './ycloud.group';
import { ycloudParticipant, ycloudParticipantsAt } from './ycloud.group';

/**
 * `whatsapp.group.participants_update`: adds (status added), removals (removed; left when the participant
 * left; failed with `failedParticipants` and errors on partial or total failure), and join requests
 * (requested, revoked).
 */
export function normaliseYCloudParticipants(group: YCloudGroup): YCloudOutcome {
  const item = group.item;
  switch (group.type) {
    case 'group_participants_add': {
      const participants = ycloudParticipantsAt(group, 'addedParticipants');
      if (participants.length === 0) return { ignored: 'participants add without any added participant' };
      return [{ ...group.base, type: 'PARTICIPANTS_ADDED', details: { participants, reason: stringAt(item, 'reason') } }];
    }
    case 'group_participants_remove': {
      const failedParticipants: FailedParticipant[] = arrayAt(item, 'failedParticipants')
        .filter(isJsonObject)
        .map((failed) => ({ participant: ycloudParticipant(failed), errors: eventErrorsAt(failed) }));
      const participants = ycloudParticipantsAt(group, 'removedParticipants', failedParticipants.length === 0);
      const errors = eventErrorsAt(item);
      if (participants.length === 0 && failedParticipants.length === 0 && errors.length === 0) {
        return { ignored: 'participants remove without any participant' };
      }
      const details = { participants, failedParticipants, initiatedBy: initiator(group), errors };
      return [{ ...group.base, type: 'PARTICIPANTS_REMOVED', details }];
    }
    case 'group_join_request_created':
    case 'group_join_request_revoked': {
      const participant = ycloudParticipant(item);
      const joinRequestId = idAt(item, 'joinRequestId');
      if (joinRequestId === null && !hasIdentifier(participant)) return { ignored: 'join request without joinRequestId or requester' };
      const details = { joinRequestId, participant, reason: stringAt(item, 'reason') };
      const type = group.type === 'group_join_request_created' ? 'JOIN_REQUEST_CREATED' : 'JOIN_REQUEST_REVOKED';
      return [{ ...group.base, type, details }];
    }
    default:
      return { ignored: `unknown participants type "${group.type}"` };
  }
}

/** `initiatedBy` when given; otherwise YCloud's status `left` says the participant did it. */
function initiator(group: YCloudGroup): ParticipantChangeInitiator {
  switch (stringAt(group.item, 'initiatedBy')?.toLowerCase()) {
    case 'business':
      return 'BUSINESS';
    case 'participant':
      return 'PARTICIPANT';
    default:
      return group.status === 'left' ? 'PARTICIPANT' : 'UNKNOWN';
  }
}
