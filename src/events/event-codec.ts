/**
 * How an event's JSON is stored in its home stream (the opaque `b` field of a group stream entry). This version
 * stores the JSON as UTF-8; the compact, compressed encoding replaces these two functions without touching the log.
 */
export function encodeEventBody(json: string): Buffer {
  return Buffer.from(json, 'utf8');
}

export function decodeEventBody(body: Buffer): string {
  return body.toString('utf8');
}
