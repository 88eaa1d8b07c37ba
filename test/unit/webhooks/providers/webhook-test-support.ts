import type { DomainEvent, ParticipantRef } from '../../../../src/events/event-model';
import { emptyParticipant } from '../../../../src/events/event-model';
import type { IgnoredItem, ParseResult, WebhookProvider } from '../../../../src/webhooks/providers/provider';

/** The fixed receive time every table-driven case parses with. */
export const RECEIVED_AT = new Date('2026-06-01T12:00:00.000Z');
export const RECEIVED_ISO = RECEIVED_AT.toISOString();

/** What a table row asserts about one event: everything but the id, receive time, source and raw fragment. */
export type ExpectedEvent = DomainEvent extends infer E
  ? E extends DomainEvent
    ? Pick<E, 'type' | 'groupId' | 'phoneNumberId' | 'occurredAt' | 'requestId' | 'details'>
    : never
  : never;

export interface ExpectedParse {
  events: ExpectedEvent[];
  ignored?: IgnoredItem[];
}

export function project(event: DomainEvent): ExpectedEvent {
  const { type, groupId, phoneNumberId, occurredAt, requestId, details } = event;
  return { type, groupId, phoneNumberId, occurredAt, requestId, details } as ExpectedEvent;
}

export function bodyOf(document: unknown): Buffer {
  return Buffer.from(JSON.stringify(document));
}

export function parseDocument(provider: WebhookProvider, document: unknown, receivedAt = RECEIVED_AT): ParseResult {
  return provider.parse(bodyOf(document), receivedAt);
}

/** Unix seconds → ISO 8601, for readable expectations. */
export function iso(unixSeconds: number): string {
  return new Date(unixSeconds * 1000).toISOString();
}

export function person(overrides: Partial<ParticipantRef>): ParticipantRef {
  return emptyParticipant(overrides);
}

/** A deep copy to mutate in a test without touching the shared fixture module. */
export function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
