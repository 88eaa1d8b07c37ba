import Redis, { Cluster } from 'ioredis';

const DEFAULT_URL = 'redis://127.0.0.1:6379';

/** REDIS_URL when set; else the local Redis when it answers PING within a second; else null (in-process log and bus). */
export async function findRedis(env) {
  if (env.REDIS_URL !== undefined && env.REDIS_URL.trim() !== '') return { url: env.REDIS_URL.trim(), source: 'REDIS_URL' };
  const probe = new Redis(DEFAULT_URL, { lazyConnect: true, connectTimeout: 1000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    await probe.connect();
    await probe.ping();
    return { url: DEFAULT_URL, source: 'local default' };
  } catch {
    return null;
  } finally {
    probe.disconnect();
  }
}

/** Deletes every key under the run's prefix: the bench writes ~100k events it must not leave behind. */
export async function deleteKeys(url, prefix) {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  let deleted = 0;
  try {
    for await (const keys of redis.scanStream({ match: `${prefix}*`, count: 1000 })) {
      if (keys.length > 0) deleted += await redis.unlink(...keys);
    }
  } finally {
    await redis.quit();
  }
  return deleted;
}

export async function redisVersion(url) {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    const info = await redis.info('server');
    return /redis_version:(\S+)/.exec(info)?.[1] ?? 'unknown';
  } finally {
    await redis.quit();
  }
}

/** Deletes every key under the prefix on each master of a Redis Cluster (BENCH_REDIS_CLUSTER_NODES). */
export async function deleteClusterKeys(seeds, prefix) {
  const cluster = new Cluster(parseSeeds(seeds), { redisOptions: { maxRetriesPerRequest: 1 } });
  let deleted = 0;
  try {
    await new Promise((resolve, reject) => {
      cluster.once('ready', resolve);
      cluster.once('error', reject);
    });
    for (const master of cluster.nodes('master')) {
      for await (const keys of master.scanStream({ match: `${prefix}*`, count: 1000 })) {
        for (const key of keys) deleted += await cluster.unlink(key);
      }
    }
  } finally {
    await cluster.quit();
  }
  return deleted;
}

export function parseSeeds(seeds) {
  return seeds.split(',').map((seed) => {
    const [host, port] = seed.trim().split(':');
    return { host, port: Number(port) };
  });
}
