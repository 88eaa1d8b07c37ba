import type { HandshakeResult } from '../provider';
import { constantTimeEqual } from '../shared/constant-time';

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
