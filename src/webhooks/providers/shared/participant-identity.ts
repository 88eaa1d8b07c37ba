import type { JoinApprovalMode, ParticipantRef } from '../../../events/event-model';

/** A participant's part of an event identity key: every identifier it carries, in a fixed order. */
export function participantIdentity(participant: ParticipantRef): string {
  return [participant.waId, participant.userId, participant.parentUserId, participant.username, participant.input]
    .map((value) => value ?? '')
    .join('/');
}

/** The participants' part of an identity key: order-independent, because a redelivery may list them differently. */
export function participantsIdentity(participants: readonly ParticipantRef[]): string {
  return participants.map(participantIdentity).sort().join(',');
}

/** True when the reference carries at least one identifier (a name alone does not identify anybody). */
export function hasIdentifier(participant: ParticipantRef): boolean {
  return (
    participant.waId !== null ||
    participant.userId !== null ||
    participant.parentUserId !== null ||
    participant.username !== null ||
    participant.input !== null
  );
}

/** `auto_approve` / `approval_required` (any case) → the model's enum; anything else → null. */
export function toJoinApprovalMode(value: string | null): JoinApprovalMode | null {
  switch (value?.toLowerCase()) {
    case 'auto_approve':
      return 'AUTO_APPROVE';
    case 'approval_required':
      return 'APPROVAL_REQUIRED';
    default:
      return null;
  }
}
