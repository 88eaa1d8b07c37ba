import { WebhookPayloadError } from '../../webhook-errors';

/**
 * Deepest nesting a delivery may have. Real payloads stay under ~10 levels (Meta: envelope → entry → change →
 * value → groups[] → item → errors[] → error_data). The cap exists because JSON.parse copes with millions of
 * levels but JSON.stringify, recursion and the event log do not: such a body would crash far from here.
 */
export const MAX_JSON_DEPTH = 64;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;

/**
 * Parses a webhook body. Throws WebhookPayloadError for a body that is not JSON or nests deeper than
 * MAX_JSON_DEPTH. The depth is measured on the raw bytes before parsing (one linear pass; UTF-8
 * continuation bytes never equal an ASCII quote or bracket), so a hostile body is rejected before it is built.
 */
export function parseJsonBody(rawBody: Buffer, provider: string): unknown {
  assertDepthWithin(rawBody, MAX_JSON_DEPTH, provider);
  try {
    return JSON.parse(rawBody.toString('utf8')) as unknown;
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new WebhookPayloadError(`The ${provider} webhook body is not valid JSON: ${why}`);
  }
}

function assertDepthWithin(rawBody: Buffer, maxDepth: number, provider: string): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < rawBody.length; i += 1) {
    const byte = rawBody[i];
    if (inString) {
      if (byte === BACKSLASH) i += 1;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
      depth += 1;
      if (depth > maxDepth) {
        throw new WebhookPayloadError(`The ${provider} webhook body nests deeper than ${maxDepth} levels`);
      }
    } else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
      depth -= 1;
    }
  }
}
