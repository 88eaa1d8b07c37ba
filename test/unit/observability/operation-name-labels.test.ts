import { createOperationNameLabels } from '../../../src/observability/operation-name-labels';

describe('createOperationNameLabels', () => {
  it('keeps the first names seen, then answers "other"; anonymous operations are "anonymous"', () => {
    const labels = createOperationNameLabels(2);
    expect(labels.of('GroupSummary')).toBe('GroupSummary');
    expect(labels.of(null)).toBe('anonymous');
    expect(labels.of('')).toBe('anonymous');
    expect(labels.of('UpdateGroup')).toBe('UpdateGroup');
    expect(labels.of('Third')).toBe('other');
    expect(labels.of('GroupSummary')).toBe('GroupSummary');
  });

  it('never gives a series to a name outside GraphQL grammar or longer than 100 characters', () => {
    const labels = createOperationNameLabels(10);
    expect(labels.of('bad name')).toBe('other');
    expect(labels.of('x'.repeat(101))).toBe('other');
    expect(labels.of('x'.repeat(100))).toBe('x'.repeat(100));
  });

  it('refuses a limit that is not a whole number', () => {
    expect(() => createOperationNameLabels(-1)).toThrow('limit to be an integer >= 0, got -1');
  });
});
