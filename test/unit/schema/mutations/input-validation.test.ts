import {
  awaitWindowMs,
  charCount,
  resolvePhoneNumberId,
  validDescription,
  validIdempotencyKey,
  validJoinRequestIds,
  validLink,
  validParticipants,
  validPinDays,
  validSubject,
} from '../../../../src/schema/mutations/input-validation';

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
    const limits = { defaultMs: 10_000, maxMs: 30_000 };
    expect(awaitWindowMs({}, limits)).toBeNull();
    expect(awaitWindowMs({ awaitCompletion: true }, limits)).toBe(10_000);
    expect(awaitWindowMs({ awaitCompletion: true, awaitTimeoutSeconds: 30 }, limits)).toBe(30_000);
    expect(() => awaitWindowMs({ awaitCompletion: true, awaitTimeoutSeconds: 0 }, limits)).toThrow('`input.awaitTimeoutSeconds` must be a whole number of seconds from 1 to 30, got 0');
  });

  it('takes idempotency keys of 1 to 128 of A-Z a-z 0-9 . _ : -, unchanged', () => {
    for (const key of ['a', 'order-1', '0190f5b2-7c1e-7aa0-8b1e-2f3c4d5e6f70', 'shop:order.42_retry', 'Z'.repeat(128)]) expect(validIdempotencyKey('k', key)).toBe(key);
  });

  it.each([
    ['', '`k` must not be empty'],
    ['x'.repeat(129), '`k` must be at most 128 characters, got 129'],
    [' ', '`k` may hold only A-Z, a-z, 0-9 and . _ : - (got " " at position 0)'],
    ['order 1', '`k` may hold only A-Z, a-z, 0-9 and . _ : - (got " " at position 5)'],
    ['a\nb', '`k` may hold only A-Z, a-z, 0-9 and . _ : - (got "\\n" at position 1)'],
    ['key*', '`k` may hold only A-Z, a-z, 0-9 and . _ : - (got "*" at position 3)'],
    ['{tag}', '`k` may hold only A-Z, a-z, 0-9 and . _ : - (got "{" at position 0)'],
    ['a/b', '`k` may hold only A-Z, a-z, 0-9 and . _ : - (got "/" at position 1)'],
    ['👍ok', '`k` may hold only A-Z, a-z, 0-9 and . _ : - (got "👍" at position 0)'],
  ])('refuses the idempotency key %j as BAD_USER_INPUT', (key, message) => {
    expect(() => validIdempotencyKey('k', key)).toThrow(badInput(message, 'k'));
  });
});
