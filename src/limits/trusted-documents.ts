import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { GraphQLError } from 'graphql';
import { GatewayErrorCode } from '../errors/gateway-error-code';

/** The documents known clients may send by hash (GRAPHQL_TRUSTED_DOCUMENTS_FILE). */
export interface TrustedDocuments {
  /** The document text of a trusted sha256 (lower-case hex), or undefined. */
  get(hash: string): string | undefined;
  readonly size: number;
}

export const NO_TRUSTED_DOCUMENTS: TrustedDocuments = { get: () => undefined, size: 0 };

/**
 * Reads the trusted documents: a JSON object of sha256 (hex of the document's UTF-8 text) → document, as GraphQL
 * Code Generator's persisted documents write it. Every hash is checked against its text, so a manifest built from
 * other texts than the clients send fails the start, not every request. Reports every problem at once.
 */
export async function loadTrustedDocuments(path: string): Promise<TrustedDocuments> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new Error(`GRAPHQL_TRUSTED_DOCUMENTS_FILE: cannot read ${path} (${(error as Error).message}); point it at a JSON map of sha256 to document`);
  }
  return parseTrustedDocuments(text, path);
}

export function parseTrustedDocuments(text: string, source: string): TrustedDocuments {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`GRAPHQL_TRUSTED_DOCUMENTS_FILE: ${source} is not JSON; expected an object of sha256 to document, e.g. {"<64 hex>":"query Q { __typename }"}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`GRAPHQL_TRUSTED_DOCUMENTS_FILE: ${source} must hold a JSON object of sha256 to document, got ${Array.isArray(parsed) ? 'an array' : typeof parsed}`);
  }
  const documents = new Map<string, string>();
  const problems: string[] = [];
  for (const [hash, document] of Object.entries(parsed as Record<string, unknown>)) {
    if (typeof document !== 'string' || document === '') {
      problems.push(`"${hash}": the document must be a non-empty string`);
      continue;
    }
    const actual = sha256OfDocument(document);
    if (hash.toLowerCase() !== actual) {
      problems.push(`"${hash}": not the sha256 of its document (that is ${actual})`);
      continue;
    }
    documents.set(actual, document);
  }
  if (problems.length > 0) throw new Error(`GRAPHQL_TRUSTED_DOCUMENTS_FILE: ${source} has ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
  return { get: (hash) => documents.get(hash.toLowerCase()), size: documents.size };
}

/**
 * FORBIDDEN (HTTP 403) for a key marked `trustedDocumentsOnly` sending a document that is not trusted (`hash`: the
 * sha256 of its text, or the hash it was sent as); null when the key may run it.
 */
export function untrustedDocumentRefusal(trusted: TrustedDocuments, principal: { trustedDocumentsOnly?: boolean }, hash: string): GraphQLError | null {
  if (principal.trustedDocumentsOnly !== true || trusted.get(hash) !== undefined) return null;
  return new GraphQLError(`This API key may run only trusted documents (GRAPHQL_TRUSTED_DOCUMENTS_FILE); the document ${hash} is not one`, {
    extensions: { code: GatewayErrorCode.FORBIDDEN, documentHash: hash, http: { status: 403 } },
  });
}

/** The sha256 (hex) of a document's text: how trusted documents and APQ name it. */
export function sha256OfDocument(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
