import { canonicalJson } from '../lib/canonical-json';

export { documentHash } from './document-hash';

export interface ResponseCacheKeyParts {
  /** sha256 of the document text (documentHash), so an APQ hit needs neither the text nor a parse. */
  documentHash: string;
  operationName: string | null;
  variables: Readonly<Record<string, unknown>> | null;
  /** The caller's grants (scopes, phone numbers, default number): answers are never shared across scopes. */
  scope: string;
  /** The Accept header: the media type of the answer follows it. */
  accept: string;
}

/** One string per distinct answer; variables in canonical JSON so their key order does not matter. */
export function responseCacheKey(parts: ResponseCacheKeyParts): string {
  return `${parts.scope}\u0000${parts.documentHash}\u0000${parts.operationName ?? ''}\u0000${canonicalJson(parts.variables ?? {})}\u0000${parts.accept}`;
}

