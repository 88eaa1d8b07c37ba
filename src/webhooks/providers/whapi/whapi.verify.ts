import { WebhookSignatureError } from '../../webhook-errors';
import { constantTimeEqual } from '../shared/secrets';

/**
 * Whapi.Cloud signs nothing; it sends the custom headers configured on the webhook (up to five). We
 * configure `Authorization: Bearer <token>`. The token authenticates the sender, not the body: a body altered
 * in transit is not detected (TLS is what protects it).
 */
export const WHAPI_AUTH_HEADER = 'authorization';

export function whapiAuthorization(token: string): string {
  return `Bearer ${token}`;
}

/** Accepts the bearer token when it equals any configured token (rotation), compared in constant time. */
export function verifyWhapiToken(header: string | undefined, tokens: readonly string[]): void {
  if (tokens.length === 0) throw new WebhookSignatureError('No Whapi webhook token is configured');
  if (header === undefined || header === '') throw new WebhookSignatureError('Missing Authorization header');
  const match = /^Bearer +(\S+)$/i.exec(header.trim());
  if (match === null) throw new WebhookSignatureError('Malformed Authorization header: expected "Bearer <token>"');
  const received = match[1] ?? '';
  let matched = false;
  // Every token is compared, so the time taken does not reveal which one (if any) matched.
  for (const token of tokens) matched = constantTimeEqual(received, token) || matched;
  if (!matched) throw new WebhookSignatureError('The Authorization token does not match');
}
