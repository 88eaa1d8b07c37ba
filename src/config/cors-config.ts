/**
 * Which browser origins may read the gateway's answers (CORS) and open its WebSocket.
 * `loopback`: any `http://localhost:<port>` or `http://127.0.0.1:<port>` page (the sandbox and development default).
 */
export type OriginPolicy =
  | { readonly kind: 'none' }
  | { readonly kind: 'any' }
  | { readonly kind: 'loopback' }
  | { readonly kind: 'list'; readonly origins: readonly string[] };

export interface CorsConfig {
  readonly origins: OriginPolicy;
  /** `Access-Control-Allow-Credentials: true` (cookies, TLS client certificates). API keys travel as headers and need no credentials. */
  readonly credentials: boolean;
}

export interface CorsConfigInput {
  /** CORS_ORIGINS, trimmed; null when unset or empty. */
  origins: string | null;
  credentials: boolean;
  /** Sandbox mode or NODE_ENV=development: with CORS_ORIGINS unset, local pages may call the gateway. */
  localDefault: boolean;
}

/** Parses CORS_ORIGINS / CORS_CREDENTIALS; every problem goes to `problems` (the config reports them all at once). */
export function parseCorsConfig(input: CorsConfigInput, problems: string[]): CorsConfig {
  if (input.origins === null) return { origins: { kind: input.localDefault ? 'loopback' : 'none' }, credentials: input.credentials };
  const entries = input.origins.split(',').map((entry) => entry.trim()).filter((entry) => entry.length > 0);
  if (entries.includes('*')) {
    if (entries.length > 1) problems.push('CORS_ORIGINS is "*" (every origin) or a list of origins, not both');
    // A page on any site could then act with the visitor's cookies: browsers refuse the pair, so refuse it here first.
    if (input.credentials) problems.push('CORS_CREDENTIALS=on cannot be combined with CORS_ORIGINS=*; list the origins that may send credentials');
    return { origins: { kind: 'any' }, credentials: input.credentials };
  }
  const origins: string[] = [];
  for (const entry of entries) {
    const problem = originProblem(entry);
    if (problem === null) origins.push(entry);
    else problems.push(`CORS_ORIGINS entries must be exact origins like https://app.example.com (scheme, host, optional port; no path, no trailing slash): ${problem}`);
  }
  if (entries.length === 0) problems.push(`CORS_ORIGINS lists no origin, got "${input.origins}"`);
  return { origins: { kind: 'list', origins }, credentials: input.credentials };
}

/** Browsers send `Origin` serialised (lower-case host, no default port, no path): an entry must be written the same way to match. */
function originProblem(entry: string): string | null {
  let url: URL;
  try {
    url = new URL(entry);
  } catch {
    return `"${entry}" is not a URL`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `"${entry}" is not http(s)`;
  if (url.origin !== entry) return `"${entry}" is not one (did you mean "${url.origin}"?)`;
  return null;
}
