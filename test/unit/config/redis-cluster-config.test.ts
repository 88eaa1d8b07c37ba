import { loadConfig, redactConfig } from '../../../src/config/config';
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

describe('REDIS_CLUSTER_NODES', () => {
  it('parses host:port seeds; no URL, no TLS, no password by default', () => {
    const config = loadConfig({ REDIS_CLUSTER_NODES: '10.0.0.1:7000, redis-1.internal:7001,[::1]:7002' });
    expect(config.redis.url).toBeNull();
    expect(config.redis.cluster).toEqual({
      nodes: [
        { host: '10.0.0.1', port: 7000 },
        { host: 'redis-1.internal', port: 7001 },
        { host: '::1', port: 7002 },
      ],
      password: null,
      tls: false,
    });
  });

  it('turns TLS on when every seed is rediss://, and takes the password from REDIS_CLUSTER_PASSWORD', () => {
    const config = loadConfig({ REDIS_CLUSTER_NODES: 'rediss://a:6379,rediss://b:6379', REDIS_CLUSTER_PASSWORD: 's3cret' });
    expect(config.redis.cluster).toEqual({ nodes: [{ host: 'a', port: 6379 }, { host: 'b', port: 6379 }], password: 's3cret', tls: true });
    expect(JSON.stringify(redactConfig(config))).not.toContain('s3cret');
    expect(redactConfig(config).redis).toEqual({ cluster: ['a:6379', 'b:6379'], tls: true, password: 'set', waitReplicas: 1 });
  });

  it('is one clear error when REDIS_URL is set too', () => {
    const problems = problemsOf({ REDIS_URL: 'redis://127.0.0.1:6379', REDIS_CLUSTER_NODES: '127.0.0.1:7000' });
    expect(problems.filter((p) => p.includes('REDIS_CLUSTER_NODES'))).toEqual([expect.stringMatching(/REDIS_URL and REDIS_CLUSTER_NODES are both set/)]);
  });

  it('refuses seeds mixing TLS and plain, malformed seeds, credentials in a seed and a lone password', () => {
    expect(problemsOf({ REDIS_CLUSTER_NODES: 'rediss://a:1,b:2' })).toEqual([expect.stringContaining('mixes rediss:// seeds with plain ones')]);
    expect(problemsOf({ REDIS_CLUSTER_NODES: 'a' })).toEqual([expect.stringContaining('every seed must be host:port')]);
    expect(problemsOf({ REDIS_CLUSTER_NODES: 'a:70000' })).toEqual([expect.stringContaining('port must be 1-65535')]);
    const withCredentials = problemsOf({ REDIS_CLUSTER_NODES: 'redis://:hunter2@a:1' });
    expect(withCredentials).toEqual([expect.stringContaining('put the password in REDIS_CLUSTER_PASSWORD')]);
    expect(withCredentials.join()).not.toContain('hunter2');
    expect(problemsOf({ REDIS_CLUSTER_PASSWORD: 'x' })).toEqual([expect.stringContaining('REDIS_CLUSTER_PASSWORD is set without REDIS_CLUSTER_NODES')]);
  });
});

describe('REDIS_WAIT_REPLICAS and REDIS_WAIT_TIMEOUT_MS', () => {
  it('wait for one replica on a cluster and none on one server by default, 500 ms at most', () => {
    expect(loadConfig({ REDIS_CLUSTER_NODES: 'a:7000' }).redis.wait).toEqual({ replicas: 1, timeoutMs: 500 });
    expect(loadConfig({ REDIS_URL: 'redis://a:6379' }).redis.wait).toEqual({ replicas: 0, timeoutMs: 500 });
    expect(loadConfig({ REDIS_CLUSTER_NODES: 'a:7000', REDIS_WAIT_REPLICAS: '2', REDIS_WAIT_TIMEOUT_MS: '1000' }).redis.wait).toEqual({ replicas: 2, timeoutMs: 1000 });
  });

  it('refuses a timeout the Redis command timeout would cut short, and a negative count', () => {
    expect(problemsOf({ REDIS_WAIT_TIMEOUT_MS: '5000' })).toEqual([expect.stringContaining('REDIS_WAIT_TIMEOUT_MS must be an integer from 10 to 1500')]);
    expect(problemsOf({ REDIS_WAIT_REPLICAS: '-1' })).toEqual([expect.stringContaining('REDIS_WAIT_REPLICAS must be an integer from 0 to 16')]);
  });
});
