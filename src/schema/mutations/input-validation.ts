import { IDEMPOTENCY_KEY_CHARACTERS, IDEMPOTENCY_KEY_MAX_CHARS } from '../../operations/idempotency';
import { BadUserInputError } from '../../errors/gateway-errors';
import { GROUP_LIMITS } from './mutation-limits';

/** Characters as people count them (code points), as Meta counts its limits. */
export function charCount(text: string): number {
  return [...text].length;
}

/** A required id argument: non-empty after trimming, sent trimmed. */
export function requireId(argumentName: string, value: string): string {
  const id = value.trim();
  if (id === '') throw new BadUserInputError(`\`${argumentName}\` must not be empty`, { argumentName });
  return id;
}

/** The phone number to act for: the argument, else the configured default. */
export function resolvePhoneNumberId(argumentName: string, value: string | null | undefined, fallback: string | null): string {
  if (value !== null && value !== undefined) return requireId(argumentName, value);
  if (fallback === null) {
    throw new BadUserInputError(`\`${argumentName}\` is required: no default phone number is configured (set WHATSAPP_PHONE_NUMBER_ID)`, { argumentName });
  }
  return fallback;
}

/** Subject: non-empty after trimming whitespace, at most 128 characters; sent trimmed. */
export function validSubject(argumentName: string, value: string): string {
  const subject = value.trim();
  if (subject === '') throw new BadUserInputError(`\`${argumentName}\` must not be empty (it is ${value === '' ? 'empty' : 'only whitespace'})`, { argumentName });
  const length = charCount(subject);
  if (length > GROUP_LIMITS.subjectMaxChars) {
    throw new BadUserInputError(`\`${argumentName}\` must be at most ${GROUP_LIMITS.subjectMaxChars} characters, got ${length}`, { argumentName });
  }
  return subject;
}

/** Description: at most 2048 characters (empty clears it on update). */
export function validDescription(argumentName: string, value: string): string {
  const length = charCount(value);
  if (length > GROUP_LIMITS.descriptionMaxChars) {
    throw new BadUserInputError(`\`${argumentName}\` must be at most ${GROUP_LIMITS.descriptionMaxChars} characters, got ${length}`, { argumentName });
  }
  return value;
}

const PHONE_LIKE = /^\+?[\d\s\-().]+$/;
/** Business-scoped user id: country code, a dot, up to 128 letters and digits (e.g. US.13491208655302741918). */
const BSUID = /^[A-Z]{2}\.[A-Za-z0-9]{1,128}$/;

/**
 * Participants to act on: 1 to 8, each a phone number (international format, any punctuation), a WhatsApp id or a
 * business-scoped user id, no one twice. Phone numbers are sent as digits, the form WhatsApp ids have.
 */
export function validParticipants(argumentName: string, values: readonly string[]): string[] {
  const max = GROUP_LIMITS.participantsPerRemoval;
  if (values.length < 1 || values.length > max) {
    throw new BadUserInputError(`\`${argumentName}\` must hold 1 to ${max} participants, got ${values.length}`, { argumentName });
  }
  const firstIndex = new Map<string, number>();
  return values.map((value, index) => {
    const normalized = normalizeParticipant(value);
    if (normalized === null) {
      throw new BadUserInputError(
        `\`${argumentName}[${index}]\` must be a phone number in international format, a WhatsApp id or a business-scoped user id (e.g. US.13491208655302741918), got ${JSON.stringify(value)}`,
        { argumentName },
      );
    }
    const earlier = firstIndex.get(normalized);
    if (earlier !== undefined) {
      throw new BadUserInputError(`\`${argumentName}[${index}]\` repeats \`${argumentName}[${earlier}]\` (${normalized}); list each participant once`, { argumentName });
    }
    firstIndex.set(normalized, index);
    return normalized;
  });
}

/** One user to message 1:1: a phone number (sent as digits), a WhatsApp id or a business-scoped user id. */
export function validUser(argumentName: string, value: string): string {
  const normalized = normalizeParticipant(value);
  if (normalized === null) {
    throw new BadUserInputError(
      `\`${argumentName}\` must be a phone number in international format, a WhatsApp id or a business-scoped user id (e.g. US.13491208655302741918), got ${JSON.stringify(value)}`,
      { argumentName },
    );
  }
  return normalized;
}

/** Language codes as WhatsApp templates use them: `en`, `pt_BR`, `zh_HK`. */
const LANGUAGE_CODE = /^[a-z]{2,3}(_[A-Z]{2,3})?$/;

/** A template language code, sent trimmed. */
export function validLanguageCode(argumentName: string, value: string): string {
  const code = value.trim();
  if (!LANGUAGE_CODE.test(code)) {
    throw new BadUserInputError(`\`${argumentName}\` must be a template language code like en or pt_BR, got ${JSON.stringify(value)}`, { argumentName });
  }
  return code;
}

/** Template names as WhatsApp approves them: lowercase letters, digits and underscores, at most 512 characters. */
const TEMPLATE_NAME = /^[a-z0-9_]{1,512}$/;

