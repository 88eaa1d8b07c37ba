/** Label values for GraphQL operation names: named operations, at most `limit` distinct ones, the rest `other`. */
export interface OperationNameLabels {
  of(name: string | null): string;
}

export const ANONYMOUS_OPERATION = 'anonymous';
export const OTHER_OPERATIONS = 'other';

/**
 * Clients choose operation names, so an unbounded label would let them grow the gateway's memory and every
 * Prometheus series without end: the first `limit` names seen keep their own series, later ones share `other`.
 * Names longer than 100 characters or with characters outside GraphQL's name grammar are `other` as well.
 */
export function createOperationNameLabels(limit: number): OperationNameLabels {
  if (!Number.isInteger(limit) || limit < 0) throw new TypeError(`createOperationNameLabels expects limit to be an integer >= 0, got ${JSON.stringify(limit)}`);
  const seen = new Set<string>();
  return {
    of(name) {
      if (name === null || name === '') return ANONYMOUS_OPERATION;
      if (seen.has(name)) return name;
      if (seen.size >= limit || name.length > 100 || !/^[_A-Za-z][_0-9A-Za-z]*$/.test(name)) return OTHER_OPERATIONS;
      seen.add(name);
      return name;
    },
  };
}
