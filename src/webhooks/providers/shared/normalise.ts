import { eventId } from '../../../events/event-id';
import type { DomainEvent, EventError, EventSource, JoinApprovalMode, ParticipantChangeInitiator, ParticipantRef } from '../../../events/event-model';
import type { IgnoredItem, ParseResult } from '../provider';
import { arrayAt, isJsonObject, objectAt, own, parseJsonBody, stringAt } from './json';

// What every provider's normaliser shares: the collector that makes drafts into DomainEvents, and common readers.

type DraftOf<E> = E extends DomainEvent
  ? Omit<E, 'id' | 'occurredAt' | 'receivedAt' | 'source'> & {
      /** When the upstream says it happened; null when it did not say (or said a placeholder). */
      occurredAt: string | null;
    }
  : never;

/** A normalised event before it has its identity: what a provider's mapping produces. */
export type EventDraft = DraftOf<DomainEvent>;

/** Accumulates one delivery's events and ignored items; stamps source, receive time and id on each event. */
export interface ParseCollector {
  readonly source: EventSource;
  /**
   * Adds an event. `identityKey` identifies the upstream event (see event-id.ts). A draft without an
   * occurredAt gets the receive time: the provider sent no usable time, and receipt is the closest we know.
   */
  emit(draft: EventDraft, identityKey: string): void;
  /** Records something the gateway does not model, with why; it is counted and logged, never an error. */
  ignore(kind: string, reason: string): void;
  result(): ParseResult;
}

export function createParseCollector(source: EventSource, receivedAt: Date): ParseCollector {
  const receivedIso = receivedAt.toISOString();
  const events: DomainEvent[] = [];
  const ignored: IgnoredItem[] = [];
  return {
    source,
    emit(draft, identityKey) {
      const event: DomainEvent = {
        ...draft,
        id: eventId(source, identityKey),
        occurredAt: draft.occurredAt ?? receivedIso,
        receivedAt: receivedIso,
        source,
      };
      events.push(event);
    },
    ignore(kind, reason) {
      ignored.push({ kind, reason });
    },
    result: () => ({ events, ignored }),
  };
}

export interface ParseDeliveryOptions {
  /** The provider's name in error messages ("Meta"). */
  provider: string;
  source: EventSource;
  /** Checks the provider's envelope (throwing WebhookPayloadError) and normalises what it holds into `out`. */
  normalise(document: unknown, out: ParseCollector): void;
}

/** A provider's `parse`: the body as JSON (depth-capped), normalised into one delivery's events. */
export function parseDelivery(rawBody: Buffer, receivedAt: Date, options: ParseDeliveryOptions): ParseResult {
  const document = parseJsonBody(rawBody, options.provider);
  const out = createParseCollector(options.source, receivedAt);
  options.normalise(document, out);
  return out.result();
}

/**
 * Errors inside a webhook, in Meta's snake_case (`{code, title, message, error_data{details}}`) or YCloud's
 * camelCase (`errorData`) spelling. `code` may be a number or a string ("131211", or the docs' "ERROR_CODE"
 * placeholder, which becomes null). Items that are not objects are skipped.
 */
export function eventErrorsAt(container: unknown, key = 'errors'): EventError[] {
  const errors: EventError[] = [];
  for (const item of arrayAt(container, key)) {
    if (isJsonObject(item)) errors.push(toEventError(item));
  }
  return errors;
}

function toEventError(item: unknown): EventError {
  const data = objectAt(item, 'error_data') ?? objectAt(item, 'errorData');
  return {
    code: errorCode(own(item, 'code')),
    title: stringAt(item, 'title'),
    message: stringAt(item, 'message'),
    details: stringAt(data, 'details') ?? stringAt(item, 'details'),
  };
}

function errorCode(value: unknown): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : null;
  if (typeof value === 'string' && /^\s*-?\d{1,15}\s*$/.test(value)) return Number(value);
  return null;
}

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

const JOIN_APPROVAL_MODES: ReadonlyMap<string, JoinApprovalMode> = new Map([
  ['auto_approve', 'AUTO_APPROVE'],
  ['approval_required', 'APPROVAL_REQUIRED'],
]);

const INITIATORS: ReadonlyMap<string, ParticipantChangeInitiator> = new Map([
  ['business', 'BUSINESS'],
  ['participant', 'PARTICIPANT'],
]);

/** `auto_approve` / `approval_required` (any case) → the model's enum; anything else → null. */
export function toJoinApprovalMode(value: string | null): JoinApprovalMode | null {
  return fromSpelling(JOIN_APPROVAL_MODES, value);
}

/** `business` / `participant` (any case) → who caused a participant change; anything else → null (the caller's default). */
export function toInitiator(value: string | null): ParticipantChangeInitiator | null {
  return fromSpelling(INITIATORS, value);
}

function fromSpelling<T>(spellings: ReadonlyMap<string, T>, value: string | null): T | null {
  return (value === null ? undefined : spellings.get(value.toLowerCase())) ?? null;
}
