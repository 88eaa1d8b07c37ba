import { createHash } from 'node:crypto';

/** The sha256 (hex) of a document's text, as Apollo's persisted queries and trusted-document manifests name it. */
export function documentHash(query: string): string {
  return createHash('sha256').update(query).digest('hex');
}

export interface DocumentHashes {
  /** documentHash(query), remembered: clients send the same few documents over and over. */
  of(query: string): string;
}

/**
 * Remembers the hashes of recently seen documents (least recently used out), bounded by the characters of text
 * kept, so that a cache hit costs a Map lookup instead of a sha256 over the whole document.
 */
export function createDocumentHashes(options: { maxChars: number }): DocumentHashes {
  if (!Number.isInteger(options.maxChars) || options.maxChars < 0) {
    throw new TypeError(`createDocumentHashes expects maxChars to be an integer >= 0, got ${JSON.stringify(options.maxChars)}`);
  }
  const { maxChars } = options;
  const hashes = new Map<string, string>();
  let chars = 0;
  return {
    of(query) {
      const known = hashes.get(query);
      if (known !== undefined) return known;
      const hash = documentHash(query);
      if (query.length > maxChars) return hash;
      hashes.set(query, hash);
      chars += query.length;
      for (const oldest of hashes.keys()) {
        if (chars <= maxChars) break;
        hashes.delete(oldest);
        chars -= oldest.length;
      }
      return hash;
    },
  };
}
