import { readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { loadConfig } from '../../../src/config/config';
import { renderEnvExample } from '../../../src/config/env-example';
import { VARIABLE_SECTIONS, VARIABLES } from '../../../src/config/variables';
import { ENV_EXAMPLE_FILE } from '../../../scripts/emit-env-example';

describe('.env.example', () => {
  const text = readFileSync(ENV_EXAMPLE_FILE, 'utf8');

  it('is exactly what `npm run env:example` generates from the table of known variables', () => {
    expect(text).toBe(renderEnvExample(VARIABLE_SECTIONS));
  });

  it('lists every variable once, commented out, with its literal default as the value', () => {
    const assignments = text.split('\n').filter((line) => /^#[A-Z][A-Z0-9_]*=/.test(line));
    expect(assignments.map((line) => line.slice(1, line.indexOf('=')))).toEqual(VARIABLES.map((variable) => variable.name));
    expect(assignments).toContain('#PORT=4000');
    expect(assignments).toContain('#WHATSAPP_ACCESS_TOKEN=');
  });

  it('starts the gateway unchanged when every line is uncommented', () => {
    const uncommented = text
      .split('\n')
      .filter((line) => /^#[A-Z][A-Z0-9_]*=/.test(line))
      .map((line) => line.slice(1))
      .join('\n');
    const env = parseEnv(uncommented);
    expect(loadConfig(env)).toEqual(loadConfig({}));
  });
});
