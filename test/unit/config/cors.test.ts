import { loadConfig } from '../../../src/config/config';
import { ConfigError } from '../../../src/config/config-error';

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('CORS_ORIGINS / CORS_CREDENTIALS', () => {
  it('allows local pages by default in sandbox mode and in development, nobody in production or in upstream test mode', () => {
    expect(loadConfig({}).cors).toEqual({ origins: { kind: 'loopback' }, credentials: false });
    expect(loadConfig({ NODE_ENV: 'development', WHATSAPP_ACCESS_TOKEN: 't' }).cors.origins).toEqual({ kind: 'loopback' });
    expect(loadConfig({ NODE_ENV: 'production', WHATSAPP_ACCESS_TOKEN: 't', GATEWAY_AUTH: 'off' }).cors.origins).toEqual({ kind: 'none' });
    expect(loadConfig({ NODE_ENV: 'test', WHATSAPP_ACCESS_TOKEN: 't' }).cors.origins).toEqual({ kind: 'none' });
  });

  it('takes a comma-separated list of exact origins, or *', () => {
    expect(loadConfig({ CORS_ORIGINS: ' https://app.example.com , http://localhost:5173,' }).cors.origins).toEqual({
      kind: 'list',
      origins: ['https://app.example.com', 'http://localhost:5173'],
    });
    expect(loadConfig({ NODE_ENV: 'production', WHATSAPP_ACCESS_TOKEN: 't', GATEWAY_AUTH: 'off', CORS_ORIGINS: '*' }).cors).toEqual({ origins: { kind: 'any' }, credentials: false });
    expect(loadConfig({ CORS_ORIGINS: 'https://app.example.com', CORS_CREDENTIALS: 'on' }).cors.credentials).toBe(true);
  });

  it('refuses entries a browser would never send as its Origin, saying what to write instead', () => {
    expect(problemsOf({ CORS_ORIGINS: 'https://app.example.com/,https://App.Example.com,app.example.com,ftp://x.example.com,https://a.example.com/path' })).toEqual([
      'CORS_ORIGINS entries must be exact origins like https://app.example.com (scheme, host, optional port; no path, no trailing slash): "https://app.example.com/" is not one (did you mean "https://app.example.com"?)',
      'CORS_ORIGINS entries must be exact origins like https://app.example.com (scheme, host, optional port; no path, no trailing slash): "https://App.Example.com" is not one (did you mean "https://app.example.com"?)',
      'CORS_ORIGINS entries must be exact origins like https://app.example.com (scheme, host, optional port; no path, no trailing slash): "app.example.com" is not a URL',
      'CORS_ORIGINS entries must be exact origins like https://app.example.com (scheme, host, optional port; no path, no trailing slash): "ftp://x.example.com" is not http(s)',
      'CORS_ORIGINS entries must be exact origins like https://app.example.com (scheme, host, optional port; no path, no trailing slash): "https://a.example.com/path" is not one (did you mean "https://a.example.com"?)',
    ]);
    expect(problemsOf({ CORS_ORIGINS: 'https://app.example.com:443' })).toEqual([expect.stringContaining('did you mean "https://app.example.com"?')]);
  });

  it('refuses * mixed with origins, * with credentials, a list without origins and a credentials value that is not on/off', () => {
    expect(problemsOf({ CORS_ORIGINS: '*,https://app.example.com' })).toEqual(['CORS_ORIGINS is "*" (every origin) or a list of origins, not both']);
    expect(problemsOf({ CORS_ORIGINS: '*', CORS_CREDENTIALS: 'on' })).toEqual([
      'CORS_CREDENTIALS=on cannot be combined with CORS_ORIGINS=*; list the origins that may send credentials',
    ]);
    expect(problemsOf({ CORS_ORIGINS: ' , ,' })).toEqual(['CORS_ORIGINS lists no origin, got ", ,"']);
    expect(problemsOf({ CORS_CREDENTIALS: 'sometimes' })).toEqual(['CORS_CREDENTIALS must be "on" or "off", got "sometimes"']);
  });
});
