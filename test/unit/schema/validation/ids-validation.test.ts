import { BadUserInputError } from '../../../../src/errors/gateway-errors';
import { MAX_IDS_PER_LOOKUP, validateId, validateIds } from '../../../../src/schema/validation/ids.validation';

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof BadUserInputError) return error.message;
    throw error;
  }
  throw new Error('expected a BadUserInputError');
}

describe('id validation', () => {
  it('accepts ids and lists within bounds', () => {
    expect(validateId('id', 'g1')).toBe('g1');
    expect(validateIds('ids', ['g1', 'g1', 'g2'])).toEqual(['g1', 'g1', 'g2']);
  });

  it('names the argument and the problem', () => {
    expect(messageOf(() => validateId('id', '  '))).toBe('`id` must not be empty');
    expect(messageOf(() => validateIds('ids', []))).toBe(`\`ids\` must hold 1..${MAX_IDS_PER_LOOKUP} ids, got 0`);
    expect(messageOf(() => validateIds('ids', Array.from({ length: MAX_IDS_PER_LOOKUP + 1 }, (_, i) => `g${i}`)))).toBe(
      `\`ids\` must hold 1..${MAX_IDS_PER_LOOKUP} ids, got ${MAX_IDS_PER_LOOKUP + 1}`,
    );
    expect(messageOf(() => validateIds('ids', ['g1', 'g2', '', 'g4']))).toBe('`ids[2]` must not be empty');
  });
});
