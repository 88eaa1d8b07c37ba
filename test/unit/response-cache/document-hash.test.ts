import { createHash } from 'node:crypto';
import { createDocumentHashes, documentHash } from '../../../src/response-cache/document-hash';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

describe('createDocumentHashes', () => {
  it('answers the sha256 of the text, as APQ names documents, remembered or not', () => {
    const hashes = createDocumentHashes({ maxChars: 10 });
    expect(hashes.of('{ a }')).toBe(sha256('{ a }'));
    expect(hashes.of('{ a }')).toBe(documentHash('{ a }'));
    // Longer than the whole memory: hashed, not kept, still right.
    expect(hashes.of('{ a b c d e f }')).toBe(sha256('{ a b c d e f }'));
  });

  it('keeps at most maxChars of text, dropping the least recently added first', () => {
    const hashes = createDocumentHashes({ maxChars: 10 });
    const seen: string[] = [];
    const spy = jest.spyOn(Map.prototype, 'set');
    for (const text of ['{ aaa }', '{ bb }', '{ aaa }']) seen.push(hashes.of(text));
    // '{ bb }' pushed '{ aaa }' (7 + 6 > 10) out: the third call hashed and stored it again.
    expect(spy.mock.calls.filter(([key]) => typeof key === 'string' && key.startsWith('{')).map(([key]) => key)).toEqual(['{ aaa }', '{ bb }', '{ aaa }']);
    spy.mockRestore();
    expect(seen).toEqual([sha256('{ aaa }'), sha256('{ bb }'), sha256('{ aaa }')]);
  });

  it('refuses a bound that is not a whole number', () => {
    expect(() => createDocumentHashes({ maxChars: -1 })).toThrow(/maxChars to be an integer >= 0, got -1/);
  });
});
