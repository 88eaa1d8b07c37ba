import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';

// ---------------------------------------------------------------------------------------------------------------
// Dependency rules: the table of docs/ARCHITECTURE.md#dependency-rules, enforced. PART says where each part lives
// under src/ (renaming or moving a folder changes its line here and nothing else); MAY_IMPORT says what it may import.
// ---------------------------------------------------------------------------------------------------------------
const GRAPHQL_TYPES = 'schema';
const PART = {
  lib: 'lib',
  config: 'config',
  upstream: 'upstream',
  events: 'events',
  errors: 'errors',
  webhooks: 'webhooks',
  cache: 'cache',
  responseCache: 'response-cache',
  loaders: 'loaders',
  operations: 'operations',
  observability: 'observability',
  schema: GRAPHQL_TYPES,
  auth: 'auth',
  limits: 'limits',
  tenancy: 'tenancy',
  context: 'context.ts',
  resolvers: 'resolvers',
  server: 'server',
  sandbox: 'sandbox',
  gateway: 'gateway.ts',
  main: 'main.ts',
};

/**
 * Each part may import its own files and these (parts, or paths inside a part); any other import of src/ is an error.
 * Every row names only rows above it, so the parts cannot form a cycle.
 */
const MAY_IMPORT = {
  lib: [],
  config: ['lib'],
  upstream: ['lib', 'config'],
  events: ['lib', 'config'],
  errors: ['lib', 'upstream'],
  webhooks: ['lib', 'config', 'events'],
  cache: ['lib', 'config', 'upstream', 'events'],
  responseCache: ['lib', 'config', 'events'],
  loaders: ['lib', 'config', 'upstream', 'cache', 'responseCache'],
  operations: ['lib', 'config', 'upstream', 'events', 'errors', 'webhooks', 'cache'],
  // Builds the hooks the other parts take (they never import it): only gateway.ts and main.ts use it.
  observability: ['lib', 'config', 'upstream', 'events', 'webhooks', 'cache', 'loaders', 'operations'],
  schema: ['lib', 'config', 'upstream', 'events', 'errors', 'loaders', 'operations'],
  auth: ['lib', 'config', 'errors'],
  limits: ['lib', 'config', 'upstream', 'events', 'errors', 'auth'],
  tenancy: ['lib', 'config', 'upstream', 'events', 'errors', 'webhooks', 'schema', 'auth', 'limits'],
  context: ['lib', 'config', 'upstream', 'events', 'errors', 'cache', 'responseCache', 'loaders', 'operations', 'schema', 'auth', 'limits', 'tenancy'],
  resolvers: ['lib', 'config', 'upstream', 'events', 'errors', 'cache', 'responseCache', 'loaders', 'operations', 'schema', 'auth', 'limits', 'tenancy', 'context'],
  server: ['lib', 'config', 'upstream', 'events', 'errors', 'webhooks', 'responseCache', 'schema', 'auth', 'limits', 'context'],
  sandbox: ['lib', 'config', 'upstream', `${PART.webhooks}/providers`],
  gateway: Object.keys(PART).filter((part) => part !== 'gateway' && part !== 'main'),
  main: Object.keys(PART).filter((part) => part !== 'main'),
};

/** Packages only the parts listed may import. */
const PACKAGES = [
  {
    what: 'GraphQL',
    only: ['errors', 'schema', 'limits', 'tenancy', 'context', 'resolvers', 'server', 'gateway', 'main'],
    regex: '^(graphql|type-graphql|graphql-scalars)(/|$)',
  },
  {
    what: 'the HTTP and WebSocket server',
    only: ['server'],
    regex: '^(fastify|@fastify/.+|@as-integrations/.+|@apollo/server|ws|graphql-ws|graphql-sse|graphql-http)(/|$)',
  },
  {
    // The sandbox stands in for graph.facebook.com, and the metrics are scraped off the public port: each has a listener of its own.
    what: "Node's HTTP and socket modules",
    only: ['server', 'sandbox', 'observability'],
    regex: '^(node:)?(http|https|http2|net)$',
  },
  {
    what: 'Prometheus metrics and OpenTelemetry',
    only: ['observability'],
    regex: '^(prom-client|@opentelemetry/.+)(/|$)',
  },
];

// ---------------------------------------------------------------------------------------------------------------
const ROOT = dirname(fileURLToPath(import.meta.url));
const SRC = 'src';
const at = (relative) => `${SRC}/${relative}`;
const inside = (relative, where) => relative === where || relative.startsWith(`${where}/`);
/** The innermost part holding a path of src/ (schema/errors/x.ts belongs to errors, not schema). */
const partOf = (relative) =>
  Object.keys(PART)
    .filter((part) => inside(relative, PART[part]))
    .sort((a, b) => PART[b].length - PART[a].length)[0];

