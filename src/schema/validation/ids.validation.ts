import { BadUserInputError } from '../../errors/gateway-errors';

/** Most ids one `groupsByIds` call accepts: 2 Graph batch requests' worth, enough for a page of a UI. */
export const MAX_IDS_PER_LOOKUP = 100;

/** An id argument must hold something: an empty id can only be a client bug, never a group. */
export function validateId(argumentName: string, id: string): string {
  if (id.trim() === '') throw new BadUserInputError(`\`${argumentName}\` must not be empty`, { argumentName });
  return id;
}

export function validateIds(argumentName: string, ids: readonly string[], max = MAX_IDS_PER_LOOKUP): readonly string[] {
  if (ids.length < 1 || ids.length > max) {
    throw new BadUserInputError(`\`${argumentName}\` must hold 1..${max} ids, got ${ids.length}`, { argumentName });
  }
  const emptyAt = ids.findIndex((id) => id.trim() === '');
  if (emptyAt !== -1) throw new BadUserInputError(`\`${argumentName}[${emptyAt}]\` must not be empty`, { argumentName });
  return ids;
}