export function validTemplateName(argumentName: string, value: string): string {
  const name = value.trim();
  if (!TEMPLATE_NAME.test(name)) {
    throw new BadUserInputError(`\`${argumentName}\` must be an approved template name (lowercase letters, digits and underscores, at most 512), got ${JSON.stringify(value)}`, {
      argumentName,
    });
  }
  return name;
}

function normalizeParticipant(value: string): string | null {
  const trimmed = value.trim();
  if (BSUID.test(trimmed)) return trimmed;
  if (!PHONE_LIKE.test(trimmed)) return null;
  const digits = trimmed.replace(/\D/g, '');
  // E.164: at most 15 digits; shorter than 7 cannot be an international number.
  return digits.length >= 7 && digits.length <= 15 ? digits : null;
}

/** Join request ids: at least one, each non-empty, no id twice. */
export function validJoinRequestIds(argumentName: string, values: readonly string[]): string[] {
  if (values.length === 0) throw new BadUserInputError(`\`${argumentName}\` must hold at least one join request id`, { argumentName });
  const firstIndex = new Map<string, number>();
  return values.map((value, index) => {
    const id = value.trim();
    if (id === '') throw new BadUserInputError(`\`${argumentName}[${index}]\` must not be empty`, { argumentName });
    const earlier = firstIndex.get(id);
    if (earlier !== undefined) throw new BadUserInputError(`\`${argumentName}[${index}]\` repeats \`${argumentName}[${earlier}]\` (${id}); list each join request once`, { argumentName });
    firstIndex.set(id, index);
    return id;
  });
}

/** Pin expiry: a whole number of days from 1 to 30. */
export function validPinDays(argumentName: string, value: number): number {
  if (!Number.isInteger(value) || value < GROUP_LIMITS.pinMinDays || value > GROUP_LIMITS.pinMaxDays) {
    throw new BadUserInputError(`\`${argumentName}\` must be a whole number of days from ${GROUP_LIMITS.pinMinDays} to ${GROUP_LIMITS.pinMaxDays}, got ${value}`, { argumentName });
  }
  return value;
}

/** Text that must hold something and stay within `max` characters (message bodies, captions). */
export function validText(argumentName: string, value: string, max: number, options: { required: boolean }): string {
  if (options.required && value.trim() === '') throw new BadUserInputError(`\`${argumentName}\` must not be empty`, { argumentName });
  const length = charCount(value);
  if (length > max) throw new BadUserInputError(`\`${argumentName}\` must be at most ${max} characters, got ${length}`, { argumentName });
  return value;
}

/** An http(s) URL the upstream can fetch. */
export function validLink(argumentName: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new BadUserInputError(`\`${argumentName}\` must be an absolute http(s) URL, got ${JSON.stringify(value)}`, { argumentName });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new BadUserInputError(`\`${argumentName}\` must be an http(s) URL, got the ${url.protocol} scheme`, { argumentName });
  }
  return url.toString();
}

/** An idempotency key: 1 to 128 of A-Z a-z 0-9 . _ : - (refused before any store key is built from it). */
export function validIdempotencyKey(argumentName: string, value: string): string {
  if (value === '') throw new BadUserInputError(`\`${argumentName}\` must not be empty`, { argumentName });
  if (value.length > IDEMPOTENCY_KEY_MAX_CHARS) {
    throw new BadUserInputError(`\`${argumentName}\` must be at most ${IDEMPOTENCY_KEY_MAX_CHARS} characters, got ${value.length}`, { argumentName });
  }
  if (!IDEMPOTENCY_KEY_CHARACTERS.test(value)) {
    const chars = [...value];
    const position = chars.findIndex((char) => !IDEMPOTENCY_KEY_CHARACTERS.test(char));
    throw new BadUserInputError(`\`${argumentName}\` may hold only A-Z, a-z, 0-9 and . _ : - (got ${JSON.stringify(chars[position])} at position ${position})`, { argumentName });
  }
  return value;
}

/**
 * How long a write may wait for its outcome: null without awaitCompletion, else the call's awaitTimeoutSeconds
 * (1 s up to the configured maximum) or the configured default.
 */
export function awaitWindowMs(
  input: { awaitCompletion?: boolean | null; awaitTimeoutSeconds?: number | null },
  limits: { defaultMs: number; maxMs: number },
): number | null {
  const seconds = input.awaitTimeoutSeconds ?? null;
  if (input.awaitCompletion !== true) {
    if (seconds !== null) throw new BadUserInputError('`input.awaitTimeoutSeconds` applies only with `awaitCompletion: true`', { argumentName: 'input.awaitTimeoutSeconds' });
    return null;
  }
  if (seconds === null) return limits.defaultMs;
  const maxSeconds = Math.floor(limits.maxMs / 1000);
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > maxSeconds) {
    throw new BadUserInputError(`\`input.awaitTimeoutSeconds\` must be a whole number of seconds from 1 to ${maxSeconds}, got ${seconds}`, { argumentName: 'input.awaitTimeoutSeconds' });
  }
  return seconds * 1000;
}
