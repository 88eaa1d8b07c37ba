import type { ParticipantRef } from '../../../events/event-model';
import type { EventDraft } from '../shared/parse-collector';
import { isoTimeToIso } from '../shared/event-time';
import type { JsonObject } from '../shared/json-read';
import { arrayAt, idAt, isJsonObject, objectAt, own, stringAt } from '../shared/json-read';
import { hasIdentifier } from '../shared/participant-identity';
import type { YCloudEnvelope } from './ycloud.envelope';

/** A `whatsappGroup` payload with what every event built from it shares. */
export interface YCloudGroup {
  readonly item: JsonObject;
  /** Meta's group event type, kept by YCloud (`group_create`, `group_participants_remove`, …). */
  readonly type: string;
  /** YCloud's normalised outcome (`created`, `failed`, `left`, …), lowercased; '' when absent. */
  readonly status: string;
  readonly base: {
    groupId: string;
    phoneNumberId: string | null;
    occurredAt: string | null;
    requestId: string | null;
    raw: unknown;
  };
}

/** Reads the shared fields; null when the payload names no group (such an event cannot be routed). */
export function readYCloudGroup(envelope: YCloudEnvelope, item: JsonObject): YCloudGroup | null {
  const groupId = idAt(item, 'groupId');
  if (groupId === null) return null;
  return {
    item,
    type: stringAt(item, 'type') ?? '',
    status: stringAt(item, 'status')?.toLowerCase() ?? '',
    base: {
      groupId,
      phoneNumberId: idAt(item, 'phoneNumberId'),
      // webhookTime is "when WhatsApp triggered this webhook"; createTime is when YCloud rendered the event.
      occurredAt: isoTimeToIso(own(item, 'webhookTime')) ?? isoTimeToIso(envelope.createTime),
      requestId: idAt(item, 'requestId'),
      raw: envelope.document,
    },
  };
}

/**
 * A participant in YCloud's camelCase: `waId`, `recipientUserId` (BSUID), `parentRecipientUserId`, `input`,
 * and `customerProfile {name, username}`. The profile is often only on the payload itself (for the one
 * participant the event is about), so `fallbackProfile` applies when the item has none of its own.
 */
export function ycloudParticipant(value: unknown, fallbackProfile: JsonObject | null = null): ParticipantRef {
  const profile = objectAt(value, 'customerProfile') ?? fallbackProfile;
  return {
    waId: idAt(value, 'waId'),
    userId: idAt(value, 'recipientUserId'),
    parentUserId: idAt(value, 'parentRecipientUserId'),
    username: idAt(profile, 'username'),
    name: stringAt(profile, 'name'),
    input: idAt(value, 'input'),
  };
}

/**
 * The participants listed under `key`. The payload's own identifiers describe the event's main participant:
 * its profile is lent to the listed participant it matches, and it stands in when nobody is listed
 * (unless `payloadFallback` is off).
 */
export function ycloudParticipantsAt(group: YCloudGroup, key: string, payloadFallback = true): ParticipantRef[] {
  const main = ycloudParticipant(group.item);
  const profile = objectAt(group.item, 'customerProfile');
  const listed = arrayAt(group.item, key)
    .filter(isJsonObject)
    .map((item) => ycloudParticipant(item, isSameParticipant(item, main) ? profile : null))
    .filter(hasIdentifier);
  if (listed.length > 0 || !payloadFallback) return listed;
  return hasIdentifier(main) ? [main] : [];
}

function isSameParticipant(item: JsonObject, main: ParticipantRef): boolean {
  const waId = idAt(item, 'waId');
  const userId = idAt(item, 'recipientUserId');
  return (waId !== null && waId === main.waId) || (userId !== null && userId === main.userId);
}

/** What one payload becomes: its events, or why it is ignored. */
export type YCloudOutcome = EventDraft[] | { ignored: string };
