import type { VariableDefault, VariableSection } from './variables';

/**
 * The text of `.env.example`: every variable, commented out, with its default and meaning. Literal defaults are
 * written as the value, so uncommenting a line changes nothing until the value is edited. The file works with
 * `node --env-file=.env`, `docker run --env-file .env` and Compose's `env_file`.
 */
export function renderEnvExample(sections: readonly VariableSection[]): string {
  const lines = [
    '# WhatsApp Groups GraphQL Gateway: every environment variable it reads, with its default and meaning.',
    '# Generated from src/config/variables.ts by `npm run env:example`; a test fails when this file is stale.',
    '# Copy it to .env and uncomment what you change. With nothing set, the gateway runs in sandbox mode (outside',
    '# production). In production (NODE_ENV=production) WHATSAPP_ACCESS_TOKEN and API keys are required, and an',
    '# unknown WHATSAPP_*, GATEWAY_*, GRAPH_API_*, GRAPHQL_*, REDIS_*, META_*, WEBHOOK_*, ... name stops the start.',
  ];
  for (const section of sections) {
    lines.push('', `# --- ${section.title} ---`);
    for (const variable of section.variables) {
      lines.push(`# ${variable.meaning}. Default: ${describeDefault(variable.default)}.`);
      lines.push(`#${variable.name}=${typeof variable.default === 'string' ? variable.default : ''}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function describeDefault(value: VariableDefault): string {
  if (value === null) return 'unset';
  if (typeof value === 'string') return value;
  return value.rule;
}
