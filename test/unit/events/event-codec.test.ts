import { createHash } from 'node:crypto';
import { decodeEventBody, encodeEventBody, EventBodyDecodeError } from '../../../src/events/event-codec';
import { EVENT_CODEC_DICTIONARY_V1_EVENTS, EVENT_CODEC_DICTIONARY_V1_SHA256 } from '../../../src/events/event-codec-dictionary';
import { serializeEvent } from '../../../src/events/event-log-support';
import type { GroupEventType } from '../../../src/events/event-model';
import { GROUP_EVENT_TYPES } from '../../../src/events/event-model';
import { fixtureEvents } from '../../helpers/fixture-events';

const events = fixtureEvents();
const cases = events.map(({ provider, fixture, event }, index) => [`${provider}/${fixture} #${index} ${event.type}`, serializeEvent(event)] as const);

/**
 * The same event with other values: every string holding a digit or a space (ids, phone numbers, times, free text) gets
 * its digits and letters rotated, so it matches nothing in the dictionary (built from these very fixtures), while the
 * keys and enum values stay. Pessimistic on purpose: a real event shares prefixes such as `wamid.` or `@g.us`.
 */
function unseen(json: string): string {
  const rotate = (text: string) =>
    text
      .replace(/[0-9]/g, (d) => String((Number(d) * 7 + 3) % 10))
      .replace(/[a-z]/g, (c) => String.fromCharCode(((c.charCodeAt(0) - 97 + 11) % 26) + 97))
      .replace(/[A-Z]/g, (c) => String.fromCharCode(((c.charCodeAt(0) - 65 + 11) % 26) + 65));
  return JSON.stringify(JSON.parse(json), (_key, value: unknown) => (typeof value === 'string' && /[0-9 ]/.test(value) ? rotate(value) : value));
}

/**
 * The stated bound per kind for an event the dictionary has never seen (README, Scaling: sizing), about 10% above
 * the largest fixture of the kind, with the 16 KB dictionary (the rare kinds, cut from it, store more than the common
 * ones). Every kind stays under 45% of its JSON.
 */
const BOUND_BYTES: Readonly<Record<GroupEventType, number>> = {
  GROUP_CREATED: 460,
  GROUP_CREATE_FAILED: 470,
  GROUP_DELETED: 320,
  GROUP_DELETE_FAILED: 420,
  PARTICIPANTS_ADDED: 350,
  PARTICIPANTS_REMOVED: 530,
  PARTICIPANTS_PROMOTED: 195,
  PARTICIPANTS_DEMOTED: 195,
  JOIN_REQUEST_CREATED: 340,
  JOIN_REQUEST_REVOKED: 310,
  SETTINGS_UPDATED: 600,
  GROUP_SUSPENDED: 280,
  GROUP_SUSPENSION_CLEARED: 290,
  MESSAGE_RECEIVED: 480,
  MESSAGE_STATUS_UPDATED: 480,
};

function damaged(body: Buffer, at: number, xor = 0x5a): Buffer {
  const copy = Buffer.from(body);
  copy[at] = (copy[at] as number) ^ xor;
  return copy;
}

function decodeError(body: Buffer): EventBodyDecodeError {
  try {
    decodeEventBody(body);
  } catch (error) {
    if (error instanceof EventBodyDecodeError) return error;
    throw error;
  }
  throw new Error('decodeEventBody accepted the body');
}

