import { startLocalRedisCluster } from '../test/helpers/local-redis-cluster';

/**
 * `npm run redis:cluster`: a 3-master, 3-replica Redis Cluster on free loopback ports, for trying cluster mode by hand.
 * Prints the REDIS_CLUSTER_NODES value; Ctrl-C stops every node and removes its temp dir.
 */
async function main(): Promise<void> {
  const cluster = await startLocalRedisCluster();
  console.log(`Redis Cluster up: 3 masters, 3 replicas (node ports ${cluster.nodes.map((n) => n.port).join(', ')})`);
  console.log(`REDIS_CLUSTER_NODES=${cluster.seeds}`);
  console.log('Ctrl-C stops it.');
  const shutdown = (): void => void cluster.stop().then(() => process.exit(0));
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
