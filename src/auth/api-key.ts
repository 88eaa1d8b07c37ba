/** What a key may do: `read` queries, `write` mutations, `subscribe` subscriptions. */
export const API_KEY_SCOPES = ['read', 'write', 'subscribe'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/** In a key's `phoneNumberIds`, the one entry that means "every business phone number". */
export const ANY_PHONE_NUMBER = '*';

/** One line of the API key file: the key itself is never stored, only its SHA-256. */
export interface ApiKeyRecord {
  /** Stable, non-secret name of the key: logs, rate-limit and subscription counters use it. */
  id: string;
  /** Lower-case hex SHA-256 of the key's UTF-8 bytes. */
  sha256: string;
  scopes: readonly ApiKeyScope[];
  /** The business phone numbers this key may act for, or null for every number (`["*"]` in the file). */
  phoneNumberIds: readonly string[] | null;
  /** Overrides RATE_LIMIT_REQUESTS_PER_MINUTE for this key. */
  rateLimitPerMinute: number | null;
  /** The key stops working at this instant. */
  expiresAt: Date | null;
  /** Free text for operators. */
  description: string | null;
  /** The key may run only the documents of GRAPHQL_TRUSTED_DOCUMENTS_FILE (by hash or by text). @default false */
  trustedDocumentsOnly?: boolean;
}

/** Who is calling, once the key is checked. Every per-key limit and tenant rule reads this. */
export interface Principal {
  /** The key's id, or `anonymous` when authentication is off. */
  id: string;
  anonymous: boolean;
  scopes: ReadonlySet<ApiKeyScope>;
  /** null: every phone number. */
  phoneNumberIds: ReadonlySet<string> | null;
  rateLimitPerMinute: number | null;
  /** Only the trusted documents (GRAPHQL_TRUSTED_DOCUMENTS_FILE) may run for this key. */
  trustedDocumentsOnly?: boolean;
}

/** The caller when GATEWAY_AUTH is off: every scope, every number, no per-key limits (there are no keys). */
export const ANONYMOUS_PRINCIPAL: Principal = Object.freeze({
  id: 'anonymous',
  anonymous: true,
  scopes: new Set<ApiKeyScope>(API_KEY_SCOPES),
  phoneNumberIds: null,
  rateLimitPerMinute: null,
});

export function principalOf(record: ApiKeyRecord): Principal {
  return {
    id: record.id,
    anonymous: false,
    scopes: new Set(record.scopes),
    phoneNumberIds: record.phoneNumberIds === null ? null : new Set(record.phoneNumberIds),
    rateLimitPerMinute: record.rateLimitPerMinute,
    ...(record.trustedDocumentsOnly === true ? { trustedDocumentsOnly: true } : {}),
  };
}

/** True when the key may act for this phone number. */
export function mayActFor(principal: Principal, phoneNumberId: string): boolean {
  return principal.phoneNumberIds === null || principal.phoneNumberIds.has(phoneNumberId);
}
