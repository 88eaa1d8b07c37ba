import { createHash } from 'node:crypto';
import { canonicalJson } from '../lib/canonical-json';

/** The sha256 (hex) of a document's text, as Apollo's persisted queries and trusted-document manifests name it. */
export function documentHash(query: string): string {
  return createHash('sha256').update(query).digest('hex');
}

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
  return [parts.scope, parts.documentHash, parts.operationName ?? '', canonicalJson(parts.variables ?? {}), parts.accept].join('\u0000');
}
