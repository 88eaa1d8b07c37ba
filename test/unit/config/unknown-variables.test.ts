import { loadConfig } from '../../../src/config/config';
import { ConfigError } from '../../../src/config/config-error';
import { closestName, findUnknownVariables, levenshtein } from '../../../src/config/unknown-variables';
import { KNOWN_VARIABLE_NAMES } from '../../../src/config/variables';

describe('unknown variables with a gateway prefix', () => {
  it('are warnings outside production, each with the closest known name', () => {
    const config = loadConfig({ WHATSAPP_ACCES_TOKEN: 'token', GATEWAY_API_KEY: 'wgg_x', LOG_LEVL: 'debug' });
    expect(config.mode).toBe('sandbox');
    expect(config.warnings).toEqual([
      'GATEWAY_API_KEY is not a variable the gateway reads: did you mean GATEWAY_API_KEYS?',
      'LOG_LEVL is not a variable the gateway reads: did you mean LOG_LEVEL?',
      'WHATSAPP_ACCES_TOKEN is not a variable the gateway reads: did you mean WHATSAPP_ACCESS_TOKEN?',
    ]);
  });

  it('are errors in production, reported with the missing token they probably explain', () => {
    let error: unknown;
    try {
      loadConfig({ NODE_ENV: 'production', WHATSAPP_ACCES_TOKEN: 'token', GATEWAY_API_KEYS_FILE: '/run/keys.jsonl' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      expect.stringContaining('WHATSAPP_ACCESS_TOKEN is required in production'),
      'WHATSAPP_ACCES_TOKEN is not a variable the gateway reads: did you mean WHATSAPP_ACCESS_TOKEN?',
    ]);
  });

  it('say so without a guess when nothing known is close, and point Redis parts at REDIS_URL', () => {
    expect(findUnknownVariables({ GRAPHQL_PLAYGROUND: 'on', REDIS_PASSWORD: 'pw' }, KNOWN_VARIABLE_NAMES)).toEqual([
      { name: 'GRAPHQL_PLAYGROUND', suggestion: null },
      { name: 'REDIS_PASSWORD', suggestion: expect.stringMatching(/^REDIS_URL /) },
    ]);
    expect(loadConfig({ GRAPHQL_PLAYGROUND: 'on' }).warnings).toEqual(['GRAPHQL_PLAYGROUND is not a variable the gateway reads: remove it, or see .env.example for every variable the gateway reads']);
  });

  it('leave alone other namespaces, OpenTelemetry, and what Kubernetes or Docker links inject', () => {
    const env = {
      HOME: '/root',
      NODE_OPTIONS: '--max-old-space-size=512',
      OTEL_EXPORTER_OTLP_HEADERS: 'x=1',
      OTEL_RESOURCE_ATTRIBUTES: 'a=b',
      REDIS_PORT: 'tcp://10.0.0.7:6379',
      REDIS_PORT_6379_TCP: 'tcp://10.0.0.7:6379',
      REDIS_PORT_6379_TCP_ADDR: '10.0.0.7',
      REDIS_SERVICE_HOST: '10.0.0.7',
      REDIS_SERVICE_PORT: '6379',
      REDIS_SERVICE_PORT_CLIENT: '6379',
      WHATSAPP_GATEWAY_SERVICE_HOST: '10.0.0.8',
    };
    expect(findUnknownVariables(env, KNOWN_VARIABLE_NAMES)).toEqual([]);
    expect(loadConfig({ NODE_ENV: 'production', SANDBOX: 'on', ...env }).warnings).toEqual([]);
  });

  it('flag REDIS_PORT when it is a plain port an operator set', () => {
    expect(findUnknownVariables({ REDIS_PORT: '6380' }, KNOWN_VARIABLE_NAMES)).toEqual([{ name: 'REDIS_PORT', suggestion: expect.stringMatching(/^REDIS_URL /) }]);
  });
});

describe('closest names', () => {
  it('computes edit distances', () => {
    expect(levenshtein('', 'abc')).toBe(3);
    expect(levenshtein('kitten', 'sitting')).toBe(3);
    expect(levenshtein('WHATSAPP_ACCES_TOKEN', 'WHATSAPP_ACCESS_TOKEN')).toBe(1);
  });

  it('suggests within a third of the name, preferring the nearer and then the alphabetically first', () => {
    expect(closestName('SANDBOX_PROT', KNOWN_VARIABLE_NAMES)).toBe('SANDBOX_PORT');
    expect(closestName('META_APP_SECRETS', KNOWN_VARIABLE_NAMES)).toBe('META_APP_SECRET');
    expect(closestName('WEBHOOK_URL', KNOWN_VARIABLE_NAMES)).toBeNull();
    expect(closestName('AB', ['AC', 'AD'])).toBe('AC');
  });
});
