import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../../src/config/config';
import { VARIABLES } from '../../../src/config/variables';

/**
 * Listed so they are documented and not reported as unknown; the parts that read them are configured elsewhere, or
 * (OTEL_*) loadConfig hands every OTEL_* variable to the tracing setup by prefix rather than by name.
 */
const READ_OUTSIDE_LOAD_CONFIG = [
  'OTEL_EXPORTER_OTLP_ENDPOINT',
  'OTEL_SERVICE_NAME',
  'OTEL_TRACES_EXPORTER',
  'OTEL_TRACES_SAMPLER',
];

/** The names loadConfig looks up, observed through a recording environment. */
function namesReadBy(load: (env: Record<string, string | undefined>) => unknown): Set<string> {
  const read = new Set<string>();
  const env = new Proxy({} as Record<string, string | undefined>, {
    get(_target, name) {
      if (typeof name === 'string') read.add(name);
      return undefined;
    },
  });
  load(env);
  return read;
}

describe('the table of known variables', () => {
  const tableNames = VARIABLES.map((variable) => variable.name);
  const readNames = new Set([...namesReadBy((env) => loadConfig(env)), ...namesReadBy((env) => loadConfig(env, { program: 'sandbox' }))]);

  it('lists each variable once', () => {
    expect(new Set(tableNames).size).toBe(tableNames.length);
  });

  it('lists every variable loadConfig reads', () => {
    expect([...readNames].filter((name) => !tableNames.includes(name))).toEqual([]);
  });

  it('lists nothing that nobody reads', () => {
    expect(tableNames.filter((name) => !readNames.has(name)).sort()).toEqual([...READ_OUTSIDE_LOAD_CONFIG].sort());
  });

  it('gives every variable a one-line meaning and a default', () => {
    for (const variable of VARIABLES) {
      expect(variable.meaning).toMatch(/^\S[^\n]*[^.\s]$/);
      expect(variable.default === null || typeof variable.default === 'string' || variable.default.rule.length > 0).toBe(true);
    }
  });
});

describe("the README's configuration table", () => {
  const readme = readFileSync(join(__dirname, '../../../README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('\n## Configuration\n'), readme.indexOf('\n## ', readme.indexOf('\n## Configuration\n') + 1));
  const documented = new Set([...section.matchAll(/^\| (`[A-Z0-9_]+`(?: \/ `[A-Z0-9_]+`)*) \|/gm)].flatMap((row) => [...row[1]!.matchAll(/`([A-Z0-9_]+)`/g)].map((name) => name[1]!)));

  it('has a row for every known variable, and none for an unknown one', () => {
    const known = VARIABLES.map((variable) => variable.name);
    expect(known.filter((name) => !documented.has(name))).toEqual([]);
    expect([...documented].filter((name) => !known.includes(name))).toEqual([]);
  });
});
