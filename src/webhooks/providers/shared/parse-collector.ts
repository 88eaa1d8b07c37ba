import { eventId } from '../../../events/event-id';
import type { DomainEvent, EventSource, GroupEventType } from '../../../events/event-model';
import type { IgnoredItem, ParseResult } from '../provider';

type DraftOf<E> = E extends DomainEvent
  ? Omit<E, 'id' | 'occurredAt' | 'receivedAt' | 'source'> & {
      /** When the upstream says it happened; null when it did not say (or said a placeholder). */
      occurredAt: string | null;
    }
  : never;

/** A normalised event before it has its identity: what a provider's mapping produces. */
export type EventDraft = DraftOf<DomainEvent>;
export type EventDraftOf<T extends GroupEventType> = DraftOf<Extract<DomainEvent, { type: T }>>;

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
