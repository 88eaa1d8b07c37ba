import type { ApiKeyRecord, ApiKeyScope } from './api-key';
import { ANY_PHONE_NUMBER, API_KEY_SCOPES } from './api-key';

/** The key file (or GATEWAY_API_KEYS) is wrong; every problem is listed, with its line, so one edit fixes them all. */
export class ApiKeyFileError extends Error {
  constructor(
    readonly source: string,
    readonly problems: readonly string[],
  ) {
    super(`Invalid API keys in ${source} (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n- ${problems.join('\n- ')}`);
    this.name = 'ApiKeyFileError';
  }
}

const FIELDS = new Set(['id', 'sha256', 'scopes', 'phoneNumberIds', 'rateLimitPerMinute', 'expiresAt', 'description', 'trustedDocumentsOnly']);
const ID_PATTERN = /^[A-Za-z0-9_.:-]{1,64}$/;
const SHA256_PATTERN = /^[0-9a-f]{64}$/;

/**
 * Parses API key records: JSON Lines (one object per line; blank lines and lines starting with `#` are skipped),
 * or one JSON array of the same objects. Throws ApiKeyFileError listing every problem; ids and hashes must be unique.
 *
 *   {"id":"crm","sha256":"<hex sha256 of the key>","scopes":["read","write"],"phoneNumberIds":["106540352242922"]}
 */
export function parseApiKeyRecords(text: string, source: string): ApiKeyRecord[] {
  const problems: string[] = [];
  const entries = splitEntries(text, problems);
  const records: ApiKeyRecord[] = [];
  const ids = new Set<string>();
  const hashes = new Set<string>();
  for (const { where, value } of entries) {
    const record = toRecord(value, where, problems);
    if (record === null) continue;
    if (ids.has(record.id)) problems.push(`${where}: id "${record.id}" is used twice; ids must be unique`);
    if (hashes.has(record.sha256)) problems.push(`${where}: the key of "${record.id}" is already listed under another id`);
    ids.add(record.id);
    hashes.add(record.sha256);
    records.push(record);
  }
  if (problems.length > 0) throw new ApiKeyFileError(source, problems);
  return records;
}

function splitEntries(text: string, problems: string[]): { where: string; value: unknown }[] {
  const trimmed = text.trim();
  if (trimmed.startsWith('[')) {
    try {
      const array = JSON.parse(trimmed) as unknown[];
      return array.map((value, index) => ({ where: `entry ${index + 1}`, value }));
    } catch (error) {
      problems.push(`not valid JSON: ${(error as Error).message}`);
      return [];
    }
  }
  const entries: { where: string; value: unknown }[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    const content = line.trim();
    if (content === '' || content.startsWith('#')) return;
    try {
      entries.push({ where: `line ${index + 1}`, value: JSON.parse(content) as unknown });
    } catch {
      problems.push(`line ${index + 1}: not a JSON object (one key per line, e.g. {"id":"crm","sha256":"...","scopes":["read"],"phoneNumberIds":["*"]})`);
    }
  });
  return entries;
}

