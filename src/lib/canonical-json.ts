/**
 * JSON with object keys sorted at every level, so that two deliveries of the same content hash the same
 * whatever key order the sender used. It recurses once per level: callers pass values of bounded depth (webhook
 * bodies are depth-capped when parsed; GraphQL inputs are no deeper than the query that carried them).
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
