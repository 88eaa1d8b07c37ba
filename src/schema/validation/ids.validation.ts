import { BadUserInputError } from '../../errors/gateway-errors';

/** Most ids one `groupsByIds` call accepts: 2 Graph batch requests' worth, enough for a page of a UI. */
export const MAX_IDS_PER_LOOKUP = 100;

/**
 * The id rule (README, Security, "Ids and keys"): what Meta's group, join request, request and message ids, phone number
 * ids, media ids and the `@g.us` ids of other providers are made of (letters, digits, escaped or plain base64 and its
 * separators), at most 256 characters. Nothing else reaches a Redis key or an upstream path: no whitespace, control
 * characters, glob or hash-tag characters (`*`, `?`, `[`, `{`, `}`), and no `..` that could climb a URL path.
 */
export const ID_MAX_CHARS = 256;
export const ID_CHARACTERS_TEXT = 'A-Z a-z 0-9 . _ : @ = + / -';
/** The allowed characters by char code: an id is checked in one pass of table lookups. */
const ALLOWED = new Uint8Array(128);
for (const char of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._:@=+/-') ALLOWED[char.charCodeAt(0)] = 1;

/** Why `id` breaks the id rule, or null when it keeps it. Checks the length first, so a huge id costs nothing more. */
export function idProblem(id: string): string | null {
  if (id === '') return 'empty';
  if (id.length > ID_MAX_CHARS) return `it is ${id.length} characters long`;
  for (let index = 0; index < id.length; index++) {
    const code = id.charCodeAt(index);
    if (code >= 128 || ALLOWED[code] === 0) return `it holds ${JSON.stringify(id[index])} at position ${index}`;
  }
  if (id.includes('..')) return 'it holds ".."';
  return null;
}

/** An id argument must hold something: an empty id can only be a client bug, never a group. */
export function validateId(argumentName: string, id: string): string {
  const problem = idProblem(id.trim());
  if (problem === 'empty') throw new BadUserInputError(`\`${argumentName}\` must not be empty`, { argumentName });
  if (problem !== null) throw new BadUserInputError(`\`${argumentName}\` is not an id: ${problem}`, { argumentName });
  return id.trim();
}

export function validateIds(argumentName: string, ids: readonly string[], max = MAX_IDS_PER_LOOKUP): readonly string[] {
  if (ids.length < 1 || ids.length > max) {
    throw new BadUserInputError(`\`${argumentName}\` must hold 1..${max} ids, got ${ids.length}`, { argumentName });
  }
  return ids.map((id, index) => {
    const problem = idProblem(id.trim());
    if (problem === 'empty') throw new BadUserInputError(`\`${argumentName}[${index}]\` must not be empty`, { argumentName });
    if (problem !== null) throw new BadUserInputError(`\`${argumentName}[${index}]\` is not an id: ${problem}`, { argumentName });
    return id.trim();
  });
}