function toRecord(value: unknown, where: string, problems: string[]): ApiKeyRecord | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push(`${where}: expected an object, got ${Array.isArray(value) ? 'an array' : typeof value}`);
    return null;
  }
  const raw = value as Record<string, unknown>;
  const before = problems.length;
  const unknown = Object.keys(raw).filter((key) => !FIELDS.has(key));
  if (unknown.length > 0) problems.push(`${where}: unknown field(s) ${unknown.join(', ')}; allowed: ${[...FIELDS].join(', ')}`);

  const id = typeof raw.id === 'string' && ID_PATTERN.test(raw.id) ? raw.id : null;
  if (id === null) problems.push(`${where}: "id" must be 1-64 characters of A-Z a-z 0-9 _ . : -, got ${JSON.stringify(raw.id)}`);
  const sha256 = typeof raw.sha256 === 'string' && SHA256_PATTERN.test(raw.sha256.toLowerCase()) ? raw.sha256.toLowerCase() : null;
  if (sha256 === null) problems.push(`${where}: "sha256" must be the 64-hex SHA-256 of the key (npm run api-key:create prints it), got ${JSON.stringify(raw.sha256)}`);
  const scopes = readScopes(raw.scopes, where, problems);
  const phoneNumberIds = readPhoneNumberIds(raw.phoneNumberIds, where, problems);
  const rateLimitPerMinute = raw.rateLimitPerMinute === undefined || raw.rateLimitPerMinute === null ? null : raw.rateLimitPerMinute;
  if (rateLimitPerMinute !== null && !(Number.isInteger(rateLimitPerMinute) && (rateLimitPerMinute as number) >= 1)) {
    problems.push(`${where}: "rateLimitPerMinute" must be an integer >= 1, got ${JSON.stringify(rateLimitPerMinute)}`);
  }
  const expiresAt = readDate(raw.expiresAt, where, problems);
  const description = typeof raw.description === 'string' ? raw.description : null;
  if (raw.description !== undefined && raw.description !== null && description === null) problems.push(`${where}: "description" must be a string`);
  const trustedDocumentsOnly = raw.trustedDocumentsOnly ?? false;
  if (typeof trustedDocumentsOnly !== 'boolean') problems.push(`${where}: "trustedDocumentsOnly" must be true or false, got ${JSON.stringify(raw.trustedDocumentsOnly)}`);

  if (problems.length > before || id === null || sha256 === null || scopes === null || phoneNumberIds === undefined) return null;
  return { id, sha256, scopes, phoneNumberIds, rateLimitPerMinute: rateLimitPerMinute as number | null, expiresAt, description, ...(trustedDocumentsOnly === true ? { trustedDocumentsOnly: true } : {}) };
}

function readScopes(value: unknown, where: string, problems: string[]): ApiKeyScope[] | null {
  const allowed: readonly string[] = API_KEY_SCOPES;
  if (!Array.isArray(value) || value.length === 0 || !value.every((scope) => typeof scope === 'string' && allowed.includes(scope))) {
    problems.push(`${where}: "scopes" must be a non-empty list of ${API_KEY_SCOPES.map((s) => `"${s}"`).join(', ')}, got ${JSON.stringify(value)}`);
    return null;
  }
  return [...new Set(value as ApiKeyScope[])];
}

/** undefined: invalid; null: every number. */
function readPhoneNumberIds(value: unknown, where: string, problems: string[]): string[] | null | undefined {
  if (!Array.isArray(value) || value.length === 0 || !value.every((id) => typeof id === 'string' && id.trim() !== '')) {
    problems.push(`${where}: "phoneNumberIds" must be a non-empty list of phone number ids, or ["${ANY_PHONE_NUMBER}"] for every number, got ${JSON.stringify(value)}`);
    return undefined;
  }
  const ids = value as string[];
  if (ids.includes(ANY_PHONE_NUMBER)) {
    if (ids.length > 1) problems.push(`${where}: "phoneNumberIds" lists "${ANY_PHONE_NUMBER}" with other ids; use either ["${ANY_PHONE_NUMBER}"] or explicit ids`);
    return null;
  }
  return [...new Set(ids.map((id) => id.trim()))];
}

function readDate(value: unknown, where: string, problems: string[]): Date | null {
  if (value === undefined || value === null) return null;
  const date = typeof value === 'string' ? new Date(value) : null;
  if (date === null || Number.isNaN(date.getTime())) {
    problems.push(`${where}: "expiresAt" must be an ISO 8601 date-time, got ${JSON.stringify(value)}`);
    return null;
  }
  return date;
}

/** The JSON line to append to the key file for a new key. */
export function formatApiKeyRecord(record: { id: string; sha256: string; scopes: readonly ApiKeyScope[]; phoneNumberIds: readonly string[] | null; description?: string | null }): string {
  return JSON.stringify({
    id: record.id,
    sha256: record.sha256,
    scopes: record.scopes,
    phoneNumberIds: record.phoneNumberIds ?? [ANY_PHONE_NUMBER],
    ...(record.description === undefined || record.description === null ? {} : { description: record.description }),
  });
}
