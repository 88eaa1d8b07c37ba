import type {
  EventSource as ModelEventSource,
  GroupEventType as ModelGroupEventType,
  MessageDeliveryStatus as ModelMessageDeliveryStatus,
  ParticipantChangeInitiator as ModelInitiator,
  ParticipantRank as ModelParticipantRank,
} from '../../events/event-model';
import { GROUP_EVENT_KINDS } from '../../events/event-model';
import { registerStringEnum } from './string-enum';

/** GraphQL enum `EventSource` (a public name: docs/webhooks.md#the-event-model). */
export const EventSource = registerStringEnum<ModelEventSource>('EventSource', 'Where an event came from.', {
  META: "Meta's WhatsApp Cloud API webhooks.",
  WHAPI: 'Whapi.Cloud webhooks.',
  YCLOUD: 'YCloud webhooks.',
  SANDBOX: "The gateway's embedded Groups API emulator.",
});

export const ParticipantChangeInitiator = registerStringEnum<ModelInitiator>('ParticipantChangeInitiator', 'Who caused a participant change.', {
  BUSINESS: 'The business (a removeParticipants call).',
  PARTICIPANT: 'The participant themselves (for example, they left).',
  UNKNOWN: 'The provider did not say.',
});

export const ParticipantRank = registerStringEnum<ModelParticipantRank>('ParticipantRank', "A person's role in a group, as a provider that knows roles reports it (Whapi).", {
  ADMIN: 'An admin of the group.',
  CREATOR: 'The creator of the group (also an admin).',
  MEMBER: 'A member without admin rights.',
});

export const MessageDeliveryStatus = registerStringEnum<ModelMessageDeliveryStatus>('MessageDeliveryStatus', 'Where a message the business sent stands.', {
  SENT: 'WhatsApp accepted the message for the group.',
  DELIVERED: "The message reached the participant's device.",
  READ: 'The participant read the message.',
  PLAYED: 'The participant played the voice message.',
  FAILED: 'The message could not be sent; `errors` says why.',
  DELETED: 'The message was deleted.',
  PENDING: 'The message is waiting to be sent.',
});

/** GraphQL enum `GroupEventType`: the event model's kinds, described as the model describes them. */
export const GroupEventType = registerStringEnum<ModelGroupEventType>('GroupEventType', 'The kind of a group event.', GROUP_EVENT_KINDS);
