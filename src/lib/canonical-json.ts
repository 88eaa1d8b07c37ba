/**
 * JSON with object keys sorted at every level, so that two values with the same content hash the same whatever key
 * order they were built in (webhook deliveries, idempotent mutation inputs). Recursive: callers bound the depth
 * first (webhook bodies by MAX_JSON_DEPTH, mutation inputs by their GraphQL input types).
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const record = value as Readonly<Record<string, unknown>>;
    const keys = Object.keys(record).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
