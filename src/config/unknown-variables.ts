/**
 * Prefixes of the gateway's own variables. A name with one of them that the gateway does not know is almost always
 * a typo (`WHATSAPP_ACCES_TOKEN`) or a variable from another product, and silently ignoring it is how a production
 * start ends up without its secret. OTEL_* is OpenTelemetry's standard namespace and is never reported.
 */
export const GATEWAY_VARIABLE_PREFIXES: readonly string[] = [
  'WHATSAPP_',
  'GATEWAY_',
  'GRAPH_API_',
  'GRAPHQL_',
  'REDIS_',
  'META_',
  'WEBHOOK_',
  'WHAPI_',
  'YCLOUD_',
  'SANDBOX_',
  'CORS_',
  'METRICS_',
  'LOG_',
];

/** Names that other tools commonly use for what the gateway reads from one variable. */
const HINTS: Readonly<Record<string, string>> = {
  REDIS_HOST: 'REDIS_URL (redis://[user:password@]host:port[/db]; rediss:// for TLS)',
  REDIS_PORT: 'REDIS_URL (redis://[user:password@]host:port[/db]; rediss:// for TLS)',
  REDIS_PASSWORD: 'REDIS_URL (redis://[user:password@]host:port[/db]; rediss:// for TLS)',
  REDIS_USERNAME: 'REDIS_URL (redis://[user:password@]host:port[/db]; rediss:// for TLS)',
  REDIS_DB: 'REDIS_URL (redis://[user:password@]host:port[/db]; rediss:// for TLS)',
  REDIS_TLS: 'REDIS_URL (redis://[user:password@]host:port[/db]; rediss:// for TLS)',
};

export interface UnknownVariable {
  name: string;
  /** The closest known name, when one is close enough to be a likely typo (or a known alias). */
  suggestion: string | null;
}

/**
 * The environment names that carry a gateway prefix but are not known, each with the closest known name.
 * Variables that Kubernetes service links and Docker container links inject (`REDIS_PORT=tcp://10.0.0.7:6379`,
 * `REDIS_SERVICE_HOST`, ...) are not the operator's settings and are left alone.
 */
export function findUnknownVariables(env: Readonly<Record<string, string | undefined>>, known: ReadonlySet<string>): UnknownVariable[] {
  const unknown: UnknownVariable[] = [];
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || known.has(name)) continue;
    if (!GATEWAY_VARIABLE_PREFIXES.some((prefix) => name.startsWith(prefix))) continue;
    if (isInjectedLinkVariable(name, value)) continue;
    unknown.push({ name, suggestion: HINTS[name] ?? closestName(name, known) });
  }
  return unknown.sort((a, b) => a.name.localeCompare(b.name));
}

/** One line per unknown variable, for the start-up warning (or, in production, the configuration error). */
export function describeUnknownVariable(variable: UnknownVariable): string {
  const advice = variable.suggestion === null ? 'remove it, or see .env.example for every variable the gateway reads' : `did you mean ${variable.suggestion}?`;
  return `${variable.name} is not a variable the gateway reads: ${advice}`;
}

/** Kubernetes: <SVC>_SERVICE_HOST, <SVC>_SERVICE_PORT[_<NAME>], <SVC>_PORT=tcp://..., <SVC>_PORT_<n>_<PROTO>[_ADDR|_PORT|_PROTO]; Docker links add <ALIAS>_NAME and <ALIAS>_ENV_*. */
function isInjectedLinkVariable(name: string, value: string): boolean {
  if (/_SERVICE_(HOST|PORT)(_[A-Z0-9_]+)?$/.test(name)) return true;
  if (/_PORT_\d+_(TCP|UDP|SCTP)(_(ADDR|PORT|PROTO))?$/.test(name)) return true;
  if (/_PORT$/.test(name) && /^(tcp|udp|sctp):\/\//.test(value)) return true;
  if (/_ENV_[A-Z0-9_]+$/.test(name) || (/_NAME$/.test(name) && value.startsWith('/'))) return true;
  return false;
}

/** The known name at the smallest edit distance, if that distance is small for the name's length. */
export function closestName(name: string, known: Iterable<string>): string | null {
  let best: string | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of known) {
    const distance = levenshtein(name, candidate);
    if (distance < bestDistance || (distance === bestDistance && best !== null && candidate < best)) {
      best = candidate;
      bestDistance = distance;
    }
  }
  // A third of the name: WHATSAPP_ACCES_TOKEN (1 edit) and GATEWAY_API_KEY (1) are typos; REDIS_HOST is not REDIS_URL.
  return best !== null && bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? best : null;
}

/** Edit distance (insertions, deletions, substitutions), two rows at a time. */
export function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}