// A folder or root file of src/ without a row would go unchecked: the lint stops until the table names it.
for (const entry of readdirSync(join(ROOT, SRC))) {
  if (partOf(entry) === undefined) throw new Error(`eslint.config.mjs: src/${entry} has no row in the dependency table (PART, MAY_IMPORT)`);
}
// Rows in order: a part may import only parts listed before it, which keeps the table free of cycles.
const order = Object.keys(PART);
for (const [index, part] of order.entries()) {
  const later = (MAY_IMPORT[part] ?? []).filter((allowed) => order.indexOf(partOf(PART[allowed] ?? allowed)) >= index);
  if (MAY_IMPORT[part] === undefined || later.length > 0) {
    throw new Error(`eslint.config.mjs: MAY_IMPORT.${part} must name only parts listed before it in PART, got ${later.join(', ') || 'no row'}`);
  }
}
/**
 * One zone per forbidden part. Paths inside it that are parts of their own (errors in graph) or that this part may
 * import are carved out: the first have their own zone, so an import is reported once.
 */
const zonesFor = (part, extraAllowed = []) => {
  const allowed = [PART[part], ...MAY_IMPORT[part].map((p) => PART[p] ?? p), ...extraAllowed];
  const message = `src/${PART[part]} may import only ${MAY_IMPORT[part].map((p) => PART[p] ?? p).join(', ') || 'packages'} (docs/ARCHITECTURE.md#dependency-rules).`;
  return Object.values(PART)
    .filter((where) => !allowed.includes(where))
    .map((from) => {
      const nested = [...new Set([...Object.values(PART), ...allowed])].filter((where) => where.startsWith(`${from}/`));
      const except = nested.map((where) => `./${where.slice(from.length + 1)}`);
      return { target: at(PART[part]), from: at(from), ...(except.length === 0 ? {} : { except }), message };
    });
};
const restrictedPaths = (part, extraAllowed) => {
  const zones = zonesFor(part, extraAllowed);
  return zones.length === 0 ? 'off' : ['error', { zones, basePath: ROOT }];
};
const restrictedPackages = (part) => [
  'error',
  {
    patterns: PACKAGES.filter((rule) => !rule.only.includes(part)).map((rule) => ({
      regex: rule.regex,
      message: `Only ${rule.only.map((p) => `src/${PART[p]}`).join(', ')} may know ${rule.what} (docs/ARCHITECTURE.md#dependency-rules).`,
    })),
  },
];
const filesOf = (part) => (PART[part].endsWith('.ts') ? [at(PART[part])] : [`${at(PART[part])}/**/*.ts`]);

const dependencyRules = [
  {
    files: [`${SRC}/**/*.ts`],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts'],
      // Without a parser for .ts, import-x cannot read the files an import leads to, and no-cycle sees no cycle.
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: join(ROOT, 'tsconfig.json') })],
    },
    rules: { 'import-x/no-cycle': 'error' },
  },
  // Files of a nested part (schema/errors) match their parent's glob too: the later, nested block wins.
  ...Object.keys(PART)
    .sort((a, b) => PART[a].length - PART[b].length)
    .map((part) => ({
      files: filesOf(part),
      rules: { 'import-x/no-restricted-paths': restrictedPaths(part), 'no-restricted-imports': restrictedPackages(part) },
    })),
];

/** Test tiers share code only through test/helpers/ (and test/fixtures/): none imports another's files. */
const TEST_TIERS = ['unit', 'contract', 'integration', 'fuzz', 'soak'];
const testTierBoundaries = [...TEST_TIERS, 'helpers'].map((tier) => ({
  files: [`test/${tier}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      { patterns: [{ group: TEST_TIERS.filter((other) => other !== tier).map((other) => `**/${other}/**`), message: 'Shared test code lives in test/helpers/.' }] },
    ],
  },
}));

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'bench/results/', 'test/generated/', 'examples/web/src/gql/', 'examples/web/dist/', 'test/artifacts/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports', disallowTypeAnnotations: false }],
      'no-console': ['error', { allow: ['error', 'warn'] }],
    },
  },
  ...dependencyRules,
  {
    files: ['bench/**/*.mjs', 'test/**/*.mjs', 'scripts/**/*', '*.js'],
    languageOptions: { globals: { module: 'writable', require: 'readonly', process: 'readonly', console: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', URL: 'readonly', Buffer: 'readonly', performance: 'readonly', fetch: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', setImmediate: 'readonly', clearImmediate: 'readonly', AbortController: 'readonly', AbortSignal: 'readonly', TextEncoder: 'readonly', TextDecoder: 'readonly' } },
    rules: { 'no-console': 'off', '@typescript-eslint/no-require-imports': 'off' },
  },
  ...testTierBoundaries,
);
