import { createHmac, timingSafeEqual } from 'node:crypto';
import { WebhookSignatureError } from '../../webhook-errors';
import type { HandshakeResult } from '../provider';
import { constantTimeEqual } from '../shared/secrets';

// Who is talking to us: the signature over a delivery's raw bytes, and the GET subscription handshake.

export const META_SIGNATURE_HEADER = 'x-hub-signature-256';

/** `sha256=<hex HMAC-SHA256(appSecret, rawBody)>`, as Meta sends it. */
export function signMetaPayload(rawBody: string | Buffer, appSecret: string): string {
  return `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;
}

/**
 * Verifies `X-Hub-Signature-256` over the raw bytes, in constant time, against every configured secret
 * (several secrets allow rotation). Meta signs no timestamp, so replays are handled by event de-duplication.
 */
export function verifyMetaSignature(rawBody: Buffer, header: string | undefined, appSecrets: readonly string[]): void {
  if (appSecrets.length === 0) throw new WebhookSignatureError('No Meta app secret is configured');
  if (header === undefined || header === '') throw new WebhookSignatureError('Missing X-Hub-Signature-256 header');
  const match = /^sha256=([0-9a-f]{64})$/i.exec(header.trim());
  if (match === null) throw new WebhookSignatureError('Malformed X-Hub-Signature-256 header: expected sha256=<64 hex digits>');
  const received = Buffer.from(match[1]!.toLowerCase(), 'hex');
  for (const secret of appSecrets) {
    const expected = createHmac('sha256', secret).update(rawBody).digest();
    if (expected.length === received.length && timingSafeEqual(expected, received)) return;
  }
  throw new WebhookSignatureError('X-Hub-Signature-256 does not match the body');
}

const FORBIDDEN: HandshakeResult = { status: 403, contentType: 'text/plain; charset=utf-8', body: 'Forbidden' };

/**
 * Meta's subscription handshake (`GET ?hub.mode=subscribe&hub.verify_token=…&hub.challenge=…`): 200 with the
 * raw challenge when the mode is "subscribe" and the token matches (constant time); 403 otherwise, including
 * when no verify token is configured or the challenge is missing.
 */
export function answerMetaHandshake(query: URLSearchParams, verifyToken: string | null): HandshakeResult {
  const mode = query.get('hub.mode');
  const token = query.get('hub.verify_token');
  const challenge = query.get('hub.challenge');
  if (verifyToken === null || verifyToken === '' || mode !== 'subscribe' || token === null || challenge === null) return FORBIDDEN;
  if (!constantTimeEqual(token, verifyToken)) return FORBIDDEN;
  return { status: 200, contentType: 'text/plain; charset=utf-8', body: challenge };
}
