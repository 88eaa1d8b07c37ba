import type { DomainEvent, EventSource } from '../../events/event-model';

export type ProviderName = 'meta' | 'whapi' | 'ycloud';

export type WebhookHeaders = Readonly<Record<string, string | string[] | undefined>>;

export interface HandshakeResult {
  status: number;
  contentType: string;
  body: string;
}

/** Something in a delivery the gateway does not model (an unknown field or kind): counted and logged, not rejected. */
export interface IgnoredItem {
  kind: string;
  reason: string;
}

export interface ParseResult {
  events: DomainEvent[];
  ignored: IgnoredItem[];
}

/**
 * One webhook sender (octokit/stripe split): verify over the raw bytes first, then parse and normalise.
 * Every provider also ships a signer for its own scheme, used by the sandbox and the tests.
 */
export interface WebhookProvider {
  readonly name: ProviderName;
  readonly source: EventSource;
  /** GET subscription handshake (Meta's hub.challenge). Absent when the provider has none. */
  handshake?(query: URLSearchParams): HandshakeResult;
  /** Throws WebhookSignatureError unless the raw body is authentic. Never parses the body. */
  verify(rawBody: Buffer, headers: WebhookHeaders, now: Date): void;
  /** Throws WebhookPayloadError for a body that is not JSON or not this provider's envelope. */
  parse(rawBody: Buffer, receivedAt: Date): ParseResult;
  /** Headers that make `verify` accept this body (uses the first configured secret unless one is given). */
  signForTest(rawBody: string | Buffer, options?: { secret?: string; timestamp?: Date }): Record<string, string>;
}

/** Reads one header case-insensitively (Node lowercases incoming names already; tests may not). */
export function headerValue(headers: WebhookHeaders, name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === lower) return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}
