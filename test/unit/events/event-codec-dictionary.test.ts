import { dictionaryEvents, renderDictionaryModule } from '../../../scripts/build-event-codec-dictionary';
import { EVENT_CODEC_DICTIONARY_V1_EVENTS, EVENT_CODEC_DICTIONARY_V1_SHA256 } from '../../../src/events/event-codec-dictionary';
import type { DomainEvent } from '../../../src/events/event-model';
import { fixtureEvents } from '../../helpers/fixture-events';

const typeOf = (json: string) => (JSON.parse(json) as DomainEvent).type;
const sourceOf = (json: string) => (JSON.parse(json) as DomainEvent).source;

describe('event codec dictionary builder (scripts/build-event-codec-dictionary.ts)', () => {
  const events = fixtureEvents();

  it('takes one event per provider and kind, the kinds a busy number sends most last, Meta last within a kind', () => {
    const picked = dictionaryEvents(events, Number.POSITIVE_INFINITY); // every kind, uncut
    const pairs = picked.map((json) => `${sourceOf(json)} ${typeOf(json)}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    expect(pairs.slice(-2)).toEqual(['WHAPI MESSAGE_RECEIVED', 'META MESSAGE_RECEIVED']);
    expect(typeOf(picked[0] ?? '{}')).toBe('GROUP_SUSPENSION_CLEARED');
  });

  it('drops the rarest kinds first to stay within the budget', () => {
    const all = dictionaryEvents(events, Number.POSITIVE_INFINITY);
    const cut = dictionaryEvents(events, 8_000);
    expect(cut.reduce((sum, json) => sum + Buffer.byteLength(json), 0)).toBeLessThanOrEqual(8_000);
    expect(all.slice(all.length - cut.length)).toEqual(cut);
  });

  it('renders, for the committed events, the module with the checksum the committed one carries', () => {
    const rendered = renderDictionaryModule(EVENT_CODEC_DICTIONARY_V1_EVENTS);
    expect(rendered).toContain(`export const EVENT_CODEC_DICTIONARY_V1_SHA256 = '${EVENT_CODEC_DICTIONARY_V1_SHA256}';`);
    for (const json of EVENT_CODEC_DICTIONARY_V1_EVENTS) expect(rendered).toContain(`  ${JSON.stringify(json)},\n`);
  });
});
