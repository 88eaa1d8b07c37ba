import { BadUserInputError } from '../../../../src/errors/gateway-errors';
import { ID_MAX_CHARS, idProblem, MAX_IDS_PER_LOOKUP, validateId, validateIds } from '../../../../src/schema/validation/ids.validation';

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

describe('the id rule', () => {
  it("accepts the shapes Meta's ids and other providers' ids take", () => {
    for (const id of [
      '120363271212442249',
      '120363271212442249@g.us',
      'Y2FwaV9ncm91cDoxNzA1NTU1MDEzOToxMjAzNjM0MDQ2OTQyMzM4MjAZD',
      'wamid.HBgLMTY1MDUwNTUxMjM0FQIAERgSQzQyRjFFQzI3N0JBNkE5QTI1AA==',
      'wamid.ab+cd/ef=',
      '4a3f0c1e-request-id-example',
      'x'.repeat(ID_MAX_CHARS),
    ]) {
      expect(idProblem(id)).toBeNull();
    }
  });

  it('names what is wrong, without echoing a long id', () => {
    expect(idProblem('')).toBe('empty');
    expect(idProblem('x'.repeat(10_240))).toBe('it is 10240 characters long');
    expect(idProblem('g1\nDEL *')).toBe('it holds "\\n" at position 2');
    expect(idProblem('{tag}')).toBe('it holds "{" at position 0');
    expect(idProblem('..')).toBe('it holds ".."');
    expect(idProblem('a/../b')).toBe('it holds ".."');
    expect(idProblem('grüppe')).toBe('it holds "ü" at position 2');
  });

  it('validateId and validateIds apply it and send ids trimmed', () => {
    expect(validateId('id', ' g1 ')).toBe('g1');
    expect(messageOf(() => validateId('id', 'a*b'))).toBe('`id` is not an id: it holds "*" at position 1');
    expect(messageOf(() => validateIds('ids', ['g1', '..']))).toBe('`ids[1]` is not an id: it holds ".."');
  });
});
