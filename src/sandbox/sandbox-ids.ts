import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto';

/**
 * Identifiers shaped like Meta's (docs/groups-api.md#identifiers). Clients must treat them as opaque;
 * the sandbox mimics the shapes so that logs and fixtures look real.
 */

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Facebook's escaping of base64 for ids and cursors: Z→ZA, +→ZB, /→ZC, =→ZD. */
function fbEscapeBase64(base64: string): string {
  return base64.replace(/[Z+/=]/g, (c) => ({ Z: 'ZA', '+': 'ZB', '/': 'ZC', '=': 'ZD' })[c]!);
}

function fbUnescapeBase64(escaped: string): string {
  return escaped.replace(/Z([A-D])/g, (_, c: string) => ({ A: 'Z', B: '+', C: '/', D: '=' })[c]!);
}

export function fbEncode(text: string): string {
  return fbEscapeBase64(Buffer.from(text, 'utf8').toString('base64'));
}

/** Null when the text is not an escaped base64 of UTF-8 (a corrupted cursor). */
export function fbDecode(escaped: string): string | null {
  const base64 = fbUnescapeBase64(escaped);
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) return null;
  return Buffer.from(base64, 'base64').toString('utf8');
}

/** `capi_group:<business phone>:<group JID number>`, escaped base64. */
export function groupIdFor(displayPhoneNumber: string, groupNumber: string): string {
  return fbEncode(`capi_group:${displayPhoneNumber}:${groupNumber}`);
}

/** A WhatsApp group JID number: `120363` then 12 digits. */
export function newGroupNumber(): string {
  return `120363${String(randomInt(0, 1_000_000)).padStart(6, '0')}${String(randomInt(0, 1_000_000)).padStart(6, '0')}`;
}

/** `<user phone>:<group JID number>`, base64 (as the doc samples). */
export function joinRequestIdFor(waId: string, groupNumber: string): string {
  return Buffer.from(`${waId}:${groupNumber}`, 'utf8').toString('base64');
}

export function newInviteLink(): string {
  let code = '';
  for (let i = 0; i < 22; i++) code += ALPHANUMERIC[randomInt(0, ALPHANUMERIC.length)];
  return `https://chat.whatsapp.com/${code}`;
}

export function newWamid(): string {
  return `wamid.${Buffer.concat([Buffer.from('HBgL', 'base64'), randomBytes(30)]).toString('base64')}`;
}

/** Media ids are long decimal numbers, e.g. 1037543291543636. */
export function newMediaId(): string {
  return `10${String(randomInt(0, 1_000_000_000)).padStart(9, '0')}${String(randomInt(0, 100_000)).padStart(5, '0')}`;
}

export function newRequestId(): string {
  return randomUUID();
}

export function newFbtraceId(): string {
  let id = 'A';
  for (let i = 0; i < 22; i++) id += ALPHANUMERIC[randomInt(0, ALPHANUMERIC.length)];
  return id;
}

/** A stable business-scoped user id (`US.<digits>`) per phone, as Meta sends from the BSUID era on. */
export function userIdFor(waId: string): string {
  return `US.${digitsOf(`bsuid:${waId}`, 20)}`;
}

/** Deterministic digits from a label, for WABA ids and display numbers derived from a phone number id. */
export function digitsOf(label: string, length: number): string {
  const hash = createHash('sha256').update(label).digest();
  let digits = '';
  for (let i = 0; digits.length < length; i++) digits += String(hash[i % hash.length]! % 10);
  return digits.replace(/^0/, '1');
}
