import type { ApiKeyRecord } from '../../../src/auth/api-key';
import { ANONYMOUS_PRINCIPAL } from '../../../src/auth/api-key';
import { generateApiKey, hashApiKey } from '../../../src/auth/api-key-hash';
import { createApiKeyStore } from '../../../src/auth/api-key-store';
import { createAuthenticator, WWW_AUTHENTICATE } from '../../../src/auth/authenticator';
import { requireScope } from '../../../src/auth/require-scope';
import { GatewayError } from '../../../src/errors/gateway-errors';

const KEY = 'wgg_first-key-value';
const OTHER = 'wgg_second-key-value';

function record(id: string, key: string, overrides: Partial<ApiKeyRecord> = {}): ApiKeyRecord {
  return { id, sha256: hashApiKey(key), scopes: ['read', 'subscribe'], phoneNumberIds: ['111'], rateLimitPerMinute: null, expiresAt: null, description: null, ...overrides };
}

function thrown(run: () => unknown): GatewayError {
  try {
    run();
  } catch (error) {
    if (error instanceof GatewayError) return error;
    throw error;
  }
  throw new Error('expected a GatewayError');
}

describe('API key authentication', () => {
  let now = new Date('2026-01-01T00:00:00Z');
  const store = createApiKeyStore({
    records: [record('crm', KEY, { rateLimitPerMinute: 60 }), record('ops', OTHER, { scopes: ['read', 'write', 'subscribe'], phoneNumberIds: null, expiresAt: new Date('2026-06-01T00:00:00Z') })],
    now: () => now,
  });
  const auth = createAuthenticator({ enabled: true, store });

  afterEach(() => {
    now = new Date('2026-01-01T00:00:00Z');
  });

  it('turns a valid bearer key into its principal: id, scopes, phone numbers, rate', () => {
    const principal = auth.fromAuthorizationHeader(`Bearer ${KEY}`);
    expect(principal).toEqual({ id: 'crm', anonymous: false, scopes: new Set(['read', 'subscribe']), phoneNumberIds: new Set(['111']), rateLimitPerMinute: 60 });
    expect(auth.fromAuthorizationHeader(`bearer   ${OTHER}  `).phoneNumberIds).toBeNull();
    expect(auth.fromConnectionParams({ authorization: `Bearer ${KEY}` }).id).toBe('crm');
    expect(auth.fromConnectionParams({ Authorization: `Bearer ${OTHER}` }).id).toBe('ops');
  });

  it.each([
    ['no header', undefined, /Authentication required/],
    ['an empty header', '  ', /Authentication required/],
    ['another scheme', `Basic ${KEY}`, /must be `Bearer <API key>`/],
    ['a wrong key', 'Bearer wgg_not-a-key', /not valid/],
    ['a key with a trailing character', `Bearer ${KEY}x`, /not valid/],
    ['two headers', [`Bearer ${KEY}`, `Bearer ${KEY}`], /exactly one/],
  ])('refuses %s over HTTP with UNAUTHENTICATED, status 401 and a Bearer challenge', (_what, header, message) => {
    const error = thrown(() => auth.fromAuthorizationHeader(header));
    expect(error.message).toMatch(message);
    expect(error.extensions).toEqual({ code: 'UNAUTHENTICATED', http: { status: 401, headers: new Map([['www-authenticate', WWW_AUTHENTICATE]]) } });
  });

  it('refuses a WebSocket connection without HTTP details in the error', () => {
    expect(thrown(() => auth.fromConnectionParams({})).extensions).toEqual({ code: 'UNAUTHENTICATED' });
    expect(thrown(() => auth.fromConnectionParams({ authorization: 42 })).message).toMatch(/must be a string/);
  });

  it('refuses an expired key, and current() drops it for live subscriptions', () => {
    const principal = auth.fromAuthorizationHeader(`Bearer ${OTHER}`);
    now = new Date('2026-06-01T00:00:00Z');
    expect(thrown(() => auth.fromAuthorizationHeader(`Bearer ${OTHER}`)).message).toMatch(/not valid/);
    expect(auth.current(principal)).toBeNull();
  });

  it('sees a reload: a revoked key stops working, changed grants apply to current()', () => {
    const reloadable = createApiKeyStore({ records: [record('crm', KEY)] });
    const live = createAuthenticator({ enabled: true, store: reloadable });
    const principal = live.fromAuthorizationHeader(`Bearer ${KEY}`);
    // One principal per record while it stands (what is derived from it is remembered for it).
    expect(live.fromAuthorizationHeader(`Bearer ${KEY}`)).toBe(principal);
    reloadable.replace([record('crm', KEY, { phoneNumberIds: ['111', '222'] })]);
    expect(live.current(principal)?.phoneNumberIds).toEqual(new Set(['111', '222']));
    // A key found before the reload is looked up again: its new grants apply to the next request.
    expect(live.fromAuthorizationHeader(`Bearer ${KEY}`).phoneNumberIds).toEqual(new Set(['111', '222']));
    reloadable.replace([]);
    expect(live.current(principal)).toBeNull();
    expect(() => live.fromAuthorizationHeader(`Bearer ${KEY}`)).toThrow(/not valid/);
  });

  it('lets everyone in as the anonymous principal when authentication is off', () => {
    const open = createAuthenticator({ enabled: false, store: createApiKeyStore({ records: [] }) });
    expect(open.fromAuthorizationHeader(undefined)).toBe(ANONYMOUS_PRINCIPAL);
    expect(open.fromAuthorizationHeader('Bearer whatever')).toBe(ANONYMOUS_PRINCIPAL);
    expect(open.fromConnectionParams({})).toBe(ANONYMOUS_PRINCIPAL);
    expect(open.current(ANONYMOUS_PRINCIPAL)).toBe(ANONYMOUS_PRINCIPAL);
  });

  it('requires the scope of the operation type', () => {
    const principal = auth.fromAuthorizationHeader(`Bearer ${KEY}`);
    expect(() => requireScope(principal, 'read')).not.toThrow();
    expect(thrown(() => requireScope(principal, 'write')).extensions).toEqual({ code: 'FORBIDDEN', requiredScope: 'write' });
  });

  it('generates 256-bit keys that hash to the file format', () => {
    const { key, id } = generateApiKey();
    expect(key).toMatch(/^wgg_[A-Za-z0-9_-]{43}$/);
    expect(id).toMatch(/^key_[0-9a-f]{12}$/);
    expect(hashApiKey(key)).toMatch(/^[0-9a-f]{64}$/);
    expect(generateApiKey().key).not.toBe(key);
  });
});