describe('event body codec', () => {
  it('has events of every provider and every kind to run against', () => {
    expect(new Set(events.map((e) => e.provider))).toEqual(new Set(['meta', 'whapi', 'ycloud']));
    expect(new Set(events.map((e) => e.event.type))).toEqual(new Set(GROUP_EVENT_TYPES));
  });

  describe.each(cases)('%s', (_name, json) => {
    it('decodes to the very JSON that was encoded', () => {
      const decoded = decodeEventBody(encodeEventBody(json));
      expect(decoded).toBe(json);
      expect(JSON.parse(decoded)).toEqual(JSON.parse(json));
    });

    it('round-trips the event with other values, and stores it within the bound of its kind', () => {
      const other = unseen(json);
      const body = encodeEventBody(other);
      expect(decodeEventBody(body)).toBe(other);
      const type = (JSON.parse(json) as { type: GroupEventType }).type;
      expect(body.length).toBeLessThanOrEqual(BOUND_BYTES[type]);
      expect(body.length).toBeLessThan(0.45 * Buffer.byteLength(other));
    });
  });

  it('round-trips text outside ASCII and an event far larger than the dictionary', () => {
    const [first] = events;
    if (first === undefined) throw new Error('no fixture events');
    const text = 'Olá, 世界! 👋🏽 — «quoted» \u0000 \u2028 '.repeat(2_000);
    const json = serializeEvent({ ...first.event, raw: { text } });
    const body = encodeEventBody(json);
    expect(decodeEventBody(body)).toBe(json);
    expect(body.length).toBeLessThan(Buffer.byteLength(json) / 10);
  });

  it('starts every body with format version 1', () => {
    expect(encodeEventBody(cases[0]?.[1] ?? '{}')[0]).toBe(1);
  });

  it('refuses a body of an unknown format version, naming it and the versions it reads', () => {
    const body = encodeEventBody(cases[0]?.[1] ?? '{}');
    for (const [version, hint] of [
      [0, 'no gateway writes this version: the stored bytes are not an event body.'],
      [2, 'the event was written by a newer gateway: run the same version on every instance, or upgrade this one'],
      [255, 'the event was written by a newer gateway'],
    ] as const) {
      const error = decodeError(damaged(body, 0, 1 ^ version));
      expect(error.reason).toBe('unknown-version');
      expect(error.message).toContain(`unknown event body format version ${version} (this build reads version 1); ${hint}`);
    }
  });

  describe('refuses a damaged body with a clear error, never a wrong event', () => {
    const json = cases.find(([, j]) => j.includes('MESSAGE_RECEIVED'))?.[1] ?? '{}';
    const body = encodeEventBody(json);
    const headerBytes = 1 + 2 + 4; // version, a 2-byte length (the JSON is 128 B to 16 KB), CRC-32

    it.each([
      ['empty', Buffer.alloc(0), 'the body is empty'],
      ['cut inside the header', body.subarray(0, 4), 'shorter than its 7-byte header'],
      ['an endless length field', Buffer.from([1, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]), 'its length field is truncated or longer than 5 bytes'],
      ['cut inside the data', body.subarray(0, body.length - 10), 'the deflate data does not inflate'],
      ['a length one more than written', Buffer.concat([body.subarray(0, 1), Buffer.from([(body[1] as number) + 1]), body.subarray(2)]), `inflates to ${Buffer.byteLength(json)} bytes, not the ${Buffer.byteLength(json) + 1} its header says`],
      ['a wrong CRC-32', damaged(body, 3), 'its CRC-32 is 0x'],
    ])('%s', (_case, bad, message) => {
      const error = decodeError(bad);
      expect(error.reason).toBe('corrupt');
      expect(error.message).toMatch(/^decodeEventBody: corrupt event body: /);
      expect(error.message).toContain(message);
    });

    it('JSON text where a body belongs: read as version 123 ("{"), refused', () => {
      const error = decodeError(Buffer.from(json));
      expect(error.reason).toBe('unknown-version');
      expect(error.message).toContain('unknown event body format version 123 (this build reads version 1); the bytes start with "{": this is event JSON stored without the codec, read it as JSON.');
    });

    it('whichever byte of the deflate data is damaged', () => {
      for (let at = headerBytes; at < body.length; at++) {
        expect(decodeError(damaged(body, at)).message).toMatch(/^decodeEventBody: corrupt event body: .+; the stored bytes are not the body that was written\.$/);
      }
    });
  });

  it('refuses misuse with what it expects and how to fix it', () => {
    expect(() => encodeEventBody('')).toThrow(/expects the event's JSON \(a non-empty string\), got an empty string; pass serializeEvent\(event\)/);
    expect(() => encodeEventBody(undefined as unknown as string)).toThrow(TypeError);
    expect(() => decodeEventBody('{}' as unknown as Buffer)).toThrow(/expects the stored body as a Buffer, got a string; read the field as binary/);
  });

  it('keeps the version-1 dictionary frozen: stored bodies need exactly these bytes', () => {
    const bytes = Buffer.from(EVENT_CODEC_DICTIONARY_V1_EVENTS.join(''));
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(EVENT_CODEC_DICTIONARY_V1_SHA256);
    expect(bytes.length).toBeLessThanOrEqual(32_768 - 262); // deflate's window minus its lookahead: all of it is reachable
  });
});
