import { createHmac, timingSafeEqual } from 'node:crypto';
import { WebhookSignatureError } from '../../webhook-errors';

export const YCLOUD_SIGNATURE_HEADER = 'ycloud-signature';

/** At most this many `s=` values are checked, so a hostile header cannot make us compute HMACs without end. */
const MAX_SIGNATURES = 8;

/** `t=<unix seconds>,s=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`, as YCloud sends it in `YCloud-Signature`. */
export function signYCloudPayload(rawBody: string | Buffer, secret: string, timestamp: Date): string {
  const t = String(Math.floor(timestamp.getTime() / 1000));
  return `t=${t},s=${signature(secret, t, rawBody).toString('hex')}`;
}

export interface YCloudVerifyOptions {
  /** Endpoint secrets; any of them verifies (rotation). */
  secrets: readonly string[];
  /** How far the signed time may be from `now`, either way, before the delivery is refused (replay window). */
  toleranceSeconds: number;
  now: Date;
}

/**
 * Verifies `YCloud-Signature` over the raw bytes: the timestamp must be within the tolerance of `now` (a
 * stale one is a replay, a future one a forgery or a broken clock), and some `s=` must equal the HMAC under
 * some secret, compared in constant time. Throws WebhookSignatureError otherwise.
 */
export function verifyYCloudSignature(rawBody: Buffer, header: string | undefined, options: YCloudVerifyOptions): void {
  if (options.secrets.length === 0) throw new WebhookSignatureError('No YCloud webhook secret is configured');
  if (header === undefined || header === '') throw new WebhookSignatureError('Missing YCloud-Signature header');
  const parsed = parseSignatureHeader(header);
  if (parsed === null) throw new WebhookSignatureError('Malformed YCloud-Signature header: expected t=<unix seconds>,s=<64 hex digits>');
  const ageSeconds = options.now.getTime() / 1000 - Number(parsed.timestamp);
  if (ageSeconds > options.toleranceSeconds) {
    throw new WebhookSignatureError(`YCloud-Signature timestamp is ${Math.round(ageSeconds)} s old, beyond the ${options.toleranceSeconds} s tolerance`);
  }
  if (-ageSeconds > options.toleranceSeconds) {
    throw new WebhookSignatureError(`YCloud-Signature timestamp is ${Math.round(-ageSeconds)} s in the future, beyond the ${options.toleranceSeconds} s tolerance`);
  }
  for (const secret of options.secrets) {
    const expected = signature(secret, parsed.timestamp, rawBody);
    if (parsed.signatures.some((received) => timingSafeEqual(expected, received))) return;
  }
  throw new WebhookSignatureError('YCloud-Signature does not match the body');
}

function signature(secret: string, timestamp: string, rawBody: string | Buffer): Buffer {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest();
}

/** `t=…,s=…` in any order, spaces allowed; unknown keys are skipped (forward compatibility). */
function parseSignatureHeader(header: string): { timestamp: string; signatures: Buffer[] } | null {
  let timestamp: string | null = null;
  const signatures: Buffer[] = [];
  for (const part of header.split(',')) {
    const separator = part.indexOf('=');
    if (separator === -1) return null;
    const key = part.slice(0, separator).trim();
    const value = part.slice(separator + 1).trim();
    if (key === 't') {
      if (timestamp !== null || !/^\d{1,12}$/.test(value)) return null;
      timestamp = value;
    } else if (key === 's') {
      if (!/^[0-9a-fA-F]{64}$/.test(value) || signatures.length === MAX_SIGNATURES) return null;
      signatures.push(Buffer.from(value, 'hex'));
    }
  }
  return timestamp === null || signatures.length === 0 ? null : { timestamp, signatures };
}
