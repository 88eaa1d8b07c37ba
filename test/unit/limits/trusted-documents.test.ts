import { createHash } from 'node:crypto';
import { parseTrustedDocuments, untrustedDocumentRefusal } from '../../../src/limits/trusted-documents';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
const DOC = 'query Q { __typename }';

describe('trusted documents', () => {
  it('reads a map of sha256 to document, hashes compared in lower case', () => {
    const trusted = parseTrustedDocuments(JSON.stringify({ [sha256(DOC).toUpperCase()]: DOC }), 'docs.json');
    expect(trusted.size).toBe(1);
    expect(trusted.get(sha256(DOC))).toBe(DOC);
  });

  it('refuses a manifest whose hashes are not those of their documents, listing every problem', () => {
    expect(() => parseTrustedDocuments(JSON.stringify({ abc: DOC, [sha256(DOC)]: '' }), 'docs.json')).toThrow(
      `GRAPHQL_TRUSTED_DOCUMENTS_FILE: docs.json has 2 problem(s):\n  "abc": not the sha256 of its document (that is ${sha256(DOC)})\n  "${sha256(DOC)}": the document must be a non-empty string`,
    );
    expect(() => parseTrustedDocuments('[]', 'docs.json')).toThrow('must hold a JSON object of sha256 to document, got an array');
  });

  it('refuses only keys marked trustedDocumentsOnly, and only for other documents', () => {
    const trusted = parseTrustedDocuments(JSON.stringify({ [sha256(DOC)]: DOC }), 'docs.json');
    expect(untrustedDocumentRefusal(trusted, { trustedDocumentsOnly: true }, sha256(DOC))).toBeNull();
    expect(untrustedDocumentRefusal(trusted, { trustedDocumentsOnly: false }, 'f'.repeat(64))).toBeNull();
    expect(untrustedDocumentRefusal(trusted, { trustedDocumentsOnly: true }, 'f'.repeat(64))?.extensions).toMatchObject({ code: 'FORBIDDEN', documentHash: 'f'.repeat(64) });
  });
});
