import { awaitWindowMs } from '../../../../src/graph/mutations/await-window';
import {
  charCount,
  resolvePhoneNumberId,
  validDescription,
  validJoinRequestIds,
  validLink,
  validParticipants,
  validPinDays,
  validSubject,
} from '../../../../src/graph/mutations/input-validation';

const badInput = (message: string, argumentName: string) => expect.objectContaining({ message, extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', argumentName }) });

describe('mutation input rules', () => {
  it('counts characters as code points, as Meta does', () => {
    expect(charCount('👍'.repeat(128))).toBe(128);
    expect(validSubject('s', ` ${'👍'.repeat(128)} `)).toBe('👍'.repeat(128));
    expect(() => validSubject('s', '👍'.repeat(129))).toThrow('`s` must be at most 128 characters, got 129');
  });

  it('allows an empty description (it clears it) up to 2048 characters', () => {
    expect(validDescription('d', '')).toBe('');
    expect(validDescription('d', 'x'.repeat(2048))).toHaveLength(2048);
  });

  it('normalises phone numbers to digits, keeps BSUIDs, and refuses what is neither', () => {
    expect(validParticipants('p', ['+1 (650) 555-1234', '447700900123', 'US.13491208655302741918'])).toEqual(['16505551234', '447700900123', 'US.13491208655302741918']);
    expect(() => validParticipants('p', ['12345'])).toThrow(badInput('`p[0]` must be a phone number in international format, a WhatsApp id or a business-scoped user id (e.g. US.13491208655302741918), got "12345"', 'p'));
    expect(() => validParticipants('p', ['1234567890123456'])).toThrow(/`p\[0\]` must be a phone number/);
    expect(() => validParticipants('p', ['us.123'])).toThrow(/`p\[0\]` must be a phone number/);
  });

  it('trims join request ids and refuses repeats after trimming', () => {
    expect(validJoinRequestIds('j', [' a ', 'b'])).toEqual(['a', 'b']);
    expect(() => validJoinRequestIds('j', ['a', 'a '])).toThrow('`j[1]` repeats `j[0]` (a); list each join request once');
  });

  it('accepts pin expiry 1..30 whole days only', () => {
    expect(validPinDays('e', 1)).toBe(1);
    expect(validPinDays('e', 30)).toBe(30);
    expect(() => validPinDays('e', 1.5)).toThrow('`e` must be a whole number of days from 1 to 30, got 1.5');
  });

  it('takes the configured phone number when none is given, and says how to configure one', () => {
    expect(resolvePhoneNumberId('p', null, '123')).toBe('123');
    expect(resolvePhoneNumberId('p', ' 456 ', '123')).toBe('456');
    expect(() => resolvePhoneNumberId('p', undefined, null)).toThrow('`p` is required: no default phone number is configured (set WHATSAPP_PHONE_NUMBER_ID)');
  });

  it('accepts only absolute http(s) links', () => {
    expect(validLink('l', 'https://cdn.example.com/a.jpg')).toBe('https://cdn.example.com/a.jpg');
    expect(() => validLink('l', '/relative.jpg')).toThrow('`l` must be an absolute http(s) URL, got "/relative.jpg"');
  });

  it('bounds the awaitCompletion wait: default, per call, at most the maximum', () => {
    const services = { awaitCompletionDefaultMs: 10_000, awaitCompletionMaxMs: 30_000 };
    expect(awaitWindowMs({}, services)).toBeNull();
    expect(awaitWindowMs({ awaitCompletion: true }, services)).toBe(10_000);
    expect(awaitWindowMs({ awaitCompletion: true, awaitTimeoutSeconds: 30 }, services)).toBe(30_000);
    expect(() => awaitWindowMs({ awaitCompletion: true, awaitTimeoutSeconds: 0 }, services)).toThrow('`input.awaitTimeoutSeconds` must be a whole number of seconds from 1 to 30, got 0');
  });
});
