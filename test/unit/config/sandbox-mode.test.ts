import { loadConfig } from '../../../src/config/config';
import { ConfigError } from '../../../src/config/config-error';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
  return [];
}

describe('SANDBOX and the production start', () => {
  it('runs the sandbox by default outside production when no upstream is configured', () => {
    expect(loadConfig({}).mode).toBe('sandbox');
    expect(loadConfig({ NODE_ENV: 'test' }).mode).toBe('sandbox');
    expect(loadConfig({ NODE_ENV: 'development', WHATSAPP_ACCESS_TOKEN: 'token' }).mode).toBe('upstream');
  });

  it('refuses a production start without WHATSAPP_ACCESS_TOKEN, naming it, instead of serving an open sandbox', () => {
    const problems = problemsOf({ NODE_ENV: 'production', GATEWAY_API_KEYS_FILE: '/run/keys.jsonl' });
    expect(problems).toEqual([expect.stringMatching(/^WHATSAPP_ACCESS_TOKEN is required in production .*SANDBOX=on/)]);
  });

  it('names every missing variable of a production start at once (the token and the API keys)', () => {
    const problems = problemsOf({ NODE_ENV: 'production' });
    expect(problems).toEqual([expect.stringContaining('WHATSAPP_ACCESS_TOKEN is required in production'), expect.stringContaining('GATEWAY_API_KEYS_FILE (or GATEWAY_API_KEYS) is required in production')]);
    expect(new ConfigError(problems).message).toMatch(/^Invalid configuration \(2 problems\):\n- WHATSAPP_ACCESS_TOKEN/);
  });

  it('runs the sandbox in production only with SANDBOX=on, with authentication off by default as in every sandbox', () => {
    const config = loadConfig({ NODE_ENV: 'production', SANDBOX: 'on' });
    expect(config.mode).toBe('sandbox');
    expect(config.auth.enabled).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', SANDBOX: 'on', GATEWAY_AUTH: 'on', GATEWAY_API_KEYS: '[]' }).auth.enabled).toBe(true);
  });

  it('starts production with a token and keys in upstream mode, authentication on', () => {
    const config = loadConfig({ NODE_ENV: 'production', WHATSAPP_ACCESS_TOKEN: 'token', GATEWAY_API_KEYS_FILE: '/run/keys.jsonl' });
    expect(config).toMatchObject({ mode: 'upstream', auth: { enabled: true }, upstream: { baseUrl: 'https://graph.facebook.com' }, warnings: [] });
  });

  it('SANDBOX=off needs a token even outside production; SANDBOX=on with an upstream configured is a contradiction', () => {
    expect(problemsOf({ SANDBOX: 'off' })).toEqual([expect.stringContaining('WHATSAPP_ACCESS_TOKEN is required when SANDBOX=off')]);
    expect(problemsOf({ SANDBOX: 'on', WHATSAPP_ACCESS_TOKEN: 'token' })).toEqual([
      'SANDBOX=on runs the embedded emulator, but WHATSAPP_ACCESS_TOKEN configures a real upstream: unset it, or set SANDBOX=off',
    ]);
    expect(problemsOf({ SANDBOX: 'maybe' })).toEqual(['SANDBOX must be "on" or "off", got "maybe"']);
  });

  it('lets `npm run sandbox` start in any environment: it has no upstream of its own', () => {
    expect(loadConfig({ NODE_ENV: 'production' }, { program: 'sandbox' }).mode).toBe('sandbox');
  });
});

describe('development-only switches', () => {
  it('reads LOG_FORMAT and GRAPHQL_EXPOSE_STACKTRACES, both off by default', () => {
    expect(loadConfig({})).toMatchObject({ logFormat: 'json', graphql: { exposeStacktraces: false } });
    expect(loadConfig({ LOG_FORMAT: 'pretty', GRAPHQL_EXPOSE_STACKTRACES: 'on' })).toMatchObject({ logFormat: 'pretty', graphql: { exposeStacktraces: true } });
    expect(problemsOf({ LOG_FORMAT: 'colour' })).toEqual(['LOG_FORMAT must be one of json, pretty, got "colour"']);
  });

  it('refuses both in production, together with anything else that is wrong', () => {
    expect(problemsOf({ NODE_ENV: 'production', SANDBOX: 'on', LOG_FORMAT: 'pretty', GRAPHQL_EXPOSE_STACKTRACES: 'on', PORT: 'x' })).toEqual([
      expect.stringContaining('LOG_FORMAT=pretty is for development'),
      expect.stringContaining('GRAPHQL_EXPOSE_STACKTRACES=on is refused in production'),
      expect.stringContaining('PORT must be an integer'),
    ]);
  });
});

describe('the embedded sandbox port', () => {
  it('is 4010 unless SANDBOX_PORT says otherwise, and remembers whether it was asked for', () => {
    expect(loadConfig({}).sandbox).toMatchObject({ port: 4010, portExplicit: false, host: '127.0.0.1' });
    expect(loadConfig({ SANDBOX_PORT: '0' }).sandbox).toMatchObject({ port: 0, portExplicit: true });
  });
});
